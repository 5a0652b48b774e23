package ru.civic.platform.notification.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.civic.platform.tenancy.TenantContext;

/**
 * The {@code email_outbox} table: e-mails written in the transaction of the action that causes them, sent later by
 * {@link EmailOutboxRelay}. Rows are never deleted (the application role may not): a sent or dead row is the record
 * that the mail went out, or why it did not. Plain SQL because the relay needs {@code for update skip locked}.
 */
@Repository
public class EmailOutbox {

    /** A row waiting to be sent, as the relay claimed it. */
    public record PendingEmail(long id, String toAddress, String toName, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;

    EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues an e-mail for the tenant of the current context; due at once. */
    public void enqueue(Long notificationId, String toAddress, String toName, String subject, String body,
            Instant now) {
        jdbc.sql("""
                insert into email_outbox (tenant_id, notification_id, to_address, to_name, subject, body, created_at,
                                          next_attempt_at)
                values (:tenant, :notification, :to, :name, :subject, :body, :now, :now)""")
                .param("tenant", TenantContext.getRequiredTenantId().value())
                .param("notification", notificationId)
                .param("to", toAddress)
                .param("name", toName)
                .param("subject", subject)
                .param("body", body)
                .param("now", utc(now))
                .update();
    }

    /**
     * Locks up to {@code limit} rows of the current tenant that are due at {@code now}, skipping rows another relay
     * (this instance or another) holds: the lock lasts until the caller's transaction ends, so no row is sent twice.
     * Must run in a transaction.
     */
    List<PendingEmail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                select id, to_address, to_name, subject, body, attempts from email_outbox
                where tenant_id = :tenant and sent_at is null and not dead and next_attempt_at <= :now
                order by next_attempt_at, id
                limit :limit
                for update skip locked""")
                .param("tenant", TenantContext.getRequiredTenantId().value())
                .param("now", utc(now))
                .param("limit", limit)
                .query((rs, n) -> new PendingEmail(rs.getLong("id"), rs.getString("to_address"),
                        rs.getString("to_name"), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("update email_outbox set sent_at = :at, attempts = attempts + 1 where id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    void markFailed(long id, int attempts, Instant nextAttemptAt, boolean dead, String error) {
        jdbc.sql("""
                update email_outbox set attempts = :attempts, next_attempt_at = :next, dead = :dead, last_error = :error
                where id = :id""")
                .param("attempts", attempts)
                .param("next", utc(nextAttemptAt))
                .param("dead", dead)
                .param("error", error)
                .param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
