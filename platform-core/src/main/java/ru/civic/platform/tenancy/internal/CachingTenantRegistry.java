package ru.civic.platform.tenancy.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.civic.platform.shared.PlatformProperties;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * This member's cache of every tenant, rebuilt from the database when any member announces a change (see
 * {@link ClusterTenantEvents}). Lookups by host are a map read: they run on every request.
 */
@Component
class CachingTenantRegistry implements TenantRegistry {

    private static final Logger log = LoggerFactory.getLogger(CachingTenantRegistry.class);

    private record Snapshot(Map<TenantId, Tenant> byId, Map<String, Tenant> byHost) {
    }

    private final TenantStore store;
    private final TenantDocumentReader reader;
    private final String localDomain;
    private final Set<String> platformHosts;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    CachingTenantRegistry(TenantStore store, TenantDocumentReader reader, PlatformProperties properties) {
        this.store = store;
        this.reader = reader;
        this.localDomain = properties.localDomain();
        this.platformHosts = properties.platformHosts().stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Reloads every tenant from the database (at start-up). */
    synchronized void reload() {
        Map<TenantId, Tenant> byId = new TreeMap<>();
        for (TenantStore.StoredTenant stored : store.findAll()) {
            parse(stored).ifPresent(t -> byId.put(t.id(), t));
        }
        publish(byId);
    }

    /** Reloads one tenant, after another member announced a change to it: the others are not parsed again. */
    synchronized void reload(TenantId id) {
        Map<TenantId, Tenant> byId = new TreeMap<>(snapshot.byId());
        byId.remove(id);
        store.find(id.value()).flatMap(this::parse).ifPresent(t -> byId.put(id, t));
        publish(byId);
    }

    /** Serves a tenant this member has just validated and saved. */
    synchronized void put(Tenant tenant) {
        Map<TenantId, Tenant> byId = new TreeMap<>(snapshot.byId());
        byId.put(tenant.id(), tenant);
        publish(byId);
    }

    private Optional<Tenant> parse(TenantStore.StoredTenant stored) {
        try {
            TenantConfiguration configuration = reader.read("database:" + stored.id(), stored.document(),
                    stored.id()).configuration();
            return Optional.of(new Tenant(TenantId.of(stored.id()), configuration, stored.status(), stored.version()));
        } catch (TenantConfigurationException e) {
            // A row that no longer validates (e.g. after a schema change) must not take the other tenants down.
            log.error("Tenant {} is not served: {}", stored.id(), e.getMessage());
            return Optional.empty();
        }
    }

    private void publish(Map<TenantId, Tenant> byId) {
        Map<String, Tenant> byHost = new HashMap<>();
        for (Tenant tenant : byId.values()) {
            for (String host : tenant.configuration().allHosts(localDomain)) {
                Tenant clash = byHost.putIfAbsent(host, tenant);
                if (clash != null) {
                    log.error("Host {} is claimed by tenants {} and {}; it stays with {}", host, clash.id(),
                            tenant.id(), clash.id());
                }
            }
        }
        snapshot = new Snapshot(Map.copyOf(byId), Map.copyOf(byHost));
    }

    @Override
    public Optional<Tenant> findByHost(String host) {
        return Optional.ofNullable(snapshot.byHost().get(normalise(host)));
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(snapshot.byId().get(id));
    }

    @Override
    public List<Tenant> all() {
        return List.copyOf(snapshot.byId().values());
    }

    @Override
    public boolean isPlatformHost(String host) {
        return platformHosts.contains(normalise(host));
    }

    /** Which tenant (other than {@code except}) already answers on this host, if any. */
    Optional<TenantId> hostOwner(String host, TenantId except) {
        Tenant owner = snapshot.byHost().get(normalise(host));
        return owner == null || owner.id().equals(except) ? Optional.empty() : Optional.of(owner.id());
    }

    static String normalise(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(0, end + 1) : h;
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
