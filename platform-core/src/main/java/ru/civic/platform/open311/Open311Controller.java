package ru.civic.platform.open311;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.InvalidInputException;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.MessageLookup;
import ru.civic.platform.message.MessageNotFoundException;
import ru.civic.platform.message.MessageView;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.security.IntegrationTokens;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Category;
import ru.civic.platform.tenancy.TenantRegistry;

/**
 * GeoReport v2 (https://wiki.open311.org/GeoReport_v2). Every path takes a {@code .json} or {@code .xml} format
 * suffix. Posting a request needs an integration token, as {@code api_key} (the specification's way) or as a bearer
 * token; reading published requests is open.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final TenantRegistry tenants;
    private final org.springframework.context.MessageSource bundle;
    private final MessageIntake intake;
    private final MessageLookup lookup;
    private final Actors actors;
    private final IntegrationTokens tokens;

    Open311Controller(TenantRegistry tenants, org.springframework.context.MessageSource bundle, MessageIntake intake,
            MessageLookup lookup, Actors actors, IntegrationTokens tokens) {
        this.tenants = tenants;
        this.bundle = bundle;
        this.intake = intake;
        this.lookup = lookup;
        this.actors = actors;
        this.tokens = tokens;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<String> discovery(@PathVariable String format, jakarta.servlet.http.HttpServletRequest request) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
        endpoint.put("url", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromContextPath(request).path("/open311/v2").toUriString());
        endpoint.put("changeset", Instant.EPOCH.atOffset(ZoneOffset.UTC).format(W3C));
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("application/json", "text/xml"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(W3C));
        discovery.put("contact", tenant.branding() != null && tenant.branding().footer() != null
                ? tenant.branding().footer().email() : "");
        discovery.put("key_service", "Обратитесь к оператору портала «" + tenant.name() + "» за ключом интеграции");
        discovery.put("endpoints", List.of(endpoint));
        return render(format, "discovery", discovery, "endpoint");
    }

    @GetMapping("/services.{format}")
    @SuppressWarnings("unchecked")
    ResponseEntity<String> services(@PathVariable String format) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        List<Object> services = new ArrayList<>();
        for (Category root : tenant.categories()) {
            addServices(root, null, services);
        }
        // A tenant that requires the date and time describes it as a service attribute (metadata).
        boolean metadata = tenant.intake().dateTimeRequired() || tenant.intake().publicityConfirmation();
        services.forEach(s -> ((Map<String, Object>) s).put("metadata", metadata));
        return render(format, "services", services, "service");
    }

    private static void addServices(Category category, String group, List<Object> into) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.id());
        service.put("service_name", category.name());
        service.put("description", category.name());
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", "");
        service.put("group", group == null ? category.name() : group);
        into.add(service);
        category.children().forEach(c -> addServices(c, group == null ? category.name() : group, into));
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        if (tenant.category(code).isEmpty()) {
            return error(format, HttpStatus.NOT_FOUND, "404", "Нет такой услуги (категории): " + code);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", code);
        List<Object> attributes = new ArrayList<>();
        if (tenant.intake().dateTimeRequired()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", "occurred_at");
            attribute.put("datatype", "datetime");
            attribute.put("required", true);
            attribute.put("datatype_description", "Дата и время, к которым относится проблема (ISO 8601)");
            attribute.put("order", 1);
            attribute.put("description", "Дата и время проблемы");
            attributes.add(attribute);
        }
        if (tenant.intake().publicityConfirmation()) {
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("variable", true);
            attribute.put("code", "publicity_confirmed");
            attribute.put("datatype", "singlevaluelist");
            attribute.put("required", true);
            attribute.put("datatype_description", "Автор подтверждает, что сообщение будет опубликовано");
            attribute.put("order", attributes.size() + 1);
            attribute.put("description", "Согласие на публикацию");
            attribute.put("values", List.of(Map.of("key", "true", "name", "Да")));
            attributes.add(attribute);
        }
        definition.put("attributes", attributes);
        return render(format, "service_definition", definition, "attribute");
    }

    @PostMapping(value = "/requests.{format}", consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE })
    ResponseEntity<String> post(@PathVariable String format, @RequestParam Map<String, String> form) {
        Optional<Actor> channel = actors.current().filter(a -> a.accountId() == null);
        if (channel.isEmpty() && form.get("api_key") != null && tokens.authenticate(form.get("api_key")).isEmpty()) {
            return error(format, HttpStatus.FORBIDDEN, "403", "Неверный api_key");
        }
        if (channel.isEmpty() && form.get("api_key") == null) {
            return error(format, HttpStatus.FORBIDDEN, "403", "Нужен api_key (ключ интеграции портала)");
        }
        Double lat = number(form.get("lat"));
        Double lon = number(form.get("long"));
        Instant occurredAt = null;
        String occurred = form.get("attribute[occurred_at]");
        if (occurred != null && !occurred.isBlank()) {
            try {
                occurredAt = OffsetDateTime.parse(occurred).toInstant();
            } catch (DateTimeParseException e) {
                return error(format, HttpStatus.BAD_REQUEST, "400", "attribute[occurred_at]: нужна дата ISO 8601");
            }
        }
        String name = String.join(" ", nonBlank(form.get("first_name")), nonBlank(form.get("last_name"))).strip();
        Author author = new Author(null, name.isEmpty() ? null : name, form.get("email"), form.get("phone"));
        SubmitMessage submission = new SubmitMessage(null, form.get("description"), form.get("service_code"),
                new Place(lat, lon, form.get("address_string")), occurredAt,
                "true".equalsIgnoreCase(form.get("attribute[publicity_confirmed]")), List.of(),
                form.get("external_id"), null);
        try {
            Receipt receipt = intake.submit(submission, author, Message.Channel.OPEN311);
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("service_request_id", receipt.number());
            created.put("service_notice", "Сообщение принято, номер " + receipt.number());
            created.put("account_id", "");
            return render(format, "service_requests", List.of(created), "request", HttpStatus.CREATED);
        } catch (InvalidInputException e) {
            List<Object> errors = new ArrayList<>();
            java.util.Locale locale = tenants.currentLocale();
            e.problems().forEach(p -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", 400);
                error.put("description", open311Field(p.field()) + ": "
                        + bundle.getMessage(p.code(), p.args().toArray(), p.code(), locale));
                errors.add(error);
            });
            return render(format, "errors", errors, "error", HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCode,
            @RequestParam(required = false) String status) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        List<MessageView> found = new ArrayList<>();
        if (ids != null && !ids.isBlank()) {
            for (String id : ids.split(",")) {
                try {
                    found.add(lookup.view(id.strip(), actors.current()));
                } catch (MessageNotFoundException ignored) {
                    // GeoReport: unknown ids are simply absent from the list
                }
            }
        } else {
            found.addAll(lookup.published(1000));
        }
        List<Object> requests = found.stream()
                .filter(v -> serviceCode == null || serviceCode.equals(v.categoryId()))
                .filter(v -> status == null || status.equals(status(v)))
                .map(v -> request(tenant, v)).map(Object.class::cast).toList();
        return render(format, "service_requests", requests, "request");
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
        TenantConfiguration tenant = tenants.currentConfiguration();
        try {
            return render(format, "service_requests", List.of(request(tenant, lookup.view(id, actors.current()))),
                    "request");
        } catch (MessageNotFoundException e) {
            return error(format, HttpStatus.NOT_FOUND, "404", "Нет такого обращения: " + id);
        }
    }

    /** Numbers are given on receipt, so a token is the request id itself. */
    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<String> token(@PathVariable String token, @PathVariable String format) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("service_request_id", token);
        entry.put("token", token);
        return render(format, "service_requests", List.of(entry), "request");
    }

    /** GeoReport's names for the fields a message has. */
    private static String open311Field(String field) {
        return switch (field) {
            case "text" -> "description";
            case "categoryId" -> "service_code";
            case "place", "place.address" -> "address_string";
            case "place.latitude" -> "lat";
            case "place.longitude" -> "long";
            case "occurredAt" -> "attribute[occurred_at]";
            case "publicityConfirmed" -> "attribute[publicity_confirmed]";
            default -> field;
        };
    }

    private static String status(MessageView v) {
        return v.status().isClosed() ? "closed" : "open";
    }

    private static Map<String, Object> request(TenantConfiguration tenant, MessageView v) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", v.number());
        r.put("status", status(v));
        r.put("status_notes", v.stageName());
        r.put("service_name", v.categoryName() == null ? "" : v.categoryName());
        r.put("service_code", v.categoryId() == null ? "" : v.categoryId());
        r.put("description", v.text());
        r.put("agency_responsible", v.organisationName() == null ? "" : v.organisationName());
        r.put("service_notice", v.answer() == null || v.answer().text() == null ? "" : v.answer().text());
        r.put("requested_datetime", w3c(tenant, v.receivedAt()));
        r.put("updated_datetime", v.timeline().isEmpty() ? w3c(tenant, v.receivedAt())
                : w3c(tenant, v.timeline().getLast().at()));
        r.put("expected_datetime", v.dueAt() == null ? "" : w3c(tenant, v.dueAt()));
        r.put("address", v.place() == null || v.place().address() == null ? "" : v.place().address());
        r.put("address_id", "");
        r.put("zipcode", "");
        r.put("lat", v.place() == null || v.place().latitude() == null ? "" : v.place().latitude());
        r.put("long", v.place() == null || v.place().longitude() == null ? "" : v.place().longitude());
        r.put("media_url", v.photos().isEmpty() ? "" : "/api/v1/photos/" + v.photos().getFirst().key());
        return r;
    }

    private static String w3c(TenantConfiguration tenant, Instant instant) {
        return instant.atZone(tenant.zoneId()).toOffsetDateTime().withNano(0).format(W3C);
    }

    private static Double number(String s) {
        try {
            return s == null || s.isBlank() ? null : Double.valueOf(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.strip();
    }

    private ResponseEntity<String> error(String format, HttpStatus status, String code, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", Integer.valueOf(code));
        error.put("description", description);
        return render(format, "errors", List.of(error), "error", status);
    }

    private ResponseEntity<String> render(String format, String root, Object body, String itemName) {
        return render(format, root, body, itemName, HttpStatus.OK);
    }

    private ResponseEntity<String> render(String format, String root, Object body, String itemName,
            HttpStatus status) {
        if ("xml".equalsIgnoreCase(format)) {
            return ResponseEntity.status(status).contentType(new MediaType("text", "xml", java.nio.charset.StandardCharsets.UTF_8))
                    .body(GeoReportFormat.xml(root, body, itemName));
        }
        if (!"json".equalsIgnoreCase(format)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                    .body("[{\"code\":404,\"description\":\"format must be json or xml\"}]");
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(GeoReportFormat.json(body));
    }
}
