package ru.civic.platform.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.TenantId;

/**
 * One e-mailed invitation to set the password of a staff account. Holds the SHA-256 of the link's token, never the
 * token. Live until used, voided by a newer one, or past {@code expiresAt}.
 */
@Entity
@Table(name = "account_invitation")
class AccountInvitation {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    @Column(name = "sent_by", nullable = false, updatable = false)
    private String sentBy;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    /** Two tabs accepting the same link at once: the second commit fails instead of setting a second password. */
    @Version
    private long version;

    protected AccountInvitation() {
    }

    AccountInvitation(UUID accountId, String tokenHash, Instant sentAt, String sentBy, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.sentAt = sentAt;
        this.sentBy = sentBy;
        this.expiresAt = expiresAt;
    }

    UUID getAccountId() {
        return accountId;
    }

    Instant getSentAt() {
        return sentAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getUsedAt() {
        return usedAt;
    }

    boolean isVoided() {
        return voidedAt != null;
    }

    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void use(Instant at) {
        this.usedAt = at;
    }

    void voidAt(Instant at) {
        this.voidedAt = at;
    }

    StaffInvitations.InvitationState state() {
        return new StaffInvitations.InvitationState(sentAt, expiresAt, usedAt);
    }
}
