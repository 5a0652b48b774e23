package ru.civic.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.apache.hc.client5.http.cookie.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * A visitor who is not signed in holds a short session (Vaadin keeps their page in it), freed soon after they leave;
 * signing in gives the session the normal timeout, and the sign-in still works through the session id change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnonymousSessionsTest {

    /** platform.portal.anonymous-session-timeout's default, and Spring Boot's server.servlet.session.timeout. */
    private static final int ANONYMOUS = 5 * 60;
    private static final int SIGNED_IN = 30 * 60;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AccountService accounts;

    private String url(String path) {
        return "http://tomsk.localhost:" + port + path;
    }

    @Test
    void anAnonymousVisitorsSessionTimesOutAfterTheShortTimeout() throws IOException {
        try (PortalHttpClient browser = new PortalHttpClient()) {
            assertThat(browser.get(url("/lookup")).status()).isEqualTo(200);

            Session session = session(browser);
            assertThat(session.getMaxInactiveInterval()).isEqualTo(ANONYMOUS);
        }
    }

    @Test
    void signingInGivesTheSessionTheNormalTimeout() throws IOException {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        TenantContext.runAs(TenantId.of("tomsk"), () -> accounts.create(username, "s3cret-S", "Житель", null,
                Set.of(Role.CITIZEN), null));
        try (PortalHttpClient browser = new PortalHttpClient()) {
            browser.get(url("/lookup"));
            String anonymousId = session(browser).getId();

            PortalHttpClient.Page login = browser.follow(url("/oauth2/authorization/portal"));
            PortalHttpClient.Page back = browser.signIn(login, username, "s3cret-S");

            assertThat(back.status()).as(String.join("\n", browser.trail)).isEqualTo(200);
            Session session = session(browser);
            assertThat(session.getId()).as("a new id after sign-in (session fixation)").isNotEqualTo(anonymousId);
            assertThat(session.getMaxInactiveInterval()).isEqualTo(SIGNED_IN);
        }
    }

    private Session session(PortalHttpClient browser) throws IOException {
        String id = browser.cookies.getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID") && c.getDomain().equals("tomsk.localhost"))
                .map(Cookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
        Session session = manager().findSession(id);
        assertThat(session).as("session " + id).isNotNull();
        return session;
    }

    private Manager manager() {
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        return ((Context) server.getTomcat().getHost().findChildren()[0]).getManager();
    }
}
