package ru.civic.platform.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;

/**
 * A person's subject at an external OpenID provider (ESIA), linked to an account of the tenant. Tenant-owned like the
 * account: the same subject signing in on another tenant's host gets that tenant's own, separate account.
 */
@Entity
@Table(name = "external_identity")
class ExternalIdentity {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String provider;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected ExternalIdentity() {
    }

    ExternalIdentity(String provider, String subject, UUID accountId) {
        this.id = UUID.randomUUID();
        this.provider = provider;
        this.subject = subject;
        this.accountId = accountId;
    }

    UUID getAccountId() {
        return accountId;
    }
}
