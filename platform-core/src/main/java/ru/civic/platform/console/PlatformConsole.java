package ru.civic.platform.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.ExpiringCache;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantAdministration;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.StageStatus;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.tenancy.TenantStatus;

/**
 * What the platform owner sees of every tenant and does with tenants. The figures of each tenant are counted by
 * aggregate queries run under that tenant's context ({@link TenantContext#callAs}), one connection per tenant, so
 * row-level security holds here as everywhere: the console never reads across tenants in one statement. They are
 * kept for {@link #LIFETIME} per tenant, so opening the console repeatedly does not recount every tenant.
 */
@Service
@PreAuthorize(TenantAdministration.PLATFORM_OWNER_ONLY)
public class PlatformConsole {

    /** How long a tenant's figures are reused before they are counted again. */
    public static final Duration LIFETIME = Duration.ofSeconds(30);
    /** Who counts as an active user, and what "received lately" means: the last 30 days. */
    public static final Duration RECENT = Duration.ofDays(30);
    /** Source name of documents saved by the console, as the tenant's revision history shows it. */
    static final String SOURCE = "console";

    private static final String BLANK_TEMPLATE = "/console/blank-tenant.yaml";
    /** Statuses in which a message waits for nobody (Open311 calls them closed); every other one is open work. */
    private static final String FINISHED = Arrays.stream(StageStatus.values()).filter(StageStatus::isClosed)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    private static final String OPEN = "status not in " + FINISHED;
    private static final String OVERDUE = OPEN + " and (due_at < :now or stage_due_at < :now)";

    /**
     * One tenant's figures.
     *
     * @param received         every message the tenant has received
     * @param receivedRecently received within {@link #RECENT}
     * @param open             messages still waiting for someone (not answered, closed or refused)
     * @param overdue          open messages whose answer or stage deadline has passed
     * @param answered         messages answered within the compliance period that had a deadline
     * @param answeredInTime   of those, answered by their deadline (postponements included)
     * @param activeUsers      accounts that signed in, submitted or acted within {@link #RECENT}
     * @param lastActivity     the latest submission or staff action; null when there has been none
     */
    public record Figures(long received, long receivedRecently, long open, long overdue, long answered,
            long answeredInTime, long activeUsers, Instant lastActivity) {

        /** Share of answered messages answered in time, 0–1; empty when nothing was answered in the period. */
        public OptionalDouble compliance() {
            return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) answeredInTime / answered);
        }
    }

    /** A tenant as the console's overview lists it. */
    public record TenantSummary(Tenant tenant, Figures figures) {
    }

    /** Open and overdue messages of one category or organisation ({@code id} null: none set yet). */
    public record OpenWork(String id, String title, long open, long overdue) {
    }

    /** One step in a tenant's recent activity: which message, what was done, by which role. */
    public record Activity(Instant at, String number, String action, String role) {
    }

    /** One saved version of a tenant's configuration (a status change is a version too). */
    public record Revision(long version, TenantStatus status, String source, Instant changedAt, String changedBy) {
    }

    /** One tenant in detail. */
    public record TenantDetail(Tenant tenant, Figures figures, List<OpenWork> byCategory,
            List<OpenWork> byOrganisation, List<Activity> recentActivity, List<Revision> history) {
    }

    /**
     * What the owner types to start a tenant; everything else comes from the template.
     *
     * @param hosts    production domains (may be empty: {@code <id>.localhost} always answers)
     * @param template the tenant whose configuration is the starting point; null for the shipped blank one
     */
    public record NewTenant(String id, String name, List<String> hosts, String timeZone, String regionCode,
            String regionName, TenantId template) {

        public NewTenant {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }
    }

    private record CacheKey(TenantId tenant, int complianceDays) {
    }

    private final TenantRegistry tenants;
    private final TenantAdministration administration;
    private final AccountService accounts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExpiringCache<CacheKey, Figures> cache;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    public PlatformConsole(TenantRegistry tenants, TenantAdministration administration, AccountService accounts,
            JdbcClient jdbc, Clock clock) {
        this.tenants = tenants;
        this.administration = administration;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = new ExpiringCache<>(clock, LIFETIME);
    }

    /** Every tenant, by id, with its figures; compliance over the last {@code complianceDays} days. */
    public List<TenantSummary> overview(int complianceDays) {
        return tenants.all().stream().sorted(Comparator.comparing(Tenant::id))
                .map(t -> new TenantSummary(t, figures(t.id(), complianceDays)))
                .toList();
    }

    /** One tenant in detail: its figures, open work per category and organisation, recent activity, versions. */
    public TenantDetail tenant(TenantId id, int complianceDays) {
        Tenant tenant = tenants.getRequired(id);
        TenantConfiguration configuration = tenant.configuration();
        Figures figures = figures(id, complianceDays);
        List<OpenWork> byCategory = TenantContext.callAs(id, () -> openWork("category_id")).stream()
                .map(w -> new OpenWork(w.id(), w.id() == null ? null : configuration.categoryTitle(w.id()),
                        w.open(), w.overdue()))
                .toList();
        List<OpenWork> byOrganisation = TenantContext.callAs(id, () -> openWork("organisation_id")).stream()
                .map(w -> new OpenWork(w.id(), w.id() == null ? null : configuration.organisation(w.id())
                        .map(TenantConfiguration.Organisation::name).orElse(w.id()), w.open(), w.overdue()))
                .toList();
        List<Activity> recent = TenantContext.callAs(id, () -> jdbc.sql("""
                        select t.at, m.number, t.from_stage, t.action, t.actor_role
                        from message_transition t join message m on m.id = t.message_id
                        where t.tenant_id = :tenant
                        order by t.at desc, t.id desc limit 15""")
                .param("tenant", id.value())
                .query((rs, i) -> new Activity(instant(rs, 1), rs.getString(2),
                        actionName(configuration, rs.getString(3), rs.getString(4)), rs.getString(5)))
                .list());
        // The revision history is platform-level (no tenant rows): read in the owner's own scope.
        List<Revision> history = jdbc.sql("""
                        select version, status, source, changed_at, changed_by from tenant_revision
                        where tenant_id = ? order by version desc limit 20""")
                .param(id.value())
                .query((rs, i) -> new Revision(rs.getLong(1), TenantStatus.valueOf(rs.getString(2)),
                        rs.getString(3), instant(rs, 4), rs.getString(5)))
                .list();
        return new TenantDetail(tenant, figures, byCategory, byOrganisation, recent, history);
    }

    /**
     * Creates a tenant from a template: the template's configuration with the new id, names, hosts, time zone, region
     * and a number prefix from the id. Validated exactly like a file; it serves on its hosts at once, on every
     * instance.
     *
     * @throws TenantConfigurationException with every problem, each at its path ({@code $.id}, {@code $.hosts[0]},
     *                                      {@code $.timeZone}, {@code $.region.code}, ...)
     */
    public Tenant create(NewTenant request, String changedBy) {
        String id = request.id() == null ? "" : request.id().strip();
        if (TenantId.isValid(id) && tenants.find(TenantId.of(id)).isPresent()) {
            // save() would replace the existing tenant's configuration: creating never does.
            throw new TenantConfigurationException(List.of(
                    ConfigurationProblem.of(SOURCE, "$.id", "tenantExists", "tenant '" + id + "' already exists", id)));
        }
        ObjectNode tree = template(request.template());
        String templateRegion = tree.path("region").path("code").asText(null);
        tree.put("id", id);
        String name = request.name() == null ? "" : request.name().strip();
        tree.put("name", name);
        tree.put("shortName", name.length() > 60 ? name.substring(0, 60).strip() : name);
        ArrayNode hosts = tree.putArray("hosts");
        request.hosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .forEach(hosts::add);
        tree.put("timeZone", request.timeZone() == null ? "" : request.timeZone().strip());
        ObjectNode region = tree.putObject("region");
        region.put("code", request.regionCode() == null ? "" : request.regionCode().strip().toUpperCase(Locale.ROOT));
        region.put("name", request.regionName() == null ? "" : request.regionName().strip());
        if (tree.path("branding") instanceof ObjectNode branding) {
            branding.put("title", name);
        }
        if (tree.path("intake") instanceof ObjectNode intake) {
            numberPrefix(id).ifPresent(prefix -> intake.put("numberPrefix", prefix));
        }
        if (!region.path("code").asText().equals(templateRegion) && tree.path("calendar") instanceof ObjectNode c) {
            // The template's regional holidays belong to its region, not to the new one.
            c.putArray("regionalHolidays");
        }
        String document;
        try {
            document = yaml.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return administration.save(SOURCE, document, changedBy);
    }

    /**
     * The first regional operator of a new tenant: nobody else can sign in there to configure it and create its
     * staff (the platform owner signs in on the platform host only). The password is made here and returned once, to
     * be handed over; only its hash is kept.
     *
     * @throws IllegalArgumentException when the user name is blank, too long or taken in that tenant
     */
    public String createFirstOperator(TenantId tenant, String username, String displayName) {
        tenants.getRequired(tenant);
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new IllegalArgumentException("user name must be 1 to 100 characters");
        }
        String password = password();
        String shown = displayName == null || displayName.isBlank() ? name : displayName.strip();
        TenantContext.runAs(tenant, () -> accounts.create(name, password, shown, null, java.util.Set.of(Role.OPERATOR),
                null));
        return password;
    }

    /** Sixteen characters from an alphabet without look-alikes (no 0/O, 1/l/I), read out or typed without doubt. */
    private static String password() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** Stops the tenant's portal (its hosts answer "suspended", no work is accepted); its data is kept. */
    public Tenant suspend(TenantId id, String changedBy) {
        return administration.changeStatus(id, TenantStatus.SUSPENDED, changedBy);
    }

    public Tenant resume(TenantId id, String changedBy) {
        return administration.changeStatus(id, TenantStatus.ACTIVE, changedBy);
    }

    private Figures figures(TenantId id, int complianceDays) {
        return cache.get(new CacheKey(id, complianceDays), () -> TenantContext.callAs(id, () -> count(id,
                complianceDays)));
    }

    private Figures count(TenantId id, int complianceDays) {
        Instant now = clock.instant();
        Timestamp recent = Timestamp.from(now.minus(RECENT));
        Timestamp periodStart = Timestamp.from(now.minus(Duration.ofDays(complianceDays)));
        // Row-level security already limits every table to the tenant; the conditions say so to the planner too.
        Figures messages = jdbc.sql("select count(*),"
                        + " count(*) filter (where received_at >= :recent),"
                        + " count(*) filter (where " + OPEN + "),"
                        + " count(*) filter (where " + OVERDUE + "),"
                        + " count(*) filter (where answered_at >= :period and due_at is not null),"
                        + " count(*) filter (where answered_at >= :period and answered_at <= due_at)"
                        + " from message where tenant_id = :tenant")
                .param("tenant", id.value()).param("now", Timestamp.from(now)).param("recent", recent)
                .param("period", periodStart)
                .query((rs, i) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), 0, null))
                .single();
        long activeUsers = jdbc.sql("""
                        select count(*) from (
                            select id from account where tenant_id = :tenant and last_signed_in_at >= :recent
                            union select actor_id from message_transition
                                where tenant_id = :tenant and at >= :recent and actor_id is not null
                            union select author_id from message
                                where tenant_id = :tenant and received_at >= :recent and author_id is not null
                        ) active""")
                .param("tenant", id.value()).param("recent", recent)
                .query(Long.class).single();
        // The deadline watch's own entries are not activity of the tenant's people.
        Instant lastActivity = jdbc.sql("""
                        select greatest(
                            (select max(received_at) from message where tenant_id = :tenant),
                            (select max(at) from message_transition
                                where tenant_id = :tenant and action_type <> 'DEADLINE_MISSED'))""")
                .param("tenant", id.value())
                .query((rs, i) -> instant(rs, 1)).optional().orElse(null);
        return new Figures(messages.received(), messages.receivedRecently(), messages.open(), messages.overdue(),
                messages.answered(), messages.answeredInTime(), activeUsers, lastActivity);
    }

    /** Open and overdue messages grouped by a column of the current tenant's messages, most open first. */
    private List<OpenWork> openWork(String column) {
        return jdbc.sql("select " + column + ", count(*), count(*) filter (where " + OVERDUE + ")"
                        + " from message where " + OPEN + " group by " + column + " order by 2 desc, 1")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new OpenWork(rs.getString(1), null, rs.getLong(2), rs.getLong(3)))
                .list();
    }

    private ObjectNode template(TenantId template) {
        try {
            if (template == null) {
                try (InputStream in = PlatformConsole.class.getResourceAsStream(BLANK_TEMPLATE)) {
                    if (in == null) {
                        throw new IllegalStateException("Missing " + BLANK_TEMPLATE);
                    }
                    return (ObjectNode) yaml.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            JsonNode tree = yaml.readTree(administration.exportYaml(template));
            return (ObjectNode) tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public number's prefix from the id's first letters (KOV for kovrov); the template's when too short. */
    private static java.util.Optional<String> numberPrefix(String id) {
        String letters = id.replaceAll("[^a-z]", "").toUpperCase(Locale.ROOT);
        return letters.length() < 2 ? java.util.Optional.empty()
                : java.util.Optional.of(letters.substring(0, Math.min(3, letters.length())));
    }

    private static String actionName(TenantConfiguration configuration, String fromStage, String action) {
        List<String> names = new ArrayList<>();
        if (configuration.workflow() != null && fromStage != null) {
            configuration.workflow().stage(fromStage).flatMap(s -> s.action(action))
                    .ifPresent(a -> names.add(a.name()));
        }
        return names.isEmpty() ? action : names.getFirst();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
