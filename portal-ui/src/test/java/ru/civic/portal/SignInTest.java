package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.account.StaffAccounts;
import ru.civic.platform.account.StaffDraft;
import ru.civic.platform.account.StaffInvitations;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * The back office at {@code /admin} asks for sign-in through the platform's OpenID provider (authorization code with
 * PKCE) and lets in only staff of the host's own tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    StaffAccounts staff;
    @Autowired
    StaffInvitations invitations;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    void accounts() {
        TenantContext.runAs(TenantId.of("tomsk"), () -> {
            accounts.create("tomsk-moderator", "s3cret-T", "Модератор Томска", null, Set.of(Role.MODERATOR), null);
            accounts.create("tomsk-resident", "s3cret-R", "Житель Томска", null, Set.of(Role.CITIZEN), null);
        });
        TenantContext.runAs(TenantId.of("volgograd"), () -> accounts.create("volgograd-operator", "s3cret-V",
                "Оператор Волгограда", null, Set.of(Role.OPERATOR), null));
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    @Test
    void staffOfTheTenantSignsInThroughTheProviderWithPkceAndReachesTheBackOffice() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page first = browser.get(url("tomsk.localhost", "/admin"));
            assertThat(first.status()).isEqualTo(302);

            PortalHttpClient.Page authorize = browser.get(url("tomsk.localhost", "/oauth2/authorization/portal"));
            assertThat(authorize.location()).startsWith(url("tomsk.localhost", "/oauth2/authorize?"))
                    .contains("code_challenge=").contains("code_challenge_method=S256");

            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/admin"));
            assertThat(login.url()).isEqualTo(url("tomsk.localhost", "/login"));
            assertThat(login.body()).contains("Активный житель Томской области").contains("Войти");

            PortalHttpClient.Page admin = browser.signIn(login, "tomsk-moderator", "s3cret-T");
            assertThat(URI.create(admin.url()).getPath()).as(String.join("\n", browser.trail)).isEqualTo("/admin");
            assertThat(admin.url()).startsWith(url("tomsk.localhost", "/admin"));
            assertThat(admin.status()).isEqualTo(200);
        }
    }

    @Test
    void signInPageIsInRussianWhateverTheBrowserLanguage() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("zarechny.localhost", "/admin"));

            assertThat(login.body()).contains("lang=\"ru\"").contains("Умный город").contains("Имя пользователя")
                    .contains("<label for=\"password\">Пароль</label>");
        }
    }

    @Test
    void anotherTenantsStaffAccountCannotSignInHere() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/admin"));
            PortalHttpClient.Page result = browser.signIn(login, "volgograd-operator", "s3cret-V");

            assertThat(result.url()).isEqualTo(url("tomsk.localhost", "/login?error"));
            assertThat(result.body()).contains("Неверное имя пользователя или пароль");
        }
    }

    @Test
    void aSessionSignedInForOneTenantIsWorthlessOnAnother() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/admin"));
            PortalHttpClient.Page admin = browser.signIn(login, "tomsk-moderator", "s3cret-T");
            assertThat(URI.create(admin.url()).getPath()).isEqualTo("/admin");
            assertThat(admin.status()).isEqualTo(200);

            browser.copyCookies("tomsk.localhost", "volgograd.localhost");
            PortalHttpClient.Page elsewhere = browser.get(url("volgograd.localhost", "/admin"));

            assertThat(elsewhere.status()).as("sent to sign in again, not let in").isEqualTo(302);
            assertThat(elsewhere.location()).doesNotContain("/admin");
        }
    }

    @Test
    void aCitizenIsNotLetIntoTheBackOffice() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/admin"));
            PortalHttpClient.Page result = browser.signIn(login, "tomsk-resident", "s3cret-R");

            assertThat(result.url()).as(String.join("\n", browser.trail)).startsWith(url("tomsk.localhost", "/admin"));
            assertThat(result.status()).isEqualTo(403);
        }
    }

    @Test
    void thePlatformOwnerSignsInOnThePlatformHostOnly() throws Exception {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("localhost", "/admin"));
            PortalHttpClient.Page console = browser.signIn(login, "owner", "demo");
            assertThat(console.url()).as(String.join("\n", browser.trail)).startsWith(url("localhost", "/admin"));
            assertThat(console.status()).isEqualTo(200);
        }
        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/admin"));
            assertThat(browser.signIn(login, "owner", "demo").url()).endsWith("/login?error");
        }
    }

    @Test
    void anInvitedOfficialOpensTheLinkAsAGuestAndSignsInOnlyAfterChoosingAPassword() throws Exception {
        TestSignIn.as("tomsk", Role.OPERATOR.name());
        try {
            TenantContext.runAs(TenantId.of("tomsk"), () -> staff.create(new StaffDraft("tomsk-invited",
                    "Приглашённый модератор", "tomsk-invited@example.ru", "", Set.of(Role.MODERATOR), null, Set.of())));
        } finally {
            TestSignIn.out();
        }
        String body = TenantContext.callAs(TenantId.of("tomsk"), () -> jdbc.sql(
                "select body from email_outbox where to_address = 'tomsk-invited@example.ru'").query(String.class)
                .single());
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/invitation/(\\S+)").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);

        try (PortalHttpClient browser = new PortalHttpClient()) {
            PortalHttpClient.Page page = browser.get(url("tomsk.localhost", "/invitation/" + token));
            assertThat(page.status()).as("a guest may open the page").isEqualTo(200);

            PortalHttpClient.Page login = browser.follow(url("tomsk.localhost", "/admin"));
            PortalHttpClient.Page before = browser.signIn(login, "tomsk-invited", "");
            assertThat(before.url()).isEqualTo(url("tomsk.localhost", "/login?error"));

            TenantContext.runAs(TenantId.of("tomsk"), () -> invitations.accept(token, "chosen-T-123", "chosen-T-123"));
            PortalHttpClient.Page admin = browser.signIn(browser.follow(url("tomsk.localhost", "/admin")),
                    "tomsk-invited", "chosen-T-123");
            assertThat(URI.create(admin.url()).getPath()).as(String.join("\n", browser.trail)).isEqualTo("/admin");
            assertThat(admin.status()).isEqualTo(200);
        }
    }
}
