package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A topic of a plan.
 *
 * @param addedByAmendment came into the plan after its approval, by an amendment with a reason
 * @param withdrawn        taken out of the plan (before approval, or by an amendment after it)
 */
public record Topic(UUID id, TopicKind kind, String title, String description, String proposingUnit,
        String proposedBy, Instant proposedAt, boolean addedByAmendment, boolean withdrawn) {
}
