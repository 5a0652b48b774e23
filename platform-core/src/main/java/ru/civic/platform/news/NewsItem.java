package ru.civic.platform.news;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A news item or a maintenance notice as a portal shows it; times of a maintenance window in the tenant's zone.
 *
 * @param platformWide announced by the platform owner for every tenant
 * @param inProgress   a maintenance window that has started and not yet ended
 */
public record NewsItem(UUID id, NewsKind kind, String title, String body, Instant publishedAt,
        ZonedDateTime startsAt, ZonedDateTime endsAt, boolean platformWide, boolean inProgress) {
}
