package ru.civic.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;


/**
 * The platform owner creates a city from the console's form in a real browser, and its portal answers on its own
 * host at once, with no restart. The time from opening the form to the new portal's page is logged (it is recorded
 * in the README; a test does not time itself).
 */
@Tag("browser")
@DisabledIfSystemProperty(named = Chromium.SWITCH, matches = "skip", disabledReason = "-Dbrowser.tests=skip")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NewTenantBrowserTest {

    private static final Logger log = LoggerFactory.getLogger(NewTenantBrowserTest.class);
    private static Chromium browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Chromium.start();
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOwnerCreatesACityFromTheFormAndItsPortalAnswersOnItsHost() {
        String platform = "http://localhost:" + port;
        browser.signIn(platform, "owner", "demo");

        String id = "n" + UUID.randomUUID().toString().substring(0, 6);
        String name = "Новоуральск " + id;
        long started = System.nanoTime();
        browser.open(platform + "/admin/platform/new");
        browser.awaitVaadin();
        browser.type(browser.await(By.cssSelector("vaadin-text-field.civic-new-id")), id);
        browser.type(browser.await(By.cssSelector("vaadin-text-field.civic-new-name")), name);
        browser.type(browser.await(By.cssSelector("vaadin-text-field.civic-new-hosts")), id + ".example.ru");
        browser.type(browser.await(By.cssSelector("vaadin-text-field.civic-new-region-code")), "RU-SVE");
        browser.type(browser.await(By.cssSelector("vaadin-text-field.civic-new-region-name")), "Свердловская область");
        browser.type(browser.await(By.cssSelector("vaadin-text-field.civic-new-operator")), "operator-" + id);
        browser.screenshot("platform-new-tenant-form");
        browser.await(By.cssSelector("vaadin-button.civic-platform-new-create")).click();
        // The first operator's password, shown once; then the new tenant's page in the console.
        browser.await(By.cssSelector(".civic-credentials-password"));
        browser.screenshot("platform-new-tenant-credentials");
        browser.await(By.cssSelector("vaadin-button.civic-credentials-done")).click();
        browser.awaitTrue("return location.pathname.endsWith(arguments[0])", "/admin/platform/tenant/" + id);

        browser.open("http://" + id + ".localhost:" + port + "/");
        browser.awaitText(By.cssSelector(".civic-header .civic-portal-name"), name);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        browser.screenshot("platform-new-tenant-portal");
        log.info("A new tenant from the console's form to its own portal page took {} ms", took.toMillis());
        assertThat(browser.url()).startsWith("http://" + id + ".localhost:");
    }
}
