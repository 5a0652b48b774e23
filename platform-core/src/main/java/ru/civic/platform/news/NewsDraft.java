package ru.civic.platform.news;

import java.time.Instant;

/**
 * What a publisher writes: a title, a text and, for maintenance, when it starts and ends.
 *
 * @param startsAt for {@link NewsKind#MAINTENANCE} only
 * @param endsAt   for {@link NewsKind#MAINTENANCE} only; after {@code startsAt}
 */
public record NewsDraft(NewsKind kind, String title, String body, Instant startsAt, Instant endsAt) {

    public static NewsDraft news(String title, String body) {
        return new NewsDraft(NewsKind.NEWS, title, body, null, null);
    }

    public static NewsDraft maintenance(String title, String body, Instant startsAt, Instant endsAt) {
        return new NewsDraft(NewsKind.MAINTENANCE, title, body, startsAt, endsAt);
    }

    /** Refuses a draft the page could not show sensibly; the database checks the same once more. */
    public NewsDraft {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new IllegalArgumentException("title must be 1 to 300 characters");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body is required");
        }
        boolean window = startsAt != null || endsAt != null;
        if (kind == NewsKind.MAINTENANCE && (startsAt == null || endsAt == null || !endsAt.isAfter(startsAt))) {
            throw new IllegalArgumentException("maintenance needs a start and an end after it");
        }
        if (kind == NewsKind.NEWS && window) {
            throw new IllegalArgumentException("news has no time window");
        }
    }
}
