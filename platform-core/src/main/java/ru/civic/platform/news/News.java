package ru.civic.platform.news;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.shared.ExpiringCache;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * News of the current tenant and announced maintenance (Tomsk 2.3), its own and the platform owner's for every
 * tenant. The tenant's items live in its row-level-secured {@code news} table; the platform owner's in
 * {@code platform_announcement}, which every tenant reads (docs/decisions/2026-11-23-news-and-maintenance.md).
 * What the home page shows is kept for {@link #LIFETIME} per tenant; whether a window is under way or over is
 * decided on every read, so a notice disappears as soon as its maintenance ends.
 */
@Service
public class News {

    /** How long a tenant's list is reused before it is read again (publishing here clears it at once). */
    public static final Duration LIFETIME = Duration.ofSeconds(30);
    /** At most this many news items are kept per tenant for the home page. */
    public static final int MAX_NEWS = 20;

    private record Row(UUID id, NewsKind kind, String title, String body, Instant publishedAt, Instant startsAt,
            Instant endsAt, boolean platformWide) {
    }

    private record Loaded(List<Row> maintenance, List<Row> news) {
    }

    private static final String COLUMNS = "id, kind, title, body, published_at, starts_at, ends_at";

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final Clock clock;
    private final ExpiringCache<TenantId, Loaded> cache;

    public News(JdbcClient jdbc, TenantRegistry tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
        this.cache = new ExpiringCache<>(clock, LIFETIME);
    }

    /** Publishes news or a maintenance notice on the current tenant's portal. */
    @Transactional
    @PreAuthorize("hasAnyRole('OPERATOR','PLATFORM_OWNER')")
    public UUID publish(NewsDraft draft) {
        return publishUnchecked(draft);
    }

    /** For start-up seeding (demo data), where no operator is signed in. */
    @Transactional
    public UUID publishUnchecked(NewsDraft draft) {
        TenantId tenant = TenantContext.getRequiredTenantId();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into news (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, draft.kind().name(), draft.title(), draft.body(), utc(clock.instant()),
                        utc(draft.startsAt()), utc(draft.endsAt()))
                .update();
        cache.evict(tenant);
        return id;
    }

    /** Announces news or maintenance of the whole platform on every tenant's portal. */
    @Transactional
    @PreAuthorize("hasRole('PLATFORM_OWNER')")
    public UUID announceForAllTenants(NewsDraft draft) {
        return announceForAllTenantsUnchecked(draft);
    }

    /** For start-up seeding (demo data), where no platform owner is signed in. */
    @Transactional
    public UUID announceForAllTenantsUnchecked(NewsDraft draft) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into platform_announcement (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, draft.kind().name(), draft.title(), draft.body(), utc(clock.instant()),
                        utc(draft.startsAt()), utc(draft.endsAt()))
                .update();
        cache.clear();
        return id;
    }

    /**
     * The platform owner's announcements still to be seen: maintenance that has not ended (soonest first), then news,
     * newest first; times in {@code zone}.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('PLATFORM_OWNER')")
    public List<NewsItem> announcedForAllTenants(ZoneId zone) {
        Instant now = clock.instant();
        List<Row> maintenance = jdbc.sql("select " + COLUMNS + ", true from platform_announcement"
                        + " where kind = 'MAINTENANCE' and ends_at > ? order by starts_at, ends_at")
                .param(utc(now)).query(News::row).list();
        List<Row> news = jdbc.sql("select " + COLUMNS + ", true from platform_announcement where kind = 'NEWS'"
                        + " order by published_at desc limit ?")
                .param(MAX_NEWS).query(News::row).list();
        return java.util.stream.Stream.concat(maintenance.stream(), news.stream()).map(r -> item(r, zone, now))
                .toList();
    }

    /**
     * Withdraws an announcement of the platform owner (maintenance called off, or announced by mistake). Every
     * tenant's home page stops showing it: at once on this instance, within {@link #LIFETIME} on the others.
     *
     * @return false when there was no such announcement (already withdrawn)
     */
    @Transactional
    @PreAuthorize("hasRole('PLATFORM_OWNER')")
    public boolean withdrawForAllTenants(UUID id) {
        int deleted = jdbc.sql("delete from platform_announcement where id = ?").param(id).update();
        cache.clear();
        return deleted > 0;
    }

    /**
     * What the current tenant's home page shows: maintenance under way or to come (soonest first), and the newest
     * {@code newsLimit} news items (at most {@link #MAX_NEWS}), newest first.
     */
    public HomeNews current(int newsLimit) {
        TenantId tenant = TenantContext.getRequiredTenantId();
        ZoneId zone = tenants.getRequired(tenant).configuration().zoneId();
        Instant now = clock.instant();
        Loaded loaded = cache.get(tenant, () -> load(now));
        List<NewsItem> maintenance = loaded.maintenance().stream()
                .filter(r -> r.endsAt().isAfter(now))
                .sorted(Comparator.comparing(Row::startsAt).thenComparing(Row::endsAt))
                .map(r -> item(r, zone, now))
                .toList();
        List<NewsItem> news = loaded.news().stream().limit(Math.max(0, newsLimit)).map(r -> item(r, zone, now))
                .toList();
        return new HomeNews(maintenance, news);
    }

    /** Whether any maintenance, the tenant's own or the platform's, was announced that has not ended yet. */
    @Transactional(readOnly = true)
    public boolean maintenanceAnnounced(boolean platformWide) {
        String from = platformWide ? "platform_announcement where" : "news where withdrawn_at is null and";
        return jdbc.sql("select exists (select 1 from " + from + " kind = 'MAINTENANCE' and ends_at > ?)")
                .param(utc(clock.instant())).query(Boolean.class).single();
    }

    /** Whether the current tenant has published any news at all. */
    @Transactional(readOnly = true)
    public boolean anyNews() {
        return jdbc.sql("select exists (select 1 from news where kind = 'NEWS')").query(Boolean.class).single();
    }

    /** A tenant's own item as its operator's list shows it, withdrawn ones included; a window in the tenant's zone. */
    public record Entry(UUID id, NewsKind kind, String title, String body, Instant publishedAt,
            ZonedDateTime startsAt, ZonedDateTime endsAt, Instant withdrawnAt) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** The current tenant's own news and maintenance notices, the latest published first (for its operator). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('OPERATOR','PLATFORM_OWNER')")
    public List<Entry> own() {
        ZoneId zone = tenants.currentConfiguration().zoneId();
        return jdbc.sql("select " + COLUMNS + ", withdrawn_at from news order by published_at desc limit 500")
                .query((rs, i) -> {
                    Instant starts = instant(rs, 6);
                    Instant ends = instant(rs, 7);
                    return new Entry(rs.getObject(1, UUID.class), NewsKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), instant(rs, 5), starts == null ? null : starts.atZone(zone),
                            ends == null ? null : ends.atZone(zone), instant(rs, 8));
                }).list();
    }

    /**
     * Publishes on the current tenant's portal from a later moment (an operator's publish date); the home page shows
     * it from then on. A moment already past publishes now: an item is never dated back.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OPERATOR','PLATFORM_OWNER')")
    public UUID publish(NewsDraft draft, Instant publishAt) {
        TenantId tenant = TenantContext.getRequiredTenantId();
        Instant now = clock.instant();
        Instant at = publishAt == null || publishAt.isBefore(now) ? now : publishAt;
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into news (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, draft.kind().name(), draft.title(), draft.body(), utc(at), utc(draft.startsAt()),
                        utc(draft.endsAt()))
                .update();
        cache.evict(tenant);
        return id;
    }

    /**
     * Withdraws one of the current tenant's items from its portal (row-level security keeps another tenant's out of
     * reach). The row stays, marked, for the operator's list.
     *
     * @return false when there is no such item here or it was already withdrawn
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OPERATOR','PLATFORM_OWNER')")
    public boolean withdraw(UUID id) {
        TenantId tenant = TenantContext.getRequiredTenantId();
        int changed = jdbc.sql("update news set withdrawn_at = ? where id = ? and withdrawn_at is null")
                .params(utc(clock.instant()), id).update();
        cache.evict(tenant);
        return changed == 1;
    }

    private Loaded load(Instant now) {
        // Row-level security keeps "news" to the current tenant; the platform's announcements are everyone's.
        // Withdrawn items are kept for the operator's list; an item dated later appears from that moment.
        List<Row> maintenance = jdbc.sql("select " + COLUMNS + ", false from news"
                        + " where kind = 'MAINTENANCE' and ends_at > ? and withdrawn_at is null"
                        + " union all select " + COLUMNS + ", true from platform_announcement"
                        + " where kind = 'MAINTENANCE' and ends_at > ?")
                .params(utc(now), utc(now)).query(News::row).list();
        List<Row> news = jdbc.sql("(select " + COLUMNS + ", false from news where kind = 'NEWS'"
                        + " and withdrawn_at is null and published_at <= ?"
                        + " order by published_at desc limit ?)"
                        + " union all (select " + COLUMNS + ", true from platform_announcement where kind = 'NEWS'"
                        + " order by published_at desc limit ?)"
                        + " order by 5 desc limit ?")
                .params(utc(now), MAX_NEWS, MAX_NEWS, MAX_NEWS).query(News::row).list();
        return new Loaded(maintenance, news);
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), NewsKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getBoolean(8));
    }

    private static NewsItem item(Row r, ZoneId zone, Instant now) {
        boolean inProgress = r.startsAt() != null && !now.isBefore(r.startsAt()) && now.isBefore(r.endsAt());
        return new NewsItem(r.id(), r.kind(), r.title(), r.body(), r.publishedAt(),
                r.startsAt() == null ? null : r.startsAt().atZone(zone),
                r.endsAt() == null ? null : r.endsAt().atZone(zone), r.platformWide(), inProgress);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
