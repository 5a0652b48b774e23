package ru.civic.platform.points;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.tenancy.TenantContext;

/**
 * Who earned the most points in a period (Tomsk 1.1, the users' rating). What counts is what residents earned, not
 * what they hold: the awards made in the period less those of them annulled since (whenever the annulment came, so a
 * blocked resident drops out of every period), never the shop's debits or refunds.
 */
@Service
public class PointsStandings {

    /** One resident's earnings in the period. */
    public record Earned(UUID accountId, String name, long points) {
    }

    /** One resident's place among everyone who earned points in the period (equal points share a place). */
    public record Place(int place, int of, long points) {
    }

    private final JdbcClient jdbc;

    PointsStandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current tenant's residents with positive earnings in [from, to), the most first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Earned> earned(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select e.account_id, a.display_name, sum(e.amount + coalesce(r.amount, 0)) as earned
                        from points_entry e
                        join account a on a.id = e.account_id
                        left join points_entry r on r.reverses = e.id and r.kind = 'ANNULMENT'
                        where e.tenant_id = :tenant and e.kind = 'AWARD'
                          and e.created_at >= :from and e.created_at < :to
                        group by e.account_id, a.display_name
                        having sum(e.amount + coalesce(r.amount, 0)) > 0
                        order by earned desc, a.display_name, e.account_id
                        limit :limit""")
                .param("tenant", TenantContext.getRequiredTenantId().value())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("limit", limit)
                .query((rs, i) -> new Earned(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /**
     * The resident's own place by the same rule as {@link #earned}: 1, 1, 3 for equal points. Empty when they
     * earned nothing in the period.
     */
    @Transactional(readOnly = true)
    public Optional<Place> placeOf(UUID accountId, Instant from, Instant to) {
        return jdbc.sql("""
                        with earned as (
                            select e.account_id, sum(e.amount + coalesce(r.amount, 0)) as points
                            from points_entry e
                            left join points_entry r on r.reverses = e.id and r.kind = 'ANNULMENT'
                            where e.tenant_id = :tenant and e.kind = 'AWARD'
                              and e.created_at >= :from and e.created_at < :to
                            group by e.account_id
                            having sum(e.amount + coalesce(r.amount, 0)) > 0),
                        ranked as (
                            select account_id, points, rank() over (order by points desc) as place,
                                   count(*) over () as total
                            from earned)
                        select place, total, points from ranked where account_id = :account""")
                .param("tenant", TenantContext.getRequiredTenantId().value())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to)).param("account", accountId)
                .query((rs, i) -> new Place(rs.getInt(1), rs.getInt(2), rs.getLong(3))).optional();
    }
}
