package ru.civic.platform.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A campaign and where it stands, with its two deadlines (3.13–3.14).
 *
 * @param resultsOverdue results not sent to the initiating unit by {@code resultsDueAt}: still pending after it,
 *                       or sent late
 * @param reportOverdue  the implementation report not published by {@code reportDueAt}: pending after it, or late
 */
public record CampaignSummary(UUID id, UUID topicId, String title, String description, String initiatingUnit,
        Instant startsAt, Instant endsAt, Phase phase, long publishedIdeas, long awaitingModeration,
        Instant winnersPublishedAt, Instant resultsDueAt, Instant resultsSentAt, boolean resultsOverdue,
        LocalDate implementationDueOn, Instant reportDueAt, Instant reportPublishedAt, boolean reportOverdue) {

    public enum Phase { UPCOMING, OPEN, FINISHED }

    public boolean open() {
        return phase == Phase.OPEN;
    }

    public boolean winnersPublished() {
        return winnersPublishedAt != null;
    }

    public boolean reportPublished() {
        return reportPublishedAt != null;
    }
}
