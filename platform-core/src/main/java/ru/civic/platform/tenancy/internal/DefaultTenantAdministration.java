package ru.civic.platform.tenancy.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantAdministration;
import ru.civic.platform.tenancy.TenantConfigurationChanged;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantStatus;

@Service
class DefaultTenantAdministration implements TenantAdministration {

    private final TenantDocumentReader reader;
    private final TenantStore store;
    private final CachingTenantRegistry registry;
    private final ClusterTenantEvents clusterEvents;
    private final TransactionTemplate transactions;

    DefaultTenantAdministration(TenantDocumentReader reader, TenantStore store, CachingTenantRegistry registry,
            ClusterTenantEvents clusterEvents, TransactionTemplate transactions) {
        this.reader = reader;
        this.store = store;
        this.registry = registry;
        this.clusterEvents = clusterEvents;
        this.transactions = transactions;
    }

    @Override
    public List<ConfigurationProblem> validate(String source, String document) {
        try {
            checked(source, document, null);
            return List.of();
        } catch (TenantConfigurationException e) {
            return e.problems();
        }
    }

    @Override
    public Tenant save(String source, String document, String changedBy) {
        return save(source, document, null, null, changedBy);
    }

    /** Validates and stores a document; {@code expectedId} and {@code sourceHash} come with files. */
    Tenant save(String source, String document, String expectedId, String sourceHash, String changedBy) {
        TenantDocumentReader.ValidatedDocument validated = checked(source, document, expectedId);
        TenantId id = validated.configuration().tenantId();
        TenantStatus status = registry.find(id).map(Tenant::status).orElse(TenantStatus.ACTIVE);
        long version = transactions.execute(tx -> store.save(id.value(), reader.toJson(validated.tree()), status,
                source, sourceHash, changedBy));
        // Already validated: served as is on this member, without reading it back.
        Tenant saved = new Tenant(id, validated.configuration(), status, version);
        registry.put(saved);
        clusterEvents.announce(new TenantConfigurationChanged(id, version));
        return saved;
    }

    private TenantDocumentReader.ValidatedDocument checked(String source, String document, String expectedId) {
        TenantDocumentReader.ValidatedDocument validated = reader.read(source, document, expectedId);
        TenantId id = validated.configuration().tenantId();
        List<ConfigurationProblem> problems = new ArrayList<>();
        List<String> hosts = validated.configuration().hosts();
        for (int i = 0; i < hosts.size(); i++) {
            int index = i;
            registry.hostOwner(hosts.get(i), id).ifPresent(owner -> problems.add(ConfigurationProblem.of(source,
                    "$.hosts[" + index + "]", "hostTaken",
                    "'" + hosts.get(index) + "' already belongs to tenant '" + owner + "'", hosts.get(index), owner)));
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigurationException(problems);
        }
        return validated;
    }

    @Override
    public String exportYaml(TenantId id) {
        TenantStore.StoredTenant stored = store.find(id.value())
                .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + id));
        return "# Exported from the platform database, version " + stored.version() + "\n"
                + reader.toYaml(reader.parseJson(stored.document()));
    }

    @Override
    public Tenant changeStatus(TenantId id, TenantStatus status, String changedBy) {
        TenantStore.StoredTenant stored = store.find(id.value())
                .orElseThrow(() -> new IllegalArgumentException("Unknown tenant " + id));
        Tenant current = registry.getRequired(id);
        long version = transactions.execute(tx -> store.save(id.value(), stored.document(), status,
                "status", null, changedBy));
        Tenant changed = new Tenant(id, current.configuration(), status, version);
        registry.put(changed);
        clusterEvents.announce(new TenantConfigurationChanged(id, version));
        return changed;
    }
}
