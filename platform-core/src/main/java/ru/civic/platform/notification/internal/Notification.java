package ru.civic.platform.notification.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

import ru.civic.platform.notification.CabinetNotification;

/**
 * A notification in a person's cabinet. The tenant is stamped by Hibernate from the current context and checked again
 * by row-level security. Only the read mark ever changes.
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "message_number", updatable = false)
    private String messageNumber;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    public Notification(UUID accountId, String subject, String body, String messageNumber, Instant createdAt) {
        this.accountId = accountId;
        this.subject = subject;
        this.body = body;
        this.messageNumber = messageNumber;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public CabinetNotification toCabinetNotification() {
        return new CabinetNotification(id, subject, body, messageNumber, createdAt, readAt);
    }
}
