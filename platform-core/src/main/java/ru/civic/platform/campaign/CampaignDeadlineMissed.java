package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign deadline passed with the work not done (Gubkinsky 3.13–3.14); published once per deadline, when its
 * staff are reminded.
 */
public record CampaignDeadlineMissed(String tenantId, UUID campaignId, Which which, Instant dueAt) {

    public enum Which {
        /** The results were not sent to the initiating unit within {@code campaigns.resultsDue}. */
        RESULTS,
        /** The implementation report was not published within {@code campaigns.reportDue}. */
        REPORT
    }
}
