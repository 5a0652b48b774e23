package ru.civic.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * A moderator's open queue in a real browser shows a message that arrives after the page was loaded, without a
 * reload: the server pushes over the WebSocket (the browser's own requests stay HTTP through the tenant filter).
 */
@Tag("browser")
@DisabledIfSystemProperty(named = Chromium.SWITCH, matches = "skip", disabledReason = "-Dbrowser.tests=skip")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveQueueBrowserTest {

    private static Chromium browser;

    @LocalServerPort
    int port;
    @Autowired
    MessageIntake intake;

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
    void aMessageSentWhileTheQueueIsOpenAppearsInItWithoutAReload() {
        String base = "http://tomsk.localhost:" + port;
        browser.signIn(base, "moderator", "demo");
        browser.open(base + "/admin/queue");
        browser.awaitVaadin();
        browser.await(By.cssSelector("vaadin-grid.civic-queue-grid"));
        browser.script("window.civicLoadedOnce = true");
        browser.screenshot("tomsk-live-queue-before");

        String marker = UUID.randomUUID().toString().substring(0, 8);
        String number = TenantContext.callAs(TenantId.of("tomsk"), () -> intake.submit(new SubmitMessage(null,
                "Открытый люк на тротуаре " + marker, "potholes", new Place(56.48, 84.95, "ул. Ленина, 20"), null,
                false, List.of(), null, null), new Author(null, "Гость", "guest@example.ru", null),
                Message.Channel.PORTAL).number());

        browser.awaitTrue("return document.querySelector('vaadin-grid.civic-queue-grid').textContent.includes(arguments[0])",
                number);
        assertThat(browser.script("return window.civicLoadedOnce === true")).as("the page was not reloaded")
                .isEqualTo(true);
        assertThat((String) browser.script("return document.body.textContent")).contains("Новое в очереди: № " + number);
        browser.screenshot("tomsk-live-queue-after");
    }
}
