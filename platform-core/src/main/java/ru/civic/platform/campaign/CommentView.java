package ru.civic.platform.campaign;

import java.time.Instant;
import java.util.UUID;

/** A comment on an idea. */
public record CommentView(UUID id, UUID ideaId, String text, String authorName, Instant submittedAt,
        ContentStatus status) {
}
