package ru.civic.platform.tenancy;

/** A tenant as the platform knows it now: its validated configuration, status and version. */
public record Tenant(TenantId id, TenantConfiguration configuration, TenantStatus status, long version) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
