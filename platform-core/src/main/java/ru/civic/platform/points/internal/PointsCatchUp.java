package ru.civic.platform.points.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;


import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.points.PointsAction;
import ru.civic.platform.points.PointsLedger;
import ru.civic.platform.shared.ClusterLock;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * Writes the awards and annulments {@link PointsAwards} lost (the database restarted between the action's commit and
 * the award, the instance died): the project keeps no outbox of events, but every award can be re-derived from the
 * rows that earned it, and awards and annulments are idempotent. Tenant by tenant where points are on, it re-reads the
 * sources of the last {@code platform.points-catch-up-window} and awards, by the same {@link AwardRules}, whatever has
 * no award yet; where blocking annuls, it annuls the open awards of residents blocked in the window. Anything written
 * means a listener failed, so it is counted in {@code civic.points.caught_up} and logged at WARN. Like the deadline
 * watch, only the instance holding a PostgreSQL advisory lock works.
 */
@Component
public class PointsCatchUp {

    private static final Logger log = LoggerFactory.getLogger(PointsCatchUp.class);
    /** The advisory lock's key: any constant shared by all instances ("civic_pt"). */
    static final long LOCK_KEY = 0x63697669635F7074L;
    /** Sources younger than this are left to their listener, which may still be running: no false alarms. */
    static final Duration GRACE = Duration.ofMinutes(10);
    private static final String SYSTEM = "system";

    /** What the catch-up wrote in one run, over all tenants. */
    public record CaughtUp(int awards, int annulments) {
    }

    private record Missing(UUID accountId, String source) {
    }

    private record Blocked(UUID accountId, String reason) {
    }

    private final TenantRegistry tenants;
    private final PointsLedger ledger;
    private final AwardRules rules;
    private final JdbcClient jdbc;
    private final ClusterLock lock;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration window;

    PointsCatchUp(TenantRegistry tenants, PointsLedger ledger, AwardRules rules, JdbcClient jdbc,
            ClusterLock lock, PlatformTransactionManager transactions, MeterRegistry meters, Clock clock,
            @Value("${platform.points-catch-up-window:7d}") Duration window) {
        this.tenants = tenants;
        this.ledger = ledger;
        this.rules = rules;
        this.jdbc = jdbc;
        this.lock = lock;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
        this.clock = clock;
        this.window = window;
    }

    @Scheduled(fixedDelayString = "${platform.points-catch-up-interval:1h}",
            initialDelayString = "${platform.points-catch-up-initial-delay:5m}")
    void scheduled() {
        runOnce();
    }

    /** One pass over every active tenant; empty when another instance holds the lock. */
    public Optional<CaughtUp> runOnce() {
        try {
            return lock.ifFree(LOCK_KEY, () -> {
                Instant until = clock.instant().minus(GRACE);
                Instant since = until.minus(window);
                int awards = 0;
                int annulments = 0;
                for (Tenant tenant : tenants.all()) {
                    if (!tenant.isActive() || !pointsOn(tenant.configuration())) {
                        continue;
                    }
                    try {
                        CaughtUp done = TenantContext.callAs(tenant.id(),
                                () -> runForTenant(tenant.configuration(), since, until));
                        awards += done.awards();
                        annulments += done.annulments();
                    } catch (RuntimeException e) {
                        log.warn("Points catch-up of {} skipped: {}", tenant.id(), e.getMessage());
                    }
                }
                return new CaughtUp(awards, annulments);
            });
        } catch (SQLException e) {
            log.warn("Points catch-up skipped: {}", e.getMessage());
            return Optional.of(new CaughtUp(0, 0));
        }
    }

    private static boolean pointsOn(TenantConfiguration configuration) {
        return configuration.points() != null && configuration.points().enabled();
    }

    private CaughtUp runForTenant(TenantConfiguration configuration, Instant since, Instant until) {
        int awards = 0;
        for (PointsAction action : PointsAction.values()) {
            if (ledger.priceOf(action).isEmpty()) {
                continue;
            }
            for (Missing m : missing(action, since, until)) {
                // Each in its own transaction: one that fails (a resident deleted meanwhile) leaves the rest written.
                Boolean written = transaction.execute(s -> rules.award(m.accountId(), action, m.source(), () -> true));
                awards += Boolean.TRUE.equals(written) ? 1 : 0;
            }
        }
        int annulments = 0;
        if (AwardRules.annulsOnBlock(configuration)) {
            for (Blocked b : blockedWithOpenAwards(since, until)) {
                String reason = AwardRules.annulmentReason(configuration, b.reason(), null);
                Integer n = transaction.execute(s -> ledger.annulAwards(b.accountId(), reason, SYSTEM).size());
                annulments += n == null ? 0 : n;
            }
        }
        meters.counter("civic.points.caught_up", "tenant", configuration.id(), "kind", "AWARD").increment(awards);
        meters.counter("civic.points.caught_up", "tenant", configuration.id(), "kind", "ANNULMENT")
                .increment(annulments);
        if (awards > 0 || annulments > 0) {
            log.warn("Points catch-up in tenant {} wrote {} awards and {} annulments an event listener had missed;"
                    + " see civic.points.failures", configuration.id(), awards, annulments);
        }
        return new CaughtUp(awards, annulments);
    }

    /**
     * The (account, source) pairs that earned the action in the window and have no award for it yet; the conditions
     * are the listener's events': a published message, a resident's support, a resident's vote (completed: every
     * question answered), a published idea or comment.
     */
    private List<Missing> missing(PointsAction action, Instant since, Instant until) {
        String earned = switch (action) {
            // Every transition of a published message awards (once), so any transition in the window counts.
            case MESSAGE_PUBLISHED -> """
                    select m.author_id as account_id, 'message:' || m.id as source from message m
                    where m.tenant_id = :tenant and m.published and m.author_id is not null
                      and exists (select 1 from message_transition t where t.message_id = m.id
                                  and t.at >= :since and t.at < :until)""";
            // A merge of a duplicate copies its supports (and adds its author) without an event; those earned
            // nothing and must not now.
            case SUPPORT -> """
                    select cast(substring(s.supporter from 9) as uuid) as account_id,
                           'message:' || s.message_id as source
                    from message_support s
                    where s.tenant_id = :tenant and not s.guest and s.supporter like 'account:%'
                      and s.created_at >= :since and s.created_at < :until
                      and not exists (select 1 from message d where d.duplicate_of = s.message_id
                                      and (cast(d.author_id as varchar) = substring(s.supporter from 9)
                                           or exists (select 1 from message_support ds where ds.message_id = d.id
                                                      and ds.supporter = s.supporter)))""";
            case VOTE -> votes("");
            case POLL_COMPLETED -> votes(" and " + AwardRules.ANSWERED_EVERY_QUESTION);
            case IDEA_PUBLISHED -> """
                    select i.author_id as account_id, 'idea:' || i.id as source from campaign_idea i
                    where i.tenant_id = :tenant and i.status = 'PUBLISHED'
                      and i.moderated_at >= :since and i.moderated_at < :until""";
            case COMMENT -> """
                    select c.author_id as account_id, 'comment:' || c.id as source from campaign_comment c
                    where c.tenant_id = :tenant and c.status = 'PUBLISHED'
                      and c.moderated_at >= :since and c.moderated_at < :until""";
        };
        return jdbc.sql("select e.account_id, e.source from (" + earned + ") e where not exists ("
                        + "select 1 from points_entry p where p.tenant_id = :tenant and p.account_id = e.account_id"
                        + " and p.kind = 'AWARD' and p.action = :action and p.source = e.source)")
                .param("tenant", TenantContext.getRequiredTenantId().value()).param("action", action.name())
                .param("since", utc(since)).param("until", utc(until))
                .query((rs, n) -> new Missing(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private static String votes(String condition) {
        return """
                select cast(substring(v.voter from 9) as uuid) as account_id, 'poll:' || v.poll_id as source
                from poll_vote v
                where v.tenant_id = :tenant and not v.guest and v.voter like 'account:%'
                  and v.voted_at >= :since and v.voted_at < :until""" + condition;
    }

    private List<Blocked> blockedWithOpenAwards(Instant since, Instant until) {
        return jdbc.sql("""
                        select a.id, a.blocked_reason from account a
                        where a.tenant_id = :tenant and a.blocked_at >= :since and a.blocked_at < :until
                          and exists (select 1 from points_entry e where e.tenant_id = :tenant
                                        and e.account_id = a.id and e.kind = 'AWARD'
                                        and not exists (select 1 from points_entry r where r.reverses = e.id))""")
                .param("tenant", TenantContext.getRequiredTenantId().value())
                .param("since", utc(since)).param("until", utc(until))
                .query((rs, n) -> new Blocked(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
