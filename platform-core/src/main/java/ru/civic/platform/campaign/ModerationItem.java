package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * An idea or a comment waiting for the moderator.
 *
 * @param ideaId the idea itself, or the idea commented on
 * @param title  the idea's title (for a comment: of the idea it is on)
 */
public record ModerationItem(Kind kind, UUID id, UUID campaignId, String campaignTitle, UUID ideaId, String title,
        String text, String authorName, Instant submittedAt) {

    public enum Kind { IDEA, COMMENT }
}
