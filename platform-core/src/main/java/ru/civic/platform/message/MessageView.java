package ru.civic.platform.message;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ru.civic.platform.tenancy.TenantConfiguration.MessageKind;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;

/**
 * A message as one reader may see it: the public sees published messages without the author's personal data, and
 * answers only when public; the author and staff see everything about it.
 */
public record MessageView(String number, MessageKind kind, StageStatus status, String stage, String stageName,
        String text, String categoryId, String categoryName, String organisationId, String organisationName,
        Place place, String districtId, String districtName, Instant occurredAt, Instant receivedAt, Instant dueAt, Instant stageDueAt, boolean published,
        int supportCount, List<PhotoRef> photos, Answer answer, String rating, String ratingRemarks,
        String refusalReason, String refusalReasonTitle, boolean mine, String authorName,
        List<TimelineEntry> timeline, String duplicateOf) {

    public record PhotoRef(String key, String thumbnailKey, int width, int height) {
    }

    public record Answer(String text, Message.Result result, LocalDate postponedUntil, String executorPosition,
            List<String> attachments, Instant answeredAt) {
    }

    /** One line of the status timeline: when, the status entered, a title, and what the reader may see of why. */
    public record TimelineEntry(Instant at, StageStatus status, String stage, String title, String reason,
            String comment, Instant dueAt) {
    }
}
