package ru.civic.platform.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.civic.platform.tenancy.TenantConfiguration.PointsRules;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * The points ledger of the current tenant. The balance is the sum of an account's entries, read under a per-account
 * transaction lock whenever it is about to go down, so parallel redemptions on any number of instances can neither
 * overdraw it nor spend the same points twice. Awards are idempotent per (action, source) by a unique index, and every
 * reversal names the entry it reverses, once. The table is append-only for the application (grants and a trigger).
 */
@Service
public class PointsLedger {

    static final String SYSTEM = "system";
    private static final String COLUMNS =
            "id, account_id, amount, kind, action, source, reason, reverses, created_at, created_by";

    private final JdbcClient jdbc;
    private final TenantRegistry tenants;
    private final Clock clock;

    PointsLedger(JdbcClient jdbc, TenantRegistry tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** What the current tenant awards for an action; empty where points are off or the action is not priced. */
    public Optional<Integer> priceOf(PointsAction action) {
        PointsRules rules = tenants.currentConfiguration().points();
        if (rules == null || !rules.enabled()) {
            return Optional.empty();
        }
        return rules.rules().stream().filter(r -> r.action().equals(action.name()) && r.points() > 0)
                .map(r -> r.points()).findFirst();
    }

    /**
     * Awards the tenant's price for an action once per source: a repeated call (a redelivered event, two instances)
     * adds nothing. Accounts of another tenant are invisible here (row-level security), so nothing is awarded.
     *
     * @return the new entry, or empty when the tenant does not price the action or it was awarded already
     */
    @Transactional
    public Optional<PointsEntry> award(UUID accountId, PointsAction action, String source) {
        Optional<Integer> price = priceOf(action);
        if (price.isEmpty()) {
            return Optional.empty();
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("insert into points_entry (id, tenant_id, account_id, amount, kind, action, source,"
                        + " created_at, created_by)"
                        + " select :id, :tenant, a.id, :amount, 'AWARD', :action, :source, :at, :by from account a"
                        + " where a.id = :account and a.tenant_id = :tenant"
                        + " on conflict (tenant_id, account_id, action, source) where kind = 'AWARD' do nothing")
                .param("id", id).param("tenant", tenant()).param("account", accountId).param("amount", price.get())
                .param("action", action.name()).param("source", source).param("at", now()).param("by", SYSTEM)
                .update();
        return inserted == 0 ? Optional.empty() : find(id);
    }

    /**
     * Spends points (a shop order). Runs in the caller's transaction, so the order and the debit commit together;
     * the account's lock is held until then.
     *
     * @throws InsufficientPointsException when the balance is smaller than {@code points}; nothing is written
     */
    @Transactional
    public PointsEntry debit(UUID accountId, int points, String source, String reason, String by) {
        if (points <= 0) {
            throw new IllegalArgumentException("A debit is positive: " + points);
        }
        long balance = lockedBalance(accountId);
        if (balance < points) {
            throw new InsufficientPointsException(balance, points);
        }
        return insert(accountId, -points, EntryKind.REDEMPTION, source, reason, null, by);
    }

    /** Gives back a redemption (a cancelled order); a second refund of the same redemption is refused by the index. */
    @Transactional
    public PointsEntry refund(UUID redemptionId, String reason, String by) {
        PointsEntry redemption = find(redemptionId)
                .filter(e -> e.kind() == EntryKind.REDEMPTION)
                .orElseThrow(() -> new IllegalArgumentException("Not a redemption: " + redemptionId));
        lockedBalance(redemption.accountId());
        if (reversal(redemptionId).isPresent()) {
            throw new IllegalStateException("Redemption " + redemptionId + " was refunded already");
        }
        return insert(redemption.accountId(), -redemption.amount(), EntryKind.REFUND, redemption.source(), reason,
                redemptionId, by);
    }

    /**
     * Annuls every award not yet reversed (Gubkinsky 3.9: blocking annuls the bonuses awarded earlier) with reversing
     * entries that carry the reason. Points already spent stay spent; the balance may then be negative, which the
     * shop refuses to debit from. Running it twice reverses nothing twice.
     *
     * @return the reversing entries written
     */
    @Transactional
    public List<PointsEntry> annulAwards(UUID accountId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An annulment needs a reason");
        }
        lockedBalance(accountId);
        List<PointsEntry> open = jdbc.sql("select " + COLUMNS + " from points_entry e where e.tenant_id = :tenant"
                        + " and e.account_id = :account and e.kind = 'AWARD'"
                        + " and not exists (select 1 from points_entry r where r.reverses = e.id) order by created_at")
                .param("tenant", tenant()).param("account", accountId).query(PointsLedger::entry).list();
        return open.stream()
                .map(a -> insert(accountId, -a.amount(), EntryKind.ANNULMENT, a.source(), reason, a.id(), by))
                .toList();
    }

    /** A manual correction by staff: a new entry with a reason, never an edit. */
    @Transactional
    public PointsEntry correct(UUID accountId, int amount, String reason, String by) {
        if (amount == 0 || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A correction has an amount and a reason");
        }
        lockedBalance(accountId);
        return insert(accountId, amount, EntryKind.CORRECTION, "correction", reason, null, by);
    }

    /** The sum of the account's entries. */
    public long balance(UUID accountId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from points_entry where tenant_id = :tenant"
                        + " and account_id = :account")
                .param("tenant", tenant()).param("account", accountId).query(Long.class).single();
    }

    /** The account's entries, newest first. */
    public List<PointsEntry> history(UUID accountId) {
        return jdbc.sql("select " + COLUMNS + " from points_entry where tenant_id = :tenant and account_id = :account"
                        + " order by created_at desc, id")
                .param("tenant", tenant()).param("account", accountId).query(PointsLedger::entry).list();
    }

    public Optional<PointsEntry> find(UUID entryId) {
        return jdbc.sql("select " + COLUMNS + " from points_entry where tenant_id = :tenant and id = :id")
                .param("tenant", tenant()).param("id", entryId).query(PointsLedger::entry).optional();
    }

    /** The entry that reversed this one, if any. */
    public Optional<PointsEntry> reversal(UUID entryId) {
        return jdbc.sql("select " + COLUMNS + " from points_entry where tenant_id = :tenant and reverses = :id")
                .param("tenant", tenant()).param("id", entryId).query(PointsLedger::entry).optional();
    }

    // The lock serialises everything that can lower one account's balance, across instances (one database), until
    // the surrounding transaction ends. An advisory lock needs no privilege on the account row.
    private long lockedBalance(UUID accountId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('points:' || :account, 0))")
                .param("account", accountId.toString()).query((rs, n) -> 1).single();
        return balance(accountId);
    }

    private PointsEntry insert(UUID accountId, int amount, EntryKind kind, String source, String reason,
            UUID reverses, String by) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("insert into points_entry (id, tenant_id, account_id, amount, kind, source, reason,"
                        + " reverses, created_at, created_by)"
                        + " select :id, :tenant, a.id, :amount, :kind, :source, :reason, :reverses, :at, :by"
                        + " from account a where a.id = :account and a.tenant_id = :tenant")
                .param("id", id).param("tenant", tenant()).param("account", accountId).param("amount", amount)
                .param("kind", kind.name()).param("source", source).param("reason", reason)
                .param("reverses", reverses).param("at", now()).param("by", by == null ? SYSTEM : by).update();
        if (inserted == 0) {
            throw new IllegalArgumentException("No account " + accountId + " in this tenant");
        }
        return find(id).orElseThrow();
    }

    private String tenant() {
        return TenantContext.getRequiredTenantId().value();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static PointsEntry entry(ResultSet rs, int row) throws SQLException {
        String action = rs.getString("action");
        return new PointsEntry(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getInt("amount"), EntryKind.valueOf(rs.getString("kind")),
                action == null ? null : PointsAction.valueOf(action), rs.getString("source"), rs.getString("reason"),
                rs.getObject("reverses", UUID.class), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
