package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantAdministration;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Sign-in through ESIA (Gosuslugi), each tenant with its own settings. Tomsk is pointed at a fake ESIA running in
 * the test (its own key, ID tokens, client secret from a property), so the whole round trip runs: portal, the
 * platform's provider, ESIA, back to the provider, and the portal signed in. Volgograd keeps its placeholder
 * settings of the real ESIA; Zarechny does not offer ESIA.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ESIA_TEST_CLIENT_SECRET=fake-esia-secret")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EsiaSignInTest {

    private static final Path TENANTS = Path.of(System.getProperty("platform.repository-root", ".."), "config", "tenants");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    TenantAdministration administration;

    FakeEsia esia;

    @BeforeAll
    void tomskSignsInThroughTheFakeEsia() throws Exception {
        esia = new FakeEsia("TOMSK_TEST", "fake-esia-secret");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode tomsk = (ObjectNode) yaml.readTree(Files.readString(TENANTS.resolve("tomsk.yaml")));
        ObjectNode settings = (ObjectNode) tomsk.get("registration").get("esia");
        settings.put("issuerUri", esia.issuer());
        settings.put("authorizationUri", esia.issuer() + "/authorize");
        settings.put("tokenUri", esia.issuer() + "/token");
        settings.put("jwkSetUri", esia.issuer() + "/jwks");
        settings.put("clientId", "TOMSK_TEST");
        settings.put("clientSecretVariable", "ESIA_TEST_CLIENT_SECRET");
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("owner", null, "ROLE_PLATFORM_OWNER"));
        try {
            administration.save("test", yaml.writeValueAsString(tomsk), "test");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @AfterAll
    void stop() {
        esia.close();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    private PortalHttpClient.Page loginPage(PortalHttpClient browser, String host) throws Exception {
        PortalHttpClient.Page login = browser.follow(url(host, "/oauth2/authorization/portal"));
        assertThat(login.url()).isEqualTo(url(host, "/login"));
        return login;
    }

    @Test
    void theGosuslugiButtonShowsWhereTheTenantOffersEsiaAndNowhereElse() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page tomsk = loginPage(browser, "tomsk.localhost");
            assertThat(tomsk.body()).contains("Войти через Госуслуги").contains("href=\"/oauth2/authorization/esia\"")
                    .as("ESIA is optional in Tomsk: the password form is there too").contains("name=\"password\"");

            PortalHttpClient.Page zarechny = loginPage(browser, "zarechny.localhost");
            assertThat(zarechny.body()).doesNotContain("Госуслуги").doesNotContain("/oauth2/authorization/esia")
                    .contains("name=\"password\"");
            PortalHttpClient.Page refused = browser.get(url("zarechny.localhost", "/oauth2/authorization/esia"));
            assertThat(refused.status()).as(refused.location()).isEqualTo(404);
            assertThat(browser.get(url("zarechny.localhost", "/login/oauth2/code/esia?code=x&state=y")).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void whereEsiaIsRequiredCitizensSeeOnlyTheButtonAndStaffHaveTheirOwnLink() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page volgograd = loginPage(browser, "volgograd.localhost");
            assertThat(volgograd.body()).contains("Войти через Госуслуги").doesNotContain("name=\"password\"")
                    .contains("href=\"/login?staff\"").contains("Вход для сотрудников");

            PortalHttpClient.Page staff = browser.get(url("volgograd.localhost", "/login?staff"));
            assertThat(staff.body()).contains("name=\"password\"").doesNotContain("Войти через Госуслуги");
        }
    }

    @Test
    void theButtonLeadsToTheTenantsOwnClientAtItsProviderAndBackToTheTenantsHost() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            loginPage(browser, "volgograd.localhost");
            PortalHttpClient.Page volgograd = browser.get(url("volgograd.localhost", "/oauth2/authorization/esia"));
            assertThat(volgograd.location()).startsWith("https://esia.gosuslugi.ru/aas/oauth2/v2/ac?")
                    .contains("client_id=VOLGOGRAD_PORTAL").contains("response_type=code")
                    .contains("redirect_uri=" + url("volgograd.localhost", "/login/oauth2/code/esia") + "&")
                    .contains("scope=openid%20fullname%20email").contains("state=").contains("nonce=");

            loginPage(browser, "tomsk.localhost");
            PortalHttpClient.Page tomsk = browser.get(url("tomsk.localhost", "/oauth2/authorization/esia"));
            assertThat(tomsk.location()).startsWith(esia.issuer() + "/authorize?").contains("client_id=TOMSK_TEST")
                    .contains("redirect_uri=" + url("tomsk.localhost", "/login/oauth2/code/esia") + "&");
        }
    }

    @Test
    void aCitizenSignsInThroughEsiaArrivesAtThePortalSignedInAndComesBackToTheSameAccount() throws Exception {
        esia.signsInAs = new FakeEsia.Person("1000000042", "Кузнецов Олег Игоревич");
        long before = TenantContext.callAs(TenantId.of("tomsk"), () -> accounts.count());

        for (int visit = 1; visit <= 2; visit++) {
            try (PortalHttpClient browser = new PortalHttpClient()) {
                loginPage(browser, "tomsk.localhost");
                PortalHttpClient.Page portal = browser.follow(url("tomsk.localhost", "/oauth2/authorization/esia"));

                String trail = String.join("\n", browser.trail);
                assertThat(portal.url()).as(trail).isEqualTo(url("tomsk.localhost", "/"));
                assertThat(portal.status()).isEqualTo(200);
                assertThat(trail).contains(esia.issuer() + "/authorize?")
                        .contains("/login/oauth2/code/esia?code=").contains("/login/oauth2/code/portal?code=");
                PortalHttpClient.Page admin = browser.get(url("tomsk.localhost", "/admin"));
                assertThat(admin.status()).as("signed in, as a citizen").isEqualTo(403);
            }
            long now = TenantContext.callAs(TenantId.of("tomsk"), () -> accounts.count());
            assertThat(now).as("visit " + visit + ": one account, made on the first visit").isEqualTo(before + 1);
        }

        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            assertThat(accounts.hasExternalIdentity("esia", "1000000042")).isTrue();
            List<Account> linked = accounts.list().stream()
                    .filter(a -> "Кузнецов Олег Игоревич".equals(a.getDisplayName())).toList();
            assertThat(linked).hasSize(1);
            assertThat(linked.getFirst().getRoles()).containsExactly(Role.CITIZEN);
            assertThat(linked.getFirst().getPasswordHash()).isNull();
        });
        TenantContext.runAs(TenantId.of("gubkinsky"),
                () -> assertThat(accounts.hasExternalIdentity("esia", "1000000042")).isFalse());
    }

    @Test
    void anEsiaAccountCannotBeUsedWithThePasswordForm() throws Exception {
        esia.signsInAs = new FakeEsia.Person("1000000077", "Смирнова Анна");
        try (PortalHttpClient browser = new PortalHttpClient()) {
            loginPage(browser, "tomsk.localhost");
            browser.follow(url("tomsk.localhost", "/oauth2/authorization/esia"));
        }
        String username = TenantContext.callAs(TenantId.of("tomsk"), () -> accounts.list().stream()
                .filter(a -> "Смирнова Анна".equals(a.getDisplayName())).findFirst().orElseThrow().getUsername());
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page result = browser.signIn(loginPage(browser, "tomsk.localhost"), username, "");
            assertThat(URI.create(result.url()).getQuery()).isEqualTo("error");
        }
    }

    @Test
    void whenEsiaRefusesTheCitizenIsBackOnTheSignInPageWithAMessageAndNotSignedIn() throws Exception {
        esia.signsInAs = new FakeEsia.Person("1000000099", "Отказ Тест");
        esia.clientSecret = "the platform does not know this one";
        try (PortalHttpClient browser = new PortalHttpClient()) {
            loginPage(browser, "tomsk.localhost");
            PortalHttpClient.Page page = browser.follow(url("tomsk.localhost", "/oauth2/authorization/esia"));

            assertThat(page.url()).as(String.join("\n", browser.trail)).isEqualTo(url("tomsk.localhost", "/login?esiaError"));
            assertThat(page.body()).contains("Не удалось войти через Госуслуги").contains("Войти через Госуслуги");
            assertThat(browser.get(url("tomsk.localhost", "/admin")).status()).as("not signed in").isEqualTo(302);
        } finally {
            esia.clientSecret = "fake-esia-secret";
        }
        TenantContext.runAs(TenantId.of("tomsk"),
                () -> assertThat(accounts.hasExternalIdentity("esia", "1000000099")).isFalse());
    }
}
