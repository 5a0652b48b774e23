package ru.civic.platform.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * The tenants this deployment serves, read from a cache that every member of the cluster invalidates when a
 * configuration changes anywhere. The database is the source of truth.
 */
public interface TenantRegistry {

    /** The tenant that answers on this host (case-insensitive, port ignored), if any. */
    Optional<Tenant> findByHost(String host);

    Optional<Tenant> find(TenantId id);

    default Tenant getRequired(TenantId id) {
        return find(id).orElseThrow(() -> new IllegalStateException("Unknown tenant " + id));
    }

    /** The configuration of the tenant of the current context. */
    default TenantConfiguration currentConfiguration() {
        return getRequired(TenantContext.getRequiredTenantId()).configuration();
    }

    List<Tenant> all();

    /** True for the hosts of the platform itself (the owner console, the list of tenants). */
    boolean isPlatformHost(String host);
}
