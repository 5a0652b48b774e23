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

    /**
     * The language pages start in: the current tenant's default, or Russian on the platform host. Not the browser's:
     * these are Russian public services; English is there for whoever chooses it.
     */
    default java.util.Locale currentLocale() {
        return TenantContext.currentTenant().flatMap(this::find)
                .map(t -> java.util.Locale.forLanguageTag(t.configuration().defaultLocale()))
                .orElse(java.util.Locale.of("ru"));
    }

    List<Tenant> all();

    /** True for the hosts of the platform itself (the owner console, the list of tenants). */
    boolean isPlatformHost(String host);
}
