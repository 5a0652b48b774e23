package ru.civic.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import ru.civic.platform.account.AccountService;
import ru.civic.platform.message.Actor;
import ru.civic.platform.message.Actors;
import ru.civic.platform.tenancy.TenantConfiguration;
import ru.civic.platform.tenancy.TenantConfiguration.Action;
import ru.civic.platform.tenancy.TenantConfiguration.ActionField;
import ru.civic.platform.tenancy.TenantConfiguration.Category;
import ru.civic.platform.tenancy.TenantConfiguration.Stage;
import ru.civic.platform.tenancy.TenantContext;
import ru.civic.platform.tenancy.TenantId;
import ru.civic.platform.tenancy.TenantRegistry;
import ru.civic.platform.workflow.ActionInput;
import ru.civic.platform.workflow.WorkflowService;

/**
 * The five portals in a real browser (headless Chromium). Each shows its own name and colours, on a desktop and a
 * phone screen, and its feed and lookup. A citizen signs in from the header and sends a message with a photo through
 * the form; once staff publish it (here through the workflow service), a passer-by finds it in the feed and by its
 * number and supports it where the tenant lets guests support, or sees why not. Screenshots of every step go to
 * {@code portal-ui/target/screenshots/<tenant>-<step>.png}.
 * <p>
 * Needs Chromium and chromedriver ({@code scripts/install-browser.sh}); without them the tests fail and say so,
 * unless run with {@code -Dbrowser.tests=skip}. One application and one browser serve all tenants.
 */
@Tag("browser")
@DisabledIfSystemProperty(named = Chromium.SWITCH, matches = "skip", disabledReason = "-Dbrowser.tests=skip")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserTest {

    /** The citizen every tenant has while demo data is on (as in tests): see DemoAccounts. */
    private static final String DEMO_CITIZEN = "citizen";
    private static final String DEMO_PASSWORD = "demo";

    private static Chromium browser;

    @LocalServerPort
    int port;
    @Autowired
    TenantRegistry tenants;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;
    @Autowired
    MessageSource messages;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void eachPortalShowsItsNameAndColoursOnDesktopAndPhoneAndOpensItsFeedAndLookup(String tenant) {
        TenantConfiguration config = configuration(tenant);
        browser.resize(Chromium.DESKTOP);
        browser.open(home(tenant));

        browser.awaitText(By.cssSelector(".civic-header .civic-portal-name"), config.name());
        WebElement header = browser.await(By.cssSelector(".civic-header"));
        assertThat(rgb(header.getCssValue("background-color")))
                .as("header colour of %s", tenant).isEqualTo(rgb(config.branding().primaryColor()));
        browser.screenshot(tenant + "-home");

        browser.resize(Chromium.PHONE);
        browser.open(home(tenant));
        assertThat(browser.viewport()).isEqualTo(Chromium.PHONE);
        assertThat(browser.await(By.cssSelector(".civic-portal-name")).getText()).isEqualTo(config.name());
        assertThat((Boolean) browser.script(
                "return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the %s home page fits a phone's width without sideways scrolling", tenant).isTrue();
        browser.screenshot(tenant + "-home-phone");
        browser.resize(Chromium.DESKTOP);

        browser.await(By.cssSelector(".civic-nav a[href='messages']")).click();
        browser.awaitUrlEnding("/messages");
        browser.awaitVaadin();
        assertThat(browser.await(By.cssSelector(".civic-feed h2")).getText())
                .isEqualTo(text(tenant, "portal.feed.title"));
        browser.screenshot(tenant + "-feed");

        browser.await(By.cssSelector(".civic-nav a[href='lookup']")).click();
        browser.awaitUrlEnding("/lookup");
        browser.awaitVaadin();
        browser.await(By.cssSelector(".civic-lookup vaadin-text-field"));
        assertThat(browser.await(By.cssSelector(".civic-lookup h2")).getText())
                .isEqualTo(text(tenant, "portal.lookup.title"));
        browser.screenshot(tenant + "-lookup");
    }

    /**
     * The whole citizen path in the browser: sign in from the header, fill the form (category, text, the point on the
     * map and an address, date and time and the publicity confirmation where the tenant requires them, a photo), get
     * the number; once staff publish it, a passer-by finds it in the feed and by its number and supports it where
     * the tenant lets guests support, or sees why not.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void aCitizenSubmitsAMessageWithAPhotoAndAnyoneFindsAndSupportsItOncePublished(String tenant) throws IOException {
        TenantConfiguration config = configuration(tenant);
        browser.resize(Chromium.DESKTOP);
        signInAsDemoCitizen(tenant);

        browser.await(By.cssSelector(".civic-nav a[href='submit']")).click();
        browser.awaitUrlEnding("/submit");
        browser.awaitVaadin();
        WebElement text = browser.await(By.cssSelector(".civic-text"));
        browser.screenshot(tenant + "-submit-empty");
        chooseCategory(categoryLabel(config, leafCategory(config)));
        browser.type(text, "Проверка из браузера " + marker + ": не горит фонарь во дворе, темно вечером");
        if (config.features().map()) {
            pickPointOnTheMap(); // Gubkinsky has no map: the address is the place
        }
        browser.type(browser.await(By.cssSelector(".civic-address")), "ул. Ленина, 1");
        if (config.intake().dateTimeRequired()) {
            fillOccurredAt(LocalDate.now(config.zoneId()).minusDays(1));
        }
        attachPhoto();
        if (config.intake().publicityConfirmation()) {
            WebElement publicity = browser.await(By.cssSelector(".civic-publicity"));
            publicity.click();
            browser.awaitVaadin();
            assertThat(publicity.getDomProperty("checked")).isEqualTo("true");
        }
        browser.fullPageScreenshot(tenant + "-submit-filled");
        // The full-page screenshot resizes the window and back; the page reflows (the map, a two-row header), and a
        // pointer click aimed while it moves can land beside the button. Clicked once Vaadin is idle, by the element.
        browser.awaitVaadin();
        browser.script("arguments[0].click()", browser.await(By.cssSelector(".civic-submit")));
        browser.awaitVaadin();

        String receipt;
        try {
            receipt = browser.await(By.cssSelector(".civic-receipt-number")).getText();
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say what the page showed instead (a problem at a field, an error), not just that no receipt came.
            browser.fullPageScreenshot(tenant + "-submit-no-receipt");
            Object stored = TenantContext.callAs(TenantId.of(tenant), () -> jdbc.sql(
                    "select count(*) from message where text like ?").param("%" + marker + "%").query(Long.class).single());
            throw new AssertionError("No receipt for " + tenant + " (messages stored with this text: " + stored
                    + "); the page says: "
                    + browser.script("return document.querySelector('main') ? document.querySelector('main').innerText"
                            + " : document.body.innerText"), e);
        }
        browser.screenshot(tenant + "-submit-receipt");
        assertThat(receipt).matches(Pattern.quote(config.intake().numberPrefix()) + "-\\d{4}-\\d+");

        publish(tenant, receipt);
        // From here on a passer-by: a new session on this portal, not signed in.
        browser.forgetSession();
        findInFeedAndByNumber(tenant, receipt);
        assertThat(browser.await(By.cssSelector(".civic-message-text")).getText()).contains(marker);
        supportAsGuest(tenant, receipt);
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    private void findInFeedAndByNumber(String tenant, String number) {
        browser.open(url(tenant, "/messages"));
        WebElement link = browser.await(By.cssSelector(".civic-feed-list a[href='messages/" + number + "']"));
        browser.screenshot(tenant + "-feed");
        link.click();
        browser.awaitUrlEnding("/messages/" + number);
        browser.awaitVaadin();
        assertThat(browser.await(By.cssSelector(".civic-message h2")).getText()).contains(number);

        browser.open(url(tenant, "/lookup"));
        browser.type(browser.await(By.cssSelector(".civic-lookup vaadin-text-field")), number.toLowerCase(Locale.ROOT));
        browser.await(By.xpath("//vaadin-button[normalize-space(.)='" + text(tenant, "portal.lookup.find") + "']"))
                .click();
        browser.awaitUrlEnding("/messages/" + number);
        browser.awaitVaadin();
        assertThat(browser.await(By.cssSelector(".civic-message h2")).getText()).contains(number);
        assertThat(browser.await(By.cssSelector(".civic-status")).getText()).isNotBlank();
        WebElement photo = browser.await(By.cssSelector(".civic-message-photos img"));
        // the thumbnail is really served (not only referenced)
        browser.awaitTrue("return arguments[0].complete && arguments[0].naturalWidth > 0", photo);
        if (configuration(tenant).features().map()) {
            // no tile server is reachable here: the marker is a vector shape and shows all the same
            browser.await(By.cssSelector(".civic-map .civic-map-marker"));
        }
        browser.screenshot(tenant + "-message");
    }

    /** On the message page, as a guest: supports it where the tenant lets guests, else sees why not. */
    private void supportAsGuest(String tenant, String number) {
        assertThat(browser.url()).endsWith("/messages/" + number);
        WebElement button = browser.await(By.cssSelector(".civic-support-button"));
        By hint = By.cssSelector(".civic-support-hint");
        if (configuration(tenant).guests().support()) {
            assertThat(button.getAttribute("disabled")).as("support button of %s", tenant).isNull();
            button.click();
            browser.awaitVaadin();
            browser.awaitText(By.cssSelector(".civic-support .civic-support-count"),
                    text(tenant, "portal.feed.supports", 1));
            browser.awaitText(hint, text(tenant, "portal.message.supported"));
            assertThat(browser.await(By.cssSelector(".civic-support-button")).getAttribute("disabled")).isNotNull();
        } else {
            assertThat(button.getAttribute("disabled")).as("support button of %s", tenant).isNotNull();
            assertThat(browser.await(hint).getText()).isEqualTo(text(tenant, "support.guestsNotAllowed"));
        }
        browser.screenshot(tenant + "-support");
    }

    /** Through the header's sign-in link and the provider's login form, back to the portal signed in. */
    private void signInAsDemoCitizen(String tenant) {
        browser.signIn(url(tenant, ""), DEMO_CITIZEN, DEMO_PASSWORD);
        browser.awaitText(By.cssSelector(".civic-header .civic-sign-out"), text(tenant, "portal.nav.signOut"));
        assertThat(browser.url()).startsWith(home(tenant));
        assertThat(browser.await(By.cssSelector(".civic-header")).getText()).contains(demoCitizenName(tenant));
        browser.screenshot(tenant + "-signed-in");
    }

    /** A click in the middle of the map sets the point; the form shows its coordinates. */
    private void pickPointOnTheMap() {
        WebElement map = browser.await(By.cssSelector(".civic-map"));
        browser.await(map, By.cssSelector(".leaflet-map-pane"));
        By point = By.cssSelector(".civic-point");
        String before = browser.await(point).getText();
        new Actions(browser.driver()).moveToElement(map).click().perform();
        browser.awaitVaadin();
        browser.awaitTextChange(point, before);
    }

    private String demoCitizenName(String tenant) {
        return TenantContext.callAs(TenantId.of(tenant),
                () -> accounts.findByUsername(DEMO_CITIZEN).orElseThrow().getDisplayName());
    }

    /**
     * A vaadin-combo-box (its last level typed in as a search, then the item picked) or a vaadin-select (opened, then
     * the item picked). Items are labelled with the category's path in the tree.
     */
    private void chooseCategory(String label) {
        WebElement field = browser.await(By.cssSelector(".civic-category"));
        if ("vaadin-combo-box".equals(field.getTagName())) {
            String[] levels = label.split(" › ");
            browser.type(field, levels[levels.length - 1]);
        } else {
            field.click();
        }
        browser.await(By.xpath("//*[self::vaadin-combo-box-item or self::vaadin-select-item]"
                + "[normalize-space(.)='" + label + "']")).click();
        browser.awaitVaadin();
        if ("vaadin-combo-box".equals(field.getTagName())) {
            assertThat(browser.nativeInput(field).getDomProperty("value")).isEqualTo(label);
        }
    }

    /** Date and time the problem relates to, typed as a Russian user types them into the date-time picker. */
    private void fillOccurredAt(LocalDate day) {
        WebElement field = browser.await(By.cssSelector(".civic-occurred-at"));
        browser.nativeInput(browser.await(field, By.cssSelector("vaadin-date-picker")))
                .sendKeys(day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), Keys.ENTER);
        browser.nativeInput(browser.await(field, By.cssSelector("vaadin-time-picker"))).sendKeys("10:00", Keys.ENTER);
        browser.awaitVaadin();
        assertThat(field.getDomProperty("invalid")).isEqualTo("false");
    }

    /** A JPEG through vaadin-upload's file input: uploaded without error, accepted, shown as a preview. */
    private void attachPhoto() throws IOException {
        Path dir = Files.createTempDirectory("civic-photo-");
        Path photo = Files.write(dir.resolve("fonar.jpg"), samplePhoto());
        WebElement upload = browser.await(By.cssSelector(".civic-photos"));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : light.getFirst();
        input.sendKeys(photo.toAbsolutePath().toString());
        browser.awaitTrue("""
                const files = arguments[0].files || [];
                return files.length > 0 && files.every(f => f.complete && !f.error);
                """, upload);
        browser.awaitVaadin();
        browser.await(By.cssSelector(".civic-photo-previews .civic-photo-preview img"));
        assertThat(browser.driver().findElements(By.cssSelector(".civic-photo-error"))).allSatisfy(
                e -> assertThat(e.isDisplayed()).isFalse());
        Files.delete(photo);
        Files.delete(dir);
    }

    // ---- service layer: what staff do elsewhere ---------------------------------------------------------------

    /**
     * Publishes the message as the first stage's staff would: the tenant's own action that publishes, by its demo
     * account for the stage's role, with what that action requires.
     */
    private void publish(String tenant, String number) {
        TenantConfiguration config = configuration(tenant);
        TenantContext.runAs(TenantId.of(tenant), () -> {
            Stage start = config.workflow().requiredStage(config.workflow().start());
            Action publishing = start.actions().stream().filter(Action::publish).findFirst()
                    .orElseThrow(() -> new AssertionError("no publishing action at " + start.id() + " of " + tenant));
            String username = start.roles().getFirst().toLowerCase(Locale.ROOT).replace('_', '-');
            Actor staff = Actors.of(accounts.findByUsername(username).orElseThrow());
            ActionInput.Builder input = ActionInput.builder();
            if (publishing.requires().contains(ActionField.ORGANISATION)) {
                input.organisation(config.organisations().getFirst().id());
            }
            if (publishing.requires().contains(ActionField.PUBLICITY)) {
                input.publicity(true);
            }
            if (publishing.requires().contains(ActionField.COMMENT)) {
                input.comment("Опубликовано для проверки");
            }
            workflow.act(number, publishing.id(), input.build(), staff);
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private TenantConfiguration configuration(String tenant) {
        return tenants.find(TenantId.of(tenant)).orElseThrow().configuration();
    }

    private static Category leafCategory(TenantConfiguration config) {
        return config.allCategories().stream().filter(c -> c.children().isEmpty()).findFirst().orElseThrow();
    }

    /** As the form labels a category: its path in the tree, "Дороги › Ямы на дорогах". */
    private static String categoryLabel(TenantConfiguration config, Category category) {
        List<Category> path = new java.util.ArrayList<>(config.categoryPath(category.id()));
        java.util.Collections.reverse(path);
        return String.join(" › ", path.stream().map(Category::name).toList());
    }

    private String text(String tenant, String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(configuration(tenant).defaultLocale()));
    }

    /** A small JPEG like a phone's photo of a yard (the core's SampleImages are not in its exported test jar). */
    private static byte[] samplePhoto() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x30, 0x40, 0x60));
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.YELLOW);
        g.fillOval(280, 60, 80, 80);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String url(String tenant, String path) {
        return "http://" + tenant + ".localhost:" + port + path;
    }

    private String home(String tenant) {
        return url(tenant, "/");
    }

    /** "#2E7D32" or "rgb(46, 125, 50)" / "rgba(46, 125, 50, 1)" as "46,125,50". */
    static String rgb(String colour) {
        String c = colour.strip();
        if (c.startsWith("#")) {
            int v = Integer.parseInt(c.substring(1, 7), 16);
            return (v >> 16 & 0xFF) + "," + (v >> 8 & 0xFF) + "," + (v & 0xFF);
        }
        String[] parts = c.replaceAll("[^0-9.,]", "").split(",");
        return parts[0] + "," + parts[1] + "," + parts[2];
    }
}
