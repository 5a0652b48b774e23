package ru.civic.platform.message;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import ru.civic.platform.shared.ExpiringCache;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * The live figures a tenant's home page shows (Tomsk 6.1: counts of messages and supporters are public): how many
 * messages were received, published and answered, and how many supports they gathered. One aggregate query over
 * the tenant's messages, kept for {@link #LIFETIME} per tenant, so anonymous home page views do not each reach the
 * database.
 */
@Service
public class MessageFigures {

    /** How long a tenant's figures are reused before they are counted again. */
    public static final Duration LIFETIME = Duration.ofSeconds(30);

    /**
     * @param received  every message the tenant has received, public or not
     * @param published messages visible to the public
     * @param answered  messages that have an answer standing (an answered stage was reached and not reopened)
     * @param supports  supports given to the tenant's messages
     */
    public record Figures(long received, long published, long answered, long supports) {
    }

    private final JdbcClient jdbc;
    private final ExpiringCache<TenantId, Figures> cache;

    public MessageFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.cache = new ExpiringCache<>(clock, LIFETIME);
    }

    /** The current tenant's figures, at most {@link #LIFETIME} old. */
    public Figures current() {
        TenantId tenant = TenantContext.getRequiredTenantId();
        return cache.get(tenant, () -> count(tenant));
    }

    private Figures count(TenantId tenant) {
        // Row-level security already limits the rows to the tenant; the condition says so to the planner too.
        return jdbc.sql("""
                select count(*),
                       count(*) filter (where published),
                       count(*) filter (where answered_at is not null),
                       coalesce(sum(support_count), 0)
                from message where tenant_id = ?""")
                .param(tenant.value())
                .query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
