package ru.civic.platform.tenancy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.springframework.stereotype.Component;

import ru.civic.platform.tenancy.ConfigurationProblem;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Category;
import ru.civic.platform.tenancy.TenantConfiguration.Organisation;
import ru.civic.platform.tenancy.TenantConfigurationException;

/**
 * Reads a tenant document (YAML or JSON), validates it against {@code tenancy/tenant.schema.json} and then by the
 * rules a schema cannot express (references between sections, time zone, file name), and binds it.
 * Every problem names the source, the path inside the document and what is wrong; all problems are reported at once.
 */
@Component
public class TenantDocumentReader {

    static final String SCHEMA_RESOURCE = "/tenancy/tenant.schema.json";

    private final ObjectMapper yaml;
    private final ObjectMapper json;
    private final ObjectMapper binder;
    private final JsonSchema schema;

    public TenantDocumentReader() {
        this.yaml = new ObjectMapper(new YAMLFactory()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                // "4.3" must stay a string (a clause number), not turn into the number 4.3.
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));
        this.json = new ObjectMapper();
        this.binder = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .formatAssertionsEnabled(true)
                .build();
        try (InputStream in = TenantDocumentReader.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCHEMA_RESOURCE);
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A validated document: the tree as stored, and its typed view. */
    public record ValidatedDocument(ObjectNode tree, TenantConfiguration configuration) {
    }

    /**
     * @param source        where the document comes from, used in messages ({@code tomsk.yaml})
     * @param expectedId    the id the document must carry (from the file name), or null when any id will do
     */
    public ValidatedDocument read(String source, String text, String expectedId) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new TenantConfigurationException(List.of(
                    ConfigurationProblem.of(source, where, "yaml", "not valid YAML: " + e.getOriginalMessage(), e.getOriginalMessage())));
        }
        if (tree == null || !tree.isObject()) {
            throw new TenantConfigurationException(List.of(
                    ConfigurationProblem.of(source, "$", "notMapping", "the document must be a mapping of keys to values")));
        }
        List<ConfigurationProblem> problems = new ArrayList<>();
        java.util.Set<ValidationMessage> found = schema.validate(tree);
        if (!found.isEmpty()) {
            // The message in English for logs and files, and in Russian for the people who edit the rules in the
            // back office: the validator words it in either language; the screens pick by their locale.
            java.util.Map<String, String> russian = new java.util.HashMap<>();
            for (ValidationMessage message : schema.validate(tree,
                    context -> context.getExecutionConfig().setLocale(RUSSIAN))) {
                russian.putIfAbsent(key(message), text(message));
            }
            for (ValidationMessage message : found) {
                String path = message.getInstanceLocation().toString();
                String english = text(message);
                problems.add(ConfigurationProblem.of(source, path, "schema", english,
                        withoutPath(russian.getOrDefault(key(message), english), path), withoutPath(english, path)));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(ConfigurationProblem::path));
            throw new TenantConfigurationException(problems);
        }
        TenantConfiguration configuration;
        try {
            configuration = binder.treeToValue(tree, TenantConfiguration.class);
        } catch (JsonProcessingException e) {
            throw new TenantConfigurationException(List.of(
                    ConfigurationProblem.of(source, "$", "unreadable", "cannot be read: " + e.getOriginalMessage(), e.getOriginalMessage())));
        }
        checkSemantics(source, configuration, expectedId, problems);
        if (!problems.isEmpty()) {
            throw new TenantConfigurationException(problems);
        }
        return new ValidatedDocument((ObjectNode) tree, configuration);
    }

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static String key(ValidationMessage message) {
        return message.getInstanceLocation() + "|" + message.getType() + "|" + message.getSchemaLocation();
    }

    private static String text(ValidationMessage message) {
        return message.getError() == null ? message.getMessage() : message.getError();
    }

    /** "$.photos.maxCount: must be …" shown at the field itself needs no path. */
    private static String withoutPath(String text, String path) {
        return text.startsWith(path + ": ") ? text.substring(path.length() + 2) : text;
    }

    private void checkSemantics(String source, TenantConfiguration c, String expectedId,
            List<ConfigurationProblem> problems) {
        if (expectedId != null && !expectedId.equals(c.id())) {
            problems.add(ConfigurationProblem.of(source, "$.id", "idNotFileName",
                    "is '" + c.id() + "' but must equal the file name '" + expectedId + "'", c.id(), expectedId));
        }
        try {
            ZoneId.of(c.timeZone());
        } catch (DateTimeException e) {
            problems.add(ConfigurationProblem.of(source, "$.timeZone", "timeZone", "'" + c.timeZone() + "' is not a known time zone",
                    c.timeZone()));
        }
        Set<String> organisationIds = new HashSet<>();
        for (int i = 0; i < c.organisations().size(); i++) {
            Organisation o = c.organisations().get(i);
            if (!organisationIds.add(o.id())) {
                problems.add(ConfigurationProblem.of(source, "$.organisations[" + i + "].id", "duplicate",
                        "duplicate organisation id '" + o.id() + "'", o.id()));
            }
        }
        for (int i = 0; i < c.organisations().size(); i++) {
            Organisation o = c.organisations().get(i);
            if (o.parent() != null && !organisationIds.contains(o.parent())) {
                problems.add(ConfigurationProblem.of(source, "$.organisations[" + i + "].parent", "unknownOrganisation",
                        "names unknown organisation '" + o.parent() + "'", o.parent()));
            }
        }
        Set<String> categoryIds = new HashSet<>();
        for (int i = 0; i < c.categories().size(); i++) {
            checkCategory(source, "$.categories[" + i + "]", c.categories().get(i), null, organisationIds, categoryIds,
                    problems);
        }
        Set<String> districtIds = new HashSet<>();
        for (int i = 0; i < c.districts().size(); i++) {
            if (!districtIds.add(c.districts().get(i).id())) {
                problems.add(ConfigurationProblem.of(source, "$.districts[" + i + "].id", "duplicate",
                        "duplicate district id '" + c.districts().get(i).id() + "'", c.districts().get(i).id()));
            }
        }
        Set<String> templates = new HashSet<>();
        for (int i = 0; i < c.answerTemplates().size(); i++) {
            TenantConfiguration.AnswerTemplate template = c.answerTemplates().get(i);
            if (!templates.add(template.id())) {
                problems.add(ConfigurationProblem.of(source, "$.answerTemplates[" + i + "].id", "duplicate",
                        "duplicate answer template '" + template.id() + "'", template.id()));
            }
            for (int j = 0; j < template.categories().size(); j++) {
                if (!categoryIds.contains(template.categories().get(j))) {
                    problems.add(ConfigurationProblem.of(source, "$.answerTemplates[" + i + "].categories[" + j + "]",
                            "unknownCategory", "unknown category '" + template.categories().get(j) + "'",
                            template.categories().get(j)));
                }
            }
        }
        Set<String> reasons = new HashSet<>();
        for (int i = 0; i < c.refusalReasons().size(); i++) {
            if (!reasons.add(c.refusalReasons().get(i).code())) {
                problems.add(ConfigurationProblem.of(source, "$.refusalReasons[" + i + "].code", "duplicate",
                        "duplicate refusal reason '" + c.refusalReasons().get(i).code() + "'",
                        c.refusalReasons().get(i).code()));
            }
        }
        Set<String> slaIds = new HashSet<>();
        for (int i = 0; i < c.sla().rules().size(); i++) {
            if (!slaIds.add(c.sla().rules().get(i).id())) {
                problems.add(ConfigurationProblem.of(source, "$.sla.rules[" + i + "].id", "duplicate",
                        "duplicate SLA rule '" + c.sla().rules().get(i).id() + "'", c.sla().rules().get(i).id()));
            }
        }
        if (c.topicPlan() != null) {
            // The schema's pattern lets "02-30" or "04-31" through; the topic plan would fail on them every year.
            monthDay(source, "$.topicPlan.proposalsDue", c.topicPlan().proposalsDue(), problems);
            monthDay(source, "$.topicPlan.approvalDue", c.topicPlan().approvalDue(), problems);
        }
        if (c.workflow() != null) {
            new WorkflowChecks(source, c, slaIds, problems).check();
        }
        Set<String> hosts = new HashSet<>();
        for (int i = 0; i < c.hosts().size(); i++) {
            String host = c.hosts().get(i);
            if (!host.equals(host.toLowerCase(Locale.ROOT)) || !hosts.add(host)) {
                problems.add(ConfigurationProblem.of(source, "$.hosts[" + i + "]", "host",
                        "'" + host + "' must be a lower-case host name listed once", host));
            }
        }
    }

    private static void monthDay(String source, String path, String value, List<ConfigurationProblem> problems) {
        try {
            MonthDay.parse("--" + value);
        } catch (DateTimeException e) {
            problems.add(ConfigurationProblem.of(source, path, "monthDay", "'" + value + "' is not a day of the year",
                    value));
        }
    }

    private void checkCategory(String source, String path, Category category, String inheritedOrganisation,
            Set<String> organisationIds, Set<String> categoryIds, List<ConfigurationProblem> problems) {
        if (!categoryIds.add(category.id())) {
            problems.add(ConfigurationProblem.of(source, path + ".id", "duplicate",
                    "duplicate category id '" + category.id() + "'", category.id()));
        }
        String organisation = category.organisation() != null ? category.organisation() : inheritedOrganisation;
        if (organisation == null) {
            problems.add(ConfigurationProblem.of(source, path + ".organisation", "topCategoryOrganisation",
                    "a top-level category must name its responsible organisation"));
        } else if (!organisationIds.contains(organisation)) {
            problems.add(ConfigurationProblem.of(source, path + ".organisation", "unknownOrganisation",
                    "names unknown organisation '" + organisation + "'", organisation));
        }
        for (int i = 0; i < category.participants().size(); i++) {
            if (!organisationIds.contains(category.participants().get(i))) {
                problems.add(ConfigurationProblem.of(source, path + ".participants[" + i + "]", "unknownOrganisation",
                        "names unknown organisation '" + category.participants().get(i) + "'",
                        category.participants().get(i)));
            }
        }
        for (int i = 0; i < category.children().size(); i++) {
            checkCategory(source, path + ".children[" + i + "]", category.children().get(i), organisation,
                    organisationIds, categoryIds, problems);
        }
    }

    public String toYaml(JsonNode tree) {
        try {
            return yaml.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String toJson(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode parseJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored tenant document is not JSON", e);
        }
    }
}
