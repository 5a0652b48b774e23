package ru.civic.platform.tenancy.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfigurationChanged;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRules;
import ru.civic.platform.tenancy.TenantRulesConflictException;
import ru.civic.platform.tenancy.TenantStatus;

/**
 * The operator's editor over the same reader, store, cache and cluster announcement as the platform owner's
 * {@link DefaultTenantAdministration}, so a document saved here is checked and served exactly like a file.
 */
@Service
class DefaultTenantRules implements TenantRules {

    /** {@code TenantClaims.TENANT}; not imported because the security feature depends on this one. */
    private static final String TENANT_CLAIM = "tenant";
    private static final int MAX_COMMENT = 500;

    private final TenantDocumentReader reader;
    private final TenantStore store;
    private final CachingTenantRegistry registry;
    private final ClusterTenantEvents clusterEvents;
    private final TransactionTemplate transactions;
    /** Only to find the id and hosts in a document the reader may still refuse. */
    private final ObjectMapper lenientYaml = new ObjectMapper(new YAMLFactory());

    DefaultTenantRules(TenantDocumentReader reader, TenantStore store, CachingTenantRegistry registry,
            ClusterTenantEvents clusterEvents, TransactionTemplate transactions) {
        this.reader = reader;
        this.store = store;
        this.registry = registry;
        this.clusterEvents = clusterEvents;
        this.transactions = transactions;
    }

    @Override
    public Document current() {
        TenantStore.StoredTenant stored = stored(tenant());
        ObjectNode tree = (ObjectNode) reader.parseJson(stored.document());
        return new Document(stored.version(), tree, reader.toYaml(tree));
    }

    @Override
    public List<ConfigurationProblem> validate(ObjectNode document) {
        return validateYaml(reader.toJson(document));
    }

    @Override
    public List<ConfigurationProblem> validateYaml(String yaml) {
        try {
            checked("editor", yaml, stored(tenant()));
            return List.of();
        } catch (TenantConfigurationException e) {
            return e.problems();
        }
    }

    @Override
    public Document save(ObjectNode document, long basedOnVersion, String comment) {
        return saveYaml(reader.toJson(document), basedOnVersion, "editor", comment);
    }

    @Override
    public Document saveYaml(String yaml, long basedOnVersion, String source, String comment) {
        TenantId id = tenant();
        TenantDocumentReader.ValidatedDocument validated = checked(source, yaml, stored(id));
        TenantStatus status = registry.find(id).map(Tenant::status).orElse(TenantStatus.ACTIVE);
        String changedBy = changedBy();
        String note = comment == null || comment.isBlank() ? null
                : comment.strip().substring(0, Math.min(comment.strip().length(), MAX_COMMENT));
        long version = transactions.execute(tx -> {
            long now = store.lockVersion(id.value()).orElseThrow();
            if (now != basedOnVersion) {
                throw new TenantRulesConflictException(basedOnVersion, now);
            }
            // No source hash: the tenant's file keeps its last imported hash, so an unchanged file does not
            // overwrite what the operator saved here (TenantConfigurationFiles).
            return store.save(id.value(), reader.toJson(validated.tree()), status, source, null, changedBy, note);
        });
        registry.put(new Tenant(id, validated.configuration(), status, version));
        clusterEvents.announce(new TenantConfigurationChanged(id, version));
        return current();
    }

    @Override
    public List<Revision> revisions() {
        return store.revisions(tenant().value()).stream()
                .map(r -> new Revision(r.version(), r.changedAt(), r.changedBy(), r.source(), r.comment()))
                .toList();
    }

    @Override
    public List<DiffLine> diff(long from, long to) {
        TenantId id = tenant();
        return LineDiff.between(yamlOf(revision(id, from)), yamlOf(revision(id, to)));
    }

    @Override
    public Document rollBack(long version, long basedOnVersion, String comment) {
        TenantId id = tenant();
        ObjectNode old = revision(id, version);
        ObjectNode now = (ObjectNode) reader.parseJson(stored(id).document());
        // The platform owner may have moved the tenant to other hosts since: those are not the operator's to undo.
        old.set("id", now.get("id"));
        if (now.has("hosts")) {
            old.set("hosts", now.get("hosts"));
        } else {
            old.remove("hosts");
        }
        return saveYaml(reader.toJson(old), basedOnVersion, "rollback:" + version, comment);
    }

    @Override
    public String exportYaml() {
        TenantStore.StoredTenant stored = stored(tenant());
        return "# Exported from the platform database, version " + stored.version() + "\n"
                + reader.toYaml(reader.parseJson(stored.document()));
    }

    @Override
    public ImportPreview previewImport(String yaml) {
        TenantStore.StoredTenant stored = stored(tenant());
        List<ConfigurationProblem> problems;
        try {
            checked("import", yaml, stored);
            problems = List.of();
        } catch (TenantConfigurationException e) {
            problems = e.problems();
        }
        List<DiffLine> changes = List.of();
        JsonNode imported = lenientTree(yaml);
        if (imported instanceof ObjectNode tree) {
            changes = LineDiff.between(yamlOf((ObjectNode) reader.parseJson(stored.document())), yamlOf(tree));
        }
        return new ImportPreview(problems, changes);
    }

    /** The reader's checks plus the operator's limits: the id and the hosts are the platform owner's. */
    private TenantDocumentReader.ValidatedDocument checked(String source, String text,
            TenantStore.StoredTenant stored) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        JsonNode current = reader.parseJson(stored.document());
        JsonNode proposed = lenientTree(text);
        if (proposed instanceof ObjectNode tree) {
            if (!Objects.equals(tree.get("id"), current.get("id"))) {
                problems.add(ConfigurationProblem.of(source, "$.id", "idOwnerOnly", "the tenant id is '" + stored.id()
                        + "' and only the platform owner may change it", stored.id()));
            }
            if (!Objects.equals(hosts(tree), hosts(current))) {
                problems.add(ConfigurationProblem.of(source, "$.hosts", "hostsOwnerOnly", "the hosts are " + hosts(current)
                        + " and only the platform owner may change them",
                        java.util.stream.StreamSupport.stream(hosts(current).spliterator(), false)
                                .map(JsonNode::asText).collect(java.util.stream.Collectors.joining(", "))));
            }
        }
        TenantDocumentReader.ValidatedDocument validated = null;
        try {
            validated = reader.read(source, text, null);
        } catch (TenantConfigurationException e) {
            e.problems().stream().filter(p -> problems.stream().noneMatch(q -> q.path().equals(p.path())))
                    .forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new TenantConfigurationException(problems);
        }
        return validated;
    }

    private static JsonNode hosts(JsonNode document) {
        JsonNode hosts = document.get("hosts");
        return hosts == null || hosts.isNull() ? JsonNodeFactory.instance.arrayNode() : hosts;
    }

    private JsonNode lenientTree(String text) {
        try {
            return lenientYaml.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            return null; // the reader names the line and column
        }
    }

    private ObjectNode revision(TenantId id, long version) {
        return (ObjectNode) reader.parseJson(store.revisionDocument(id.value(), version)
                .orElseThrow(() -> new IllegalArgumentException("No version " + version + " of " + id)));
    }

    /**
     * YAML with the keys of every mapping in one order (the one PostgreSQL's jsonb keeps: shorter keys first), so
     * that a diff shows what changed rather than how a file happened to be ordered.
     */
    private String yamlOf(ObjectNode document) {
        return reader.toYaml(canonical(document));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Comparator.comparingInt((Map.Entry<String, JsonNode> e) -> e.getKey().length())
                    .thenComparing(Map.Entry::getKey));
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            fields.forEach(e -> sorted.set(e.getKey(), canonical(e.getValue())));
            return sorted;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }

    private TenantStore.StoredTenant stored(TenantId id) {
        return store.find(id.value()).orElseThrow(() -> new IllegalStateException("Unknown tenant " + id));
    }

    /**
     * The tenant of this request, and only if the sign-in was issued for it: an operator of one tenant holds the
     * role everywhere by name, so the role check alone would let a Tomsk session edit Volgograd on Volgograd's host.
     */
    private static TenantId tenant() {
        TenantId id = TenantContext.getRequiredTenantId();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ClaimAccessor claims) {
            String issuedFor = claims.getClaimAsString(TENANT_CLAIM);
            if (issuedFor != null && !issuedFor.equals(id.value())) {
                throw new AccessDeniedException("Signed in for '" + issuedFor + "', not for '" + id + "'");
            }
        }
        return id;
    }

    private static String changedBy() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "unknown" : authentication.getName();
    }
}
