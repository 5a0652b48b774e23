package ru.civic.portal.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium driven through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}, installed by {@code scripts/install-browser.sh}). Selenium is given both paths, so its
 * Selenium Manager never runs and nothing is downloaded. One fresh profile per browser; a page waits for Vaadin.
 */
final class Chromium implements AutoCloseable {

    /** {@code -Dbrowser.tests=skip} skips the browser tests; otherwise a missing browser fails them. */
    static final String SWITCH = "browser.tests";
    static final Path BINARY = Path.of(System.getProperty("browser.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * Selenium looks for a CDP binding (selenium-devtools-vNNN) of the browser's exact version and warns when none is
     * on the class path. None is needed: the few CDP commands here go through chromedriver's own endpoint. Kept in a
     * field: java.util.logging holds its loggers weakly.
     */
    private static final java.util.logging.Logger CDP_FINDER = java.util.logging.Logger
            .getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final OutputStream driverLog;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile, OutputStream driverLog) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.driverLog = driverLog;
    }

    /** Fails, saying how to install them, when Chromium or chromedriver is not on this machine. */
    static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(BINARY)) {
            missing.add("Chromium (" + BINARY + ")");
        }
        if (!Files.isExecutable(DRIVER)) {
            missing.add("chromedriver (" + DRIVER + ")");
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("The browser tests need " + String.join(" and ", missing)
                    + ". Install them with scripts/install-browser.sh (Debian packages chromium and chromium-driver),"
                    + " or skip these tests with -D" + SWITCH + "=skip.");
        }
    }

    static Chromium start() throws IOException {
        requireInstalled();
        CDP_FINDER.setLevel(java.util.logging.Level.SEVERE);
        Files.createDirectories(SCREENSHOTS);
        Path profile = Files.createTempDirectory("civic-chromium-");
        OutputStream log = Files.newOutputStream(Path.of("target", "chromedriver.log"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(log)
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        return new Chromium(service, new ChromeDriver(service, options), profile, log);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
        awaitVaadin();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** Makes the page area (not the window around it) this size, as on a screen of that size. */
    void resize(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        Dimension inner = viewport();
        if (!inner.equals(viewport)) {
            driver.manage().window().setSize(new Dimension(2 * viewport.width - inner.width,
                    2 * viewport.height - inner.height));
        }
    }

    Dimension viewport() {
        @SuppressWarnings("unchecked")
        List<Number> size = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        return new Dimension(size.get(0).intValue(), size.get(1).intValue());
    }

    /** Forgets every cookie of every host: the next page is what a new visitor sees (a CDP call via chromedriver). */
    void forgetSession() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /** Waits until Vaadin has rendered the page and no round trip to the server is under way. */
    void awaitVaadin() {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') return false;
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) return true;
                return Object.values(flow.clients).every(c => !c.isActive || !c.isActive());
                """)));
    }

    WebElement await(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement await(SearchContext within, By by) {
        return waiting().ignoring(NoSuchElementException.class)
                .until(d -> within.findElement(by));
    }

    void awaitText(By by, String text) {
        waiting().until(ExpectedConditions.textToBe(by, text));
    }

    /** Waits of up to 20 s that look again every 50 ms (Selenium's default, 500 ms, would dominate the run). */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE, POLL);
    }

    /** Waits until a script (given the arguments) returns true. */
    void awaitTrue(String script, Object... args) {
        waiting().until(d -> Boolean.TRUE.equals(driver.executeScript(script, args)));
    }

    void awaitTextChange(By by, String from) {
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(by).getText().equals(from));
    }

    void awaitUrlEnding(String end) {
        waiting().until(ExpectedConditions.urlMatches(java.util.regex.Pattern.quote(end) + "$"));
    }

    /** The native input of a Vaadin field (text field, text area, pickers): slotted into the light DOM, else shadow. */
    WebElement nativeInput(WebElement vaadinField) {
        for (String css : List.of("input", "textarea")) {
            List<WebElement> light = vaadinField.findElements(By.cssSelector(css));
            if (!light.isEmpty()) {
                return light.getFirst();
            }
        }
        return vaadinField.getShadowRoot().findElement(By.cssSelector("input, textarea"));
    }

    /**
     * Signs in on a portal (a tenant host or the platform host) in a fresh session: the header's sign-in link, then
     * the provider's password form, which sits behind the staff link where a tenant requires ESIA; back on the
     * portal, signed in.
     */
    void signIn(String portalUrl, String username, String password) {
        forgetSession();
        open(portalUrl + "/");
        await(By.cssSelector("a[href='" + ru.civic.platform.security.PortalSignIn.AUTHORIZATION_PATH + "']")).click();
        awaitUrlEnding("/login");
        if (driver.findElements(By.name("username")).isEmpty()) {
            screenshot("sign-in-esia");
            await(By.id("staff")).click();
        }
        await(By.name("username")).sendKeys(username);
        await(By.name("password")).sendKeys(password);
        await(By.cssSelector("button[type='submit']")).click();
        awaitVaadin();
        await(By.cssSelector(".civic-sign-out"));
    }

    void type(WebElement vaadinField, String text) {
        WebElement input = nativeInput(vaadinField);
        input.clear();
        input.sendKeys(text);
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** The page as a PNG at {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The whole page, below the fold too, as a PNG at {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    Path fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) content.get("width")).doubleValue(),
                        "height", ((Number) content.get("height")).doubleValue())));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            driverLog.close();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
