package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/** The moderator published a campaign idea (the points ledger awards IDEA_PUBLISHED for it). */
public record IdeaPublished(String tenantId, UUID campaignId, UUID ideaId, UUID authorId, Instant publishedAt) {
}
