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
import org.junit.jupiter.api.Disabled;
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
import ru.civic.platform.message.Author;
import ru.civic.platform.message.Message;
import ru.civic.platform.message.MessageIntake;
import ru.civic.platform.message.Place;
import ru.civic.platform.message.SubmitMessage;
import ru.civic.platform.photo.PhotoUpload;
import ru.civic.platform.security.PortalSignIn;
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
 * The five portals in a real browser (headless Chromium): each shows its own name and colours, its feed and lookup;
 * a published message is found in the feed and by its number, and a guest supports it where the tenant allows.
 * Screenshots of every step go to {@code portal-ui/target/screenshots/<tenant>-<step>.png}.
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
    MessageIntake intake;
    @Autowired
    WorkflowService workflow;
    @Autowired
    AccountService accounts;
    @Autowired
    MessageSource messages;

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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void aPublishedMessageIsInTheFeedAndFoundByNumberAndAGuestSupportsItWhereAllowed(String tenant) {
        String number = submitAsDemoCitizen(tenant);
        publish(tenant, number);

        browser.open(home(tenant));
        browser.forgetSession();
        findInFeedAndByNumber(tenant, number, "published");
        supportAsGuest(tenant, number, "published");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void aCitizenSignsInFromTheHeaderLinkAndComesBackToThePortalSignedIn(String tenant) {
        browser.resize(Chromium.DESKTOP);
        signInAsDemoCitizen(tenant);

        WebElement header = browser.await(By.cssSelector(".civic-header"));
        assertThat(header.getText()).contains(demoCitizenName(tenant));
        assertThat(browser.await(By.cssSelector(".civic-header .civic-portal-name")).getText())
                .isEqualTo(configuration(tenant).name());
        browser.screenshot(tenant + "-signed-in");
        browser.forgetSession();
    }

    /**
     * The whole citizen path in the browser: sign in, fill the form with a photo, get the number; once staff publish
     * it, anyone finds it, and a guest supports it where the tenant allows.
     */
    @Disabled("The submit form (route \"submit\", ru.civic.portal.submit) is not merged yet: enable with it")
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tomsk", "volgograd", "zarechny", "tynda", "gubkinsky"})
    void aSignedInCitizenSubmitsAMessageWithAPhotoAndFindsItOncePublished(String tenant) throws IOException {
        TenantConfiguration config = configuration(tenant);
        browser.resize(Chromium.DESKTOP);
        signInAsDemoCitizen(tenant);

        browser.open(url(tenant, "/submit"));
        WebElement text = browser.await(By.cssSelector(".civic-text"));
        browser.screenshot(tenant + "-submit-empty");
        Category category = leafCategory(config);
        chooseCategory(category.name());
        browser.type(text, "Проверка из браузера " + marker + ": не горит фонарь во дворе, темно вечером");
        if (present(".civic-map")) {
            WebElement map = browser.await(By.cssSelector(".civic-map"));
            new Actions(browser.driver()).moveToElement(map).click().perform();
        }
        if (present(".civic-address")) {
            browser.type(browser.await(By.cssSelector(".civic-address")), "ул. Ленина, 1");
        }
        if (Boolean.TRUE.equals(config.intake().dateTimeRequired())) {
            fillOccurredAt(LocalDate.now().minusDays(1));
        }
        attachPhoto();
        if (Boolean.TRUE.equals(config.intake().publicityConfirmation())) {
            browser.await(By.cssSelector(".civic-publicity")).click();
            assertThat(browser.await(By.cssSelector(".civic-publicity")).getAttribute("checked")).isNotNull();
        }
        browser.screenshot(tenant + "-submit-filled");
        browser.await(By.cssSelector(".civic-submit")).click();
        browser.awaitVaadin();

        WebElement receipt = browser.await(By.cssSelector(".civic-receipt-number"));
        browser.screenshot(tenant + "-submit-receipt");
        Pattern numberPattern = Pattern.compile(Pattern.quote(config.intake().numberPrefix()) + "-\\d{4}-\\d+");
        assertThat(receipt.getText()).containsPattern(numberPattern);
        var found = numberPattern.matcher(receipt.getText());
        assertThat(found.find()).isTrue();
        String number = found.group();

        publish(tenant, number);
        // Signed out from here on: a fresh session on this portal, as a passer-by.
        browser.open(home(tenant));
        browser.forgetSession();
        findInFeedAndByNumber(tenant, number, "browser");
        assertThat(browser.await(By.cssSelector(".civic-message-text")).getText()).contains(marker);
        supportAsGuest(tenant, number, "browser");
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    private void findInFeedAndByNumber(String tenant, String number, String step) {
        browser.open(url(tenant, "/messages"));
        WebElement link = browser.await(By.cssSelector(".civic-feed-list a[href='messages/" + number + "']"));
        browser.screenshot(tenant + "-" + step + "-feed");
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
        browser.screenshot(tenant + "-" + step + "-message");
    }

    /** On the message page, as a guest: supports it where the tenant lets guests, else sees why not. */
    private void supportAsGuest(String tenant, String number, String step) {
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
        browser.screenshot(tenant + "-" + step + "-support");
    }

    /** Through the header's sign-in link and the provider's login form, back to the portal signed in. */
    private void signInAsDemoCitizen(String tenant) {
        browser.open(home(tenant));
        browser.forgetSession();
        browser.open(home(tenant));
        browser.await(By.cssSelector(".civic-header a[href='" + PortalSignIn.AUTHORIZATION_PATH + "']")).click();
        browser.awaitUrlEnding("/login");
        browser.await(By.name("username")).sendKeys(DEMO_CITIZEN);
        browser.await(By.name("password")).sendKeys(DEMO_PASSWORD);
        browser.screenshot(tenant + "-login");
        browser.await(By.cssSelector("button[type='submit']")).click();
        browser.awaitVaadin();
        browser.awaitText(By.cssSelector(".civic-header vaadin-button"), text(tenant, "portal.nav.signOut"));
        assertThat(browser.url()).startsWith("http://" + tenant + ".localhost:" + port + "/");
    }

    private String demoCitizenName(String tenant) {
        return TenantContext.callAs(TenantId.of(tenant),
                () -> accounts.findByUsername(DEMO_CITIZEN).orElseThrow().getDisplayName());
    }

    /** A vaadin-combo-box (typed into, then the item picked) or a vaadin-select (opened, then the item picked). */
    private void chooseCategory(String name) {
        WebElement field = browser.await(By.cssSelector(".civic-category"));
        if ("vaadin-combo-box".equals(field.getTagName())) {
            browser.type(field, name);
        } else {
            field.click();
        }
        browser.await(By.xpath("//*[self::vaadin-combo-box-item or self::vaadin-select-item]"
                + "[normalize-space(.)='" + name + "']")).click();
        browser.awaitVaadin();
    }

    /** Date and time the problem relates to: a vaadin-date-time-picker or separate date and time pickers. */
    private void fillOccurredAt(LocalDate day) {
        WebElement field = browser.await(By.cssSelector(".civic-occurred-at"));
        List<WebElement> date = field.findElements(By.cssSelector("vaadin-date-picker"));
        List<WebElement> time = field.findElements(By.cssSelector("vaadin-time-picker"));
        WebElement dateInput = browser.nativeInput(date.isEmpty() ? field : date.getFirst());
        dateInput.sendKeys(day.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), Keys.ENTER);
        WebElement timeField = time.isEmpty()
                ? browser.await(By.cssSelector(".civic-occurred-at vaadin-time-picker, vaadin-time-picker.civic-occurred-at"))
                : time.getFirst();
        WebElement timeInput = browser.nativeInput(timeField);
        timeInput.sendKeys("10:00", Keys.ENTER);
        browser.awaitVaadin();
    }

    /** A sample JPEG through vaadin-upload's file input; waits until the upload has finished without error. */
    private void attachPhoto() throws IOException {
        Path photo = Files.createTempFile("civic-photo-", ".jpg");
        Files.write(photo, samplePhoto());
        WebElement upload = browser.await(By.cssSelector(".civic-photos"));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty()
                ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : light.getFirst();
        input.sendKeys(photo.toAbsolutePath().toString());
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(d -> Boolean.TRUE.equals(browser.script("""
                        const files = arguments[0].files || [];
                        return files.length > 0 && files.every(f => f.complete && !f.error);
                        """, upload)));
        browser.awaitVaadin();
        Files.deleteIfExists(photo);
    }

    private boolean present(String css) {
        return !browser.driver().findElements(By.cssSelector(css)).isEmpty();
    }

    // ---- service layer: what staff do elsewhere ---------------------------------------------------------------

    /** A message by the tenant's demo citizen, filled as the tenant's intake rules require. */
    private String submitAsDemoCitizen(String tenant) {
        TenantConfiguration config = configuration(tenant);
        return TenantContext.callAs(TenantId.of(tenant), () -> {
            Actor citizen = Actors.of(accounts.findByUsername(DEMO_CITIZEN).orElseThrow());
            return intake.submit(new SubmitMessage(null,
                    "Проверка в браузере " + marker + ": не горит фонарь во дворе, темно вечером",
                    leafCategory(config).id(), new Place(config.features().mapCenter() == null ? 55.75
                            : config.features().mapCenter().lat(),
                            config.features().mapCenter() == null ? 37.62 : config.features().mapCenter().lon(),
                            "ул. Ленина, 1"),
                    java.time.Instant.now().minusSeconds(86_400),
                    Boolean.TRUE.equals(config.intake().publicityConfirmation()),
                    List.of(new PhotoUpload("fonar.jpg", samplePhoto())),
                    null, null),
                    new Author(citizen.accountId(), citizen.name(), null, null), Message.Channel.PORTAL).number();
        });
    }

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
