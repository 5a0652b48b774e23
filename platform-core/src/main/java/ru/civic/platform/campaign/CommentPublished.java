package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/** The moderator published a comment on a campaign idea (the points ledger awards COMMENT for it). */
public record CommentPublished(String tenantId, UUID campaignId, UUID ideaId, UUID commentId, UUID authorId,
        Instant publishedAt) {
}
