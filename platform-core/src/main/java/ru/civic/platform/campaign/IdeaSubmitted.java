package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/** A resident submitted an idea to a campaign; it awaits moderation. */
public record IdeaSubmitted(String tenantId, UUID campaignId, UUID ideaId, UUID authorId, Instant submittedAt) {
}
