package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign's winning ideas were published; {@code authorIds} in the order of {@code ideaIds}. */
public record CampaignWinnersPublished(String tenantId, UUID campaignId, List<UUID> ideaIds, List<UUID> authorIds,
        Instant publishedAt) {

    public CampaignWinnersPublished {
        ideaIds = List.copyOf(ideaIds);
        authorIds = List.copyOf(authorIds);
    }
}
