package ru.civic.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.console.PlatformConsole.Figures;
import ru.civic.platform.console.PlatformConsole.NewTenant;
import ru.civic.platform.console.PlatformConsole.OpenWork;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.Receipt;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.Tenant;
import ru.civic.platform.tenancy.TenantConfigurationException;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.tenancy.TenantStatus;

/**
 * The platform owner's console: each tenant's figures counted under its own context and nobody else's, a tenant made
 * from a template in one step, suspension, and nobody but the owner may use any of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "PLATFORM_OWNER")
class PlatformConsoleTest {

    @Autowired
    PlatformConsole console;
    @Autowired
    TenantRegistry registry;
    @Autowired
    MessageIntake intake;
    @Autowired
    AccountService accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MockMvc mvc;
    @Autowired
    ru.civic.platform.news.News news;

    private final String marker = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private Tenant newTenant(String suffix, TenantId template, String... hosts) {
        return console.create(new NewTenant(marker + suffix, "Город " + marker + suffix, List.of(hosts),
                "Asia/Novosibirsk", "RU-NVS", "Новосибирская область", template), "owner");
    }

    private Receipt submit(TenantId tenant, UUID authorId, String text) {
        return TenantContext.callAs(tenant, () -> intake.submit(new SubmitMessage(null, text + " " + UUID.randomUUID(),
                "roads", new Place(55.03, 82.92, "ул. Ленина, 1"), null, false, List.of(), null, null),
                new Author(authorId, "Житель", "resident@example.ru", null), Message.Channel.PORTAL));
    }

    /** Sets what the workflow and time would have done to a message, so the figures have a known scenario. */
    private void set(TenantId tenant, Receipt message, String assignments, Object... values) {
        TenantContext.runAs(tenant, () -> {
            var statement = jdbc.sql("update message set " + assignments + " where id = :id").param("id", message.id());
            for (int i = 0; i < values.length; i += 2) {
                statement = statement.param((String) values[i], values[i + 1]);
            }
            assertThat(statement.update()).isEqualTo(1);
        });
    }

    private static Timestamp ago(Duration duration) {
        return Timestamp.from(Instant.now().minus(duration));
    }

    private Figures figuresOf(TenantId tenant) {
        return console.overview(90).stream().filter(s -> s.tenant().id().equals(tenant)).findFirst().orElseThrow()
                .figures();
    }

    @Test
    void figuresOfEachTenantCountItsOwnMessagesDeadlinesAndPeopleOnly() {
        TenantId first = newTenant("a", null).id();
        TenantId second = newTenant("b", null).id();
        Account author = TenantContext.callAs(first, () -> accounts.create("author-" + marker, "secret", "Автор",
                null, Set.of(Role.CITIZEN), null));
        Account staff = TenantContext.callAs(first, () -> accounts.create("staff-" + marker, "secret", "Модератор",
                null, Set.of(Role.MODERATOR), null));
        Account former = TenantContext.callAs(first, () -> accounts.create("former-" + marker, "secret", "Бывший",
                null, Set.of(Role.EXECUTOR), null));

        submit(first, author.getId(), "Открытая яма, срок не вышел");
        Receipt overdue = submit(first, null, "Просроченная яма");
        set(first, overdue, "stage_due_at = :due", "due", ago(Duration.ofDays(1)));
        Receipt inTime = submit(first, null, "Ответ в срок");
        set(first, inTime, "status = 'ANSWERED', answered_at = :answered, due_at = :due",
                "answered", ago(Duration.ofDays(2)), "due", ago(Duration.ofDays(1)));
        Receipt late = submit(first, null, "Ответ с опозданием");
        set(first, late, "status = 'CLOSED', answered_at = :answered, due_at = :due",
                "answered", ago(Duration.ofDays(1)), "due", ago(Duration.ofDays(3)));
        Receipt refused = submit(first, null, "Отказано");
        set(first, refused, "status = 'REFUSED'");
        Receipt old = submit(first, null, "Давнее сообщение");
        set(first, old, "received_at = :received", "received", ago(Duration.ofDays(40)));
        // Long answered late, outside the 90-day compliance period: does not count against the tenant now.
        Receipt longAgo = submit(first, null, "Давний ответ");
        set(first, longAgo, "status = 'CLOSED', answered_at = :answered, due_at = :due, received_at = :received",
                "answered", ago(Duration.ofDays(120)), "due", ago(Duration.ofDays(130)),
                "received", ago(Duration.ofDays(140)));
        // The staff member signs in today; another did 41 days ago.
        TenantContext.runAs(first, () -> events.publishEvent(new AuthenticationSuccessEvent(
                UsernamePasswordAuthenticationToken.authenticated(staff.getUsername(), null, List.of()))));
        TenantContext.runAs(first, () -> jdbc.sql("update account set last_signed_in_at = :at where id = :id")
                .param("at", ago(Duration.ofDays(41))).param("id", former.getId()).update());

        Receipt otherOverdue = submit(second, null, "Яма в другом городе");
        set(second, otherOverdue, "stage_due_at = :due", "due", ago(Duration.ofHours(1)));

        Figures figures = figuresOf(first);
        assertThat(figures.received()).isEqualTo(7);
        assertThat(figures.receivedRecently()).isEqualTo(5);
        assertThat(figures.open()).isEqualTo(3);
        assertThat(figures.overdue()).isEqualTo(1);
        assertThat(figures.answered()).isEqualTo(2);
        assertThat(figures.answeredInTime()).isEqualTo(1);
        assertThat(figures.compliance()).hasValue(0.5);
        assertThat(figures.activeUsers()).isEqualTo(2);   // the author who submitted, the staff who signed in
        assertThat(figures.lastActivity()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));

        Figures other = figuresOf(second);
        assertThat(other.received()).isEqualTo(1);
        assertThat(other.open()).isEqualTo(1);
        assertThat(other.overdue()).isEqualTo(1);
        assertThat(other.answered()).isZero();
        assertThat(other.compliance()).isEmpty();
        assertThat(other.activeUsers()).isZero();

        PlatformConsole.TenantDetail detail = console.tenant(first, 90);
        assertThat(detail.byCategory()).extracting(OpenWork::title, OpenWork::open, OpenWork::overdue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Дороги", 3L, 1L));
        assertThat(detail.byOrganisation()).extracting(OpenWork::title).containsExactly("Администрация");
        // Seven submissions here; the other tenant's is not among them.
        assertThat(detail.recentActivity()).hasSize(7).extracting(PlatformConsole.Activity::number)
                .contains(overdue.number(), old.number());
        assertThat(detail.history()).extracting(PlatformConsole.Revision::source).containsExactly("console");
    }

    @Test
    void aTenantFromAnotherTenantsTemplateServesItsHostAtOnce() throws Exception {
        Tenant created = newTenant("z", TenantId.of("zarechny"), "feedback." + marker + ".example.ru");

        assertThat(created.configuration().name()).isEqualTo("Город " + marker + "z");
        assertThat(created.configuration().timeZone()).isEqualTo("Asia/Novosibirsk");
        assertThat(created.configuration().region().code()).isEqualTo("RU-NVS");
        // The public numbers start with the id's first letters (it has at least "t" and "z").
        String letters = (marker + "z").replaceAll("[^a-z]", "").toUpperCase();
        assertThat(created.configuration().intake().numberPrefix())
                .isEqualTo(letters.substring(0, Math.min(3, letters.length())));
        // Zarechny's rules came along; its regional holidays (Penza region) did not.
        assertThat(created.configuration().categories()).hasSameSizeAs(
                registry.getRequired(TenantId.of("zarechny")).configuration().categories());
        assertThat(created.configuration().calendar().regionalHolidays()).isEmpty();
        assertThat(registry.findByHost("feedback." + marker + ".example.ru")).map(Tenant::id).contains(created.id());
        assertThat(console.overview(90)).extracting(s -> s.tenant().id()).contains(created.id());
        mvc.perform(get("/test/scope").with(r -> {
            r.setServerName("feedback." + marker + ".example.ru");
            return r;
        })).andExpect(status().isOk()).andExpect(content().string(created.id().value()));
    }

    @Test
    void problemsOfANewTenantNameTheirFields() {
        String tomskHost = registry.getRequired(TenantId.of("tomsk")).configuration().hosts().getFirst();

        assertThatThrownBy(() -> console.create(new NewTenant("Новый Город", "Город", List.of(),
                "Asia/Tomsk", "RU-XXXX", "Область", null), "owner"))
                .isInstanceOfSatisfying(TenantConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path()).contains("$.id", "$.region.code"));
        assertThatThrownBy(() -> console.create(new NewTenant(marker, "Город", List.of(),
                "Mars/Olympus", "RU-TOM", "Томская область", null), "owner"))
                .isInstanceOfSatisfying(TenantConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path()).containsExactly("$.timeZone"));
        assertThatThrownBy(() -> console.create(new NewTenant(marker, "Город", List.of(tomskHost),
                "Asia/Tomsk", "RU-TOM", "Томская область", null), "owner"))
                .isInstanceOfSatisfying(TenantConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path() + " " + p.message())
                        .containsExactly("$.hosts[0] '" + tomskHost + "' already belongs to tenant 'tomsk'"));
        assertThat(registry.find(TenantId.of(marker))).isEmpty();

        // Creating never replaces an existing tenant.
        long tomskVersion = registry.getRequired(TenantId.of("tomsk")).version();
        assertThatThrownBy(() -> console.create(new NewTenant("tomsk", "Чужой", List.of(), "Asia/Tomsk",
                "RU-TOM", "Томская область", null), "owner"))
                .isInstanceOfSatisfying(TenantConfigurationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.path()).containsExactly("$.id"));
        assertThat(registry.getRequired(TenantId.of("tomsk")).version()).isEqualTo(tomskVersion);
    }

    @Test
    void aSuspendedTenantRefusesWorkKeepsItsDataAndResumes() throws Exception {
        Tenant tenant = newTenant("s", null);
        Receipt kept = submit(tenant.id(), null, "Сообщение до приостановки");
        var request = get("/test/scope").with(r -> {
            r.setServerName(tenant.id().value() + ".localhost");
            return r;
        });

        console.suspend(tenant.id(), "owner");

        assertThat(registry.getRequired(tenant.id()).status()).isEqualTo(TenantStatus.SUSPENDED);
        mvc.perform(request).andExpect(status().isServiceUnavailable());
        assertThat(console.tenant(tenant.id(), 90).history()).extracting(PlatformConsole.Revision::status)
                .startsWith(TenantStatus.SUSPENDED);

        console.resume(tenant.id(), "owner");

        mvc.perform(request).andExpect(status().isOk());
        assertThat(TenantContext.callAs(tenant.id(), () -> jdbc.sql("select count(*) from message where number = ?")
                .param(kept.number()).query(Long.class).single())).isEqualTo(1);
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void aTenantsStaffCannotUseTheConsole() {
        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            assertThatThrownBy(() -> console.overview(90)).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> console.tenant(TenantId.of("tomsk"), 90))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> console.suspend(TenantId.of("volgograd"), "operator"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> console.createFirstOperator(TenantId.of("volgograd"), "intruder", "Чужой"))
                    .isInstanceOf(AuthorizationDeniedException.class);
            // Nor withdraw or list the platform's maintenance notices (announcing is refused already).
            assertThatThrownBy(() -> news.withdrawForAllTenants(UUID.randomUUID()))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> news.announcedForAllTenants(java.time.ZoneId.of("Asia/Tomsk")))
                    .isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> console.create(new NewTenant(marker, "Город", List.of(), "Asia/Tomsk",
                    "RU-TOM", "Томская область", null), "operator"))
                    .isInstanceOf(AuthorizationDeniedException.class);
        });
        assertThat(registry.getRequired(TenantId.of("volgograd")).isActive()).isTrue();
        assertThat(registry.find(TenantId.of(marker))).isEmpty();
    }
}
