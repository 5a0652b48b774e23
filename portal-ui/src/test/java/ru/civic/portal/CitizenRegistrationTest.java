package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Citizens register themselves on the sign-in page of a tenant that allows it (Tomsk, Zarechny, Gubkinsky), and arrive
 * at the portal signed in; the account is a citizen of that tenant only. Where registration is through ESIA only
 * (Volgograd, Tynda) there is no registration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CitizenRegistrationTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    private static String uniqueEmail() {
        return "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
    }

    private static Map<String, String> form(String name, String email, String password, String repeat,
            boolean consent) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("passwordRepeat", repeat);
        if (consent) {
            fields.put("consent", "yes");
        }
        return fields;
    }

    /** Starts the portal's sign-in as its "Войти" link does, and clicks "Зарегистрироваться" on the sign-in page. */
    private PortalHttpClient.Page registrationPage(PortalHttpClient browser, String host) throws Exception {
        PortalHttpClient.Page login = browser.follow(url(host, "/oauth2/authorization/portal"));
        assertThat(login.url()).isEqualTo(url(host, "/login"));
        assertThat(login.body()).contains("href=\"/register\"").contains("Зарегистрироваться");
        PortalHttpClient.Page page = browser.get(url(host, "/register"));
        assertThat(page.status()).isEqualTo(200);
        return page;
    }

    /** Signed in to the portal as a citizen: the back office answers "forbidden", not "sign in first". */
    private static void assertSignedInAsCitizen(PortalHttpClient browser, String host, int port) throws Exception {
        PortalHttpClient.Page admin = browser.get("http://" + host + ":" + port + "/admin");
        assertThat(admin.status()).as(String.join("\n", browser.trail)).isEqualTo(403);
    }

    @Test
    void aCitizenRegistersAndArrivesAtThePortalSignedIn() throws Exception {
        String email = uniqueEmail();
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page register = registrationPage(browser, "tomsk.localhost");
            assertThat(register.body()).contains("Активный житель Томской области").contains("152-ФЗ")
                    .contains("name=\"passwordRepeat\"");

            PortalHttpClient.Page portal = browser.submit(register, "/register",
                    form("Анна Петрова", email, "long-enough-1", "long-enough-1", true));

            assertThat(URI.create(portal.url()).getPath()).as(String.join("\n", browser.trail)).isEqualTo("/");
            assertThat(portal.url()).startsWith(url("tomsk.localhost", "/"));
            assertThat(portal.status()).isEqualTo(200);
            assertSignedInAsCitizen(browser, "tomsk.localhost", port);
        }
        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            Account account = accounts.findByUsername(email).orElseThrow();
            assertThat(account.getRoles()).containsExactly(Role.CITIZEN);
            assertThat(account.getTenantId()).isEqualTo("tomsk");
            assertThat(account.getDisplayName()).isEqualTo("Анна Петрова");
            assertThat(account.getEmail()).isEqualTo(email);
            assertThat(account.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("long-enough-1");
        });
    }

    @Test
    void theRegisteredCitizenSignsInLaterWithTheAddressAndPasswordButNotOnAnotherTenantsHost() throws Exception {
        String email = uniqueEmail();
        try (PortalHttpClient browser = new PortalHttpClient()) {
            browser.submit(registrationPage(browser, "zarechny.localhost"), "/register",
                    form("Пётр Сидоров", email, "zarechny-pass", "zarechny-pass", true));
        }
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("zarechny.localhost", "/oauth2/authorization/portal"));
            PortalHttpClient.Page portal = browser.signIn(login, email.toUpperCase(java.util.Locale.ROOT),
                    "zarechny-pass");
            assertThat(portal.url()).as(String.join("\n", browser.trail)).isEqualTo(url("zarechny.localhost", "/"));
            assertSignedInAsCitizen(browser, "zarechny.localhost", port);
        }
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/oauth2/authorization/portal"));
            assertThat(browser.signIn(login, email, "zarechny-pass").url())
                    .isEqualTo(url("tomsk.localhost", "/login?error"));
        }
        TenantContext.runAs(TenantId.of("tomsk"), () -> assertThat(accounts.findByUsername(email)).isEmpty());
    }

    @Test
    void mistakesAreShownNextToTheirFieldsAndWhatWasTypedIsKeptExceptPasswords() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page result = browser.submit(registrationPage(browser, "tomsk.localhost"), "/register",
                    form("Анна <Петрова>", "anna-at-example.ru", "short", "shorter", false));

            assertThat(result.status()).isEqualTo(422);
            String body = result.body();
            assertThat(body).contains("value=\"Анна &lt;Петрова&gt;\"").contains("value=\"anna-at-example.ru\"")
                    .doesNotContain("value=\"short\"").doesNotContain("value=\"shorter\"");
            assertFieldError(body, "email", "Укажите адрес электронной почты", "password");
            assertFieldError(body, "password", "не короче 8 символов", "passwordRepeat");
            assertFieldError(body, "passwordRepeat", "Пароли не совпадают", "consent");
            assertThat(body).contains("id=\"consent-error\"")
                    .contains("Без согласия на обработку персональных данных регистрация невозможна");
            assertThat(body).doesNotContain("id=\"name-error\"");
        }
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page result = browser.submit(registrationPage(browser, "tomsk.localhost"), "/register",
                    form("  ", "anna@example.ru", "long-enough-1", "long-enough-1", true));
            assertFieldError(result.body(), "name", "Укажите имя", "email");
            assertThat(result.body()).contains("value=\"anna@example.ru\"").contains("id=\"consent\" name=\"consent\" value=\"yes\" checked");
        }
        TenantContext.runAs(TenantId.of("tomsk"), () -> assertThat(accounts.findByUsername("anna@example.ru")).isEmpty());
    }

    /** The field's error message comes right after the field and before the next field's label. */
    private static void assertFieldError(String body, String field, String message, String nextField) {
        int input = body.indexOf("<input id=\"" + field + "\"");
        int error = body.indexOf("id=\"" + field + "-error\"");
        int next = body.indexOf("for=\"" + nextField + "\"");
        assertThat(input).as(field).isPositive();
        assertThat(error).as(field + " error after its field").isGreaterThan(input).isLessThan(next);
        assertThat(body.substring(error, next)).contains(message);
        assertThat(body.substring(input, error)).contains("aria-invalid=\"true\"");
    }

    @Test
    void anAddressAlreadyRegisteredInTheTenantIsRefusedClearlyButAnotherTenantIsSeparate() throws Exception {
        String email = uniqueEmail();
        try (PortalHttpClient browser = new PortalHttpClient()) {
            browser.submit(registrationPage(browser, "tomsk.localhost"), "/register",
                    form("Первый житель", email, "first-pass-1", "first-pass-1", true));
        }
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page again = browser.submit(registrationPage(browser, "tomsk.localhost"), "/register",
                    form("Второй житель", email.toUpperCase(java.util.Locale.ROOT), "second-pass-2", "second-pass-2",
                            true));
            assertThat(again.status()).isEqualTo(422);
            assertFieldError(again.body(), "email", "Учётная запись с этим адресом уже есть", "password");
            assertThat(again.body()).contains("value=\"Второй житель\"");
        }
        TenantContext.runAs(TenantId.of("tomsk"), () -> assertThat(
                accounts.findByUsername(email).orElseThrow().getDisplayName()).isEqualTo("Первый житель"));

        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page elsewhere = browser.submit(registrationPage(browser, "gubkinsky.localhost"),
                    "/register", form("Житель Губкинского", email, "third-pass-3", "third-pass-3", true));
            assertThat(URI.create(elsewhere.url()).getPath()).as(String.join("\n", browser.trail)).isEqualTo("/");
        }
    }

    @Test
    void whereCitizensComeThroughEsiaOnlyThereIsNoRegistration() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("volgograd.localhost", "/oauth2/authorization/portal"));
            assertThat(login.url()).isEqualTo(url("volgograd.localhost", "/login"));
            assertThat(login.body()).doesNotContain("/register").doesNotContain("Зарегистрироваться");

            PortalHttpClient.Page register = browser.get(url("volgograd.localhost", "/register"));
            assertThat(register.status()).isEqualTo(404);
            assertThat(register.body()).contains("регистрация недоступна").doesNotContain("name=\"password\"");

            PortalHttpClient.Page staffLogin = browser.get(url("volgograd.localhost", "/login?staff"));
            PortalHttpClient.Page posted = browser.submit(staffLogin, "/register",
                    form("Житель Волгограда", uniqueEmail(), "long-enough-1", "long-enough-1", true));
            assertThat(posted.status()).isEqualTo(404);
        }
        TenantContext.runAs(TenantId.of("volgograd"), () -> assertThat(accounts.list())
                .noneMatch(a -> "Житель Волгограда".equals(a.getDisplayName())));
    }
}
