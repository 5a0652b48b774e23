package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An idea of a campaign with its comments.
 *
 * @param winner       shown only once the winners are published
 * @param refusalReason the tenant's reason code when refused (staff view only)
 */
public record IdeaView(UUID id, UUID campaignId, String title, String text, UUID authorId, String authorName,
        Instant submittedAt, ContentStatus status, boolean winner, String refusalReason, String reply,
        List<CommentView> comments) {

    public IdeaView {
        comments = List.copyOf(comments);
    }
}
