package ru.civic.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.civic.platform.account.Account;
import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.shared.Role;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;

/**
 * Tynda's five stages (Положение 3.2) in a real browser, by five different officials, each signing in through the
 * provider's page (behind the staff link: Tynda's citizens sign in through ESIA), finding the message in their queue,
 * opening its card and taking their action through its dialog: the moderator accepts it with a category, the
 * coordinator assigns the executor, the executor answers from a template with the result, position, approving head,
 * one agreeing head and a scan, the agreeing head agrees, the approving head approves; a passer-by then reads the
 * answer on the portal. Screenshots: {@code portal-ui/target/screenshots/tynda-five-stages-*.png}.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = Chromium.SWITCH, matches = "skip", disabledReason = "-Dbrowser.tests=skip")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TyndaFiveStagesBrowserTest {

    private static final TenantId TYNDA = TenantId.of("tynda");
    private static final String PASSWORD = "pyat-etapov-2026";
    private static final String TEMPLATE_TEXT =
            "Уважаемый заявитель! Ремонт указанного участка включён в план дорожных работ города.";

    private static Chromium browser;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    MessageIntake intake;

    private final String marker = UUID.randomUUID().toString().substring(0, 8);

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
    void aMessageGoesThroughAllFiveStagesByFiveOfficialsInTheBrowser() throws IOException {
        Account moderator = staff("mod", "Ольга Модераторова", Role.MODERATOR, null);
        Account coordinator = staff("coord", "Игорь Координаторов", Role.COORDINATOR, null);
        Account executor = staff("exec", "Анна Исполнителева " + marker, Role.EXECUTOR, "upr-zhkh");
        Account deputy = staff("deputy", "Вера Заместителева " + marker, Role.HEAD, "upr-zhkh");
        Account head = staff("head", "Сергей Начальников " + marker, Role.HEAD, "upr-zhkh");
        // The citizen's side is PortalBrowserTest's; here the message arrives as from the portal, without category.
        String number = submitted("Глубокая яма на проезжей части у дома 7 по ул. Красная Пресня " + marker);
        browser.resize(Chromium.DESKTOP);

        // 1. Moderation: accepted (and published) with the category the citizen left empty.
        openFromQueue(moderator, number, "1-moderation");
        assertThat(stageOnCard()).contains("Модерация");
        openDialog("accept");
        pickInComboBox(field("categoryId"), "Ремонт дорог", "Дороги › Ремонт дорог, ямы");
        browser.screenshot("tynda-five-stages-1-moderation-dialog");
        submitAndAwaitStage("Координация");
        browser.screenshot("tynda-five-stages-1-moderation-done");

        // 2. Coordination: the executor assigned.
        openFromQueue(coordinator, number, "2-coordination");
        openDialog("assign");
        pickInComboBox(field("executorId"), "Анна Исполнителева " + marker,
                "Анна Исполнителева " + marker + " (upr-zhkh)");
        browser.screenshot("tynda-five-stages-2-coordination-dialog");
        submitAndAwaitStage("Исполнение");
        browser.screenshot("tynda-five-stages-2-coordination-done");

        // 3. Execution: the answer from a ready template, result, position, approving head, one agreeing head, a scan.
        openFromQueue(executor, number, "3-execution");
        openDialog("answer");
        pickInComboBox(browser.await(By.cssSelector("vaadin-combo-box.civic-answer-template")), "Ремонт дороги",
                "Ремонт дороги запланирован");
        WebElement answerText = field("answer");
        browser.awaitTrue("return arguments[0].value === arguments[1]", answerText, TEMPLATE_TEXT);
        browser.nativeInput(answerText).sendKeys(" Срок — до 30 июня.");
        pickInSelect(field("result"), "Решено");
        browser.type(field("executorPosition"), "Главный специалист");
        pickInComboBox(field("headId"), "Сергей Начальников " + marker,
                "Сергей Начальников " + marker + " (upr-zhkh)");
        pickInMultiSelect(field("agreeingIds"), "Вера Заместителева " + marker,
                "Вера Заместителева " + marker + " (upr-zhkh)");
        attachScan();
        browser.fullPageScreenshot("tynda-five-stages-3-execution-dialog");
        submitAndAwaitStage("Согласование");
        browser.screenshot("tynda-five-stages-3-execution-done");

        // 4. Agreement: the agreeing head reads the draft on the card and agrees.
        openFromQueue(deputy, number, "4-agreement");
        assertThat(browser.await(By.cssSelector(".civic-card-answer")).getText())
                .isEqualTo(TEMPLATE_TEXT + " Срок — до 30 июня.");
        // The scan opens from the card as the PDF it is.
        String scan = browser.await(By.cssSelector(".civic-card-content a[href$='.pdf']")).getDomAttribute("href");
        assertThat(browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));
                """, scan)).isEqualTo("200 application/pdf");
        openDialog("agree");
        submitAndAwaitStage("Утверждение");
        browser.screenshot("tynda-five-stages-4-agreement-done");

        // 5. Approval: the named head approves; the answer is given.
        openFromQueue(head, number, "5-approval");
        openDialog("approve");
        browser.type(field("comment"), "Утверждаю");
        submitAndAwaitStage("Дан ответ");
        assertThat(browser.await(By.cssSelector(".civic-card-status")).getText()).isEqualTo("Дан ответ");
        assertThat(browser.driver().findElements(By.cssSelector(".civic-card-action"))).isEmpty();
        browser.screenshot("tynda-five-stages-5-approval-done");

        // A passer-by reads the answer on the portal.
        browser.forgetSession();
        browser.open(url("/messages/" + number));
        browser.awaitText(By.cssSelector(".civic-status"), "Дан ответ");
        assertThat(browser.await(By.cssSelector(".civic-answer")).getText())
                .contains(TEMPLATE_TEXT + " Срок — до 30 июня.").contains("Главный специалист");
        browser.screenshot("tynda-five-stages-6-portal-answered");
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    /** Signs in as this official, opens the queue, finds the message by its number and opens its card. */
    private void openFromQueue(Account official, String number, String step) {
        signIn(official);
        browser.open(url("/admin/queue"));
        browser.nativeInput(browser.await(By.cssSelector(".civic-queue-search"))).sendKeys(number, Keys.TAB);
        browser.awaitVaadin();
        // The list is filtered down to this message (the grid re-renders its rows meanwhile).
        browser.waiting().until(d -> d.findElement(By.cssSelector(".civic-queue-summary")).getText()
                .startsWith("В очереди: 1,"));
        By link = By.cssSelector(".civic-queue-grid a[href='admin/messages/" + number + "']");
        browser.await(link);
        browser.screenshot("tynda-five-stages-" + step + "-queue");
        click(link);
        browser.awaitUrlEnding("/admin/messages/" + number);
        browser.awaitVaadin();
        browser.await(By.cssSelector(".civic-card-stage"));
        browser.screenshot("tynda-five-stages-" + step + "-card");
    }

    /** Through the portal header's sign-in link and the provider's staff form, back to the portal signed in. */
    private void signIn(Account official) {
        // Tynda's citizens sign in through ESIA only; officials' password form is behind the staff link.
        browser.signIn(url(""), official.getUsername(), PASSWORD);
    }

    /** Clicks the card's button for this action; the dialog is open once its submit button shows. */
    private void openDialog(String actionId) {
        click(By.cssSelector("vaadin-button.civic-card-action[data-action='" + actionId + "']"));
        browser.awaitVaadin();
        browser.await(By.cssSelector("vaadin-button.civic-action-submit"));
    }

    private void submitAndAwaitStage(String stageName) {
        click(By.cssSelector("vaadin-button.civic-action-submit"));
        browser.awaitVaadin();
        browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".civic-card-stage")).getText().contains(stageName));
        assertThat(browser.driver().findElements(By.cssSelector(".civic-action-field-error, .civic-action-error")))
                .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
    }

    /** Clicks what the locator finds, finding it again while Vaadin re-renders it (lists filtered as one types). */
    private void click(By locator) {
        browser.await(locator);
        browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    private String stageOnCard() {
        return browser.await(By.cssSelector(".civic-card-stage")).getText();
    }

    private WebElement field(String name) {
        return browser.await(By.cssSelector("[data-field='" + name + "']"));
    }

    /** vaadin-combo-box: the search typed into its input, then the item with this label picked from the list. */
    private void pickInComboBox(WebElement combo, String search, String label) {
        browser.type(combo, search);
        click(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + label + "']"));
        browser.awaitVaadin();
        assertThat(browser.nativeInput(combo).getDomProperty("value")).isEqualTo(label);
    }

    /** vaadin-multi-select-combo-box: the item picked from the search, the list closed; the chip shows it. */
    private void pickInMultiSelect(WebElement combo, String search, String label) {
        browser.type(combo, search);
        click(By.xpath("//vaadin-multi-select-combo-box-item[normalize-space(.)='" + label + "']"));
        browser.nativeInput(combo).sendKeys(Keys.ESCAPE);
        browser.awaitVaadin();
        browser.awaitTrue("return (arguments[0].selectedItems || []).length === 1", combo);
    }

    /** vaadin-select: opened, then the item picked. */
    private void pickInSelect(WebElement select, String label) {
        select.click();
        click(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']"));
        browser.awaitVaadin();
    }

    /** A one-page PDF through the dialog's vaadin-upload; the dialog lists it by name once stored. */
    private void attachScan() throws IOException {
        Path dir = Files.createTempDirectory("civic-scan-");
        Path scan = Files.writeString(dir.resolve("akt-osmotra.pdf"), """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """, StandardCharsets.US_ASCII);
        WebElement upload = browser.await(By.cssSelector("[data-field='attachments'] vaadin-upload"));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : light.getFirst();
        input.sendKeys(scan.toAbsolutePath().toString());
        browser.awaitTrue("""
                const files = arguments[0].files || [];
                return files.length > 0 && files.every(f => f.complete && !f.error);
                """, upload);
        browser.awaitVaadin();
        browser.waiting().until(d -> d.findElement(By.cssSelector(".civic-action-files")).getText()
                .contains("akt-osmotra.pdf"));
        Files.delete(scan);
        Files.delete(dir);
    }

    // ---- set-up through the services ---------------------------------------------------------------------------

    private Account staff(String kind, String name, Role role, String organisation) {
        return TenantContext.callAs(TYNDA, () -> accounts.create("five-" + kind + "-" + marker, PASSWORD, name, null,
                Set.of(role), organisation));
    }

    private String submitted(String text) {
        return TenantContext.callAs(TYNDA, () -> {
            Account author = accounts.create("five-author-" + marker, PASSWORD, "Мария Жительницева", null,
                    Set.of(Role.CITIZEN), null);
            return intake.submit(new SubmitMessage(null, text, null, null, null, false, List.of(), null, null),
                    new Author(author.getId(), author.getDisplayName(), null, null), Message.Channel.PORTAL)
                    .number();
        });
    }

    private String url(String path) {
        return "http://tynda.localhost:" + port + path;
    }
}
