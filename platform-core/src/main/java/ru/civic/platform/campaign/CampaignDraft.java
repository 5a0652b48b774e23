package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign to open on a CAMPAIGN topic of an approved plan.
 *
 * @param initiatingUnit the organisation id the results go to; blank = the unit that proposed the topic
 */
public record CampaignDraft(UUID topicId, String title, String description, String initiatingUnit,
        Instant startsAt, Instant endsAt) {
}
