package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the console's journeys, one per test class: started through Debian's
 * {@code /usr/bin/chromedriver} (or {@code -Dkirana.chromedriver}, {@code -Dkirana.chromium}), skipped with
 * a JUnit assumption when either is missing, so a laptop without them still passes (each test counted as skipped).
 *
 * <p>Each {@link #shot step} saves a PNG to {@code target/console-screenshots/<journey>-<nn>-<step>.png}
 * and reads the browser's console log: a {@code SEVERE} entry (an uncaught error, {@code console.error},
 * a failed request) fails the journey unless the journey {@link #tolerate said it expects it}. Waits are
 * WebDriverWaits on what the page shows, never sleeps.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("kirana.browser.wait-seconds", 30));
    private static final Path TARGET = Path.of(System.getProperty("kirana.root", "..")).toAbsolutePath().normalize()
            .resolve("system-tests/target");
    static final Path SCREENSHOTS = TARGET.resolve("console-screenshots");

    private final ChromeDriver driver;
    private final String journey;
    private final WebDriverWait wait;
    private final List<String> consoleLog = new ArrayList<>();
    private final List<Pattern> tolerated = new ArrayList<>();
    private boolean offline;
    private int step;

    private Browser(ChromeDriver driver, String journey) {
        this.driver = driver;
        this.journey = journey;
        this.wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("kirana.chromedriver", "/usr/bin/chromedriver"));
    }

    /** Why there can be no browser here, or null when ChromeDriver and Chromium are both installed. */
    static String missing() {
        if (!Files.isExecutable(chromedriver())) {
            return "no ChromeDriver at " + chromedriver() + ": the console's browser journeys are skipped"
                    + " (apt-get install chromium chromium-driver, or -Dkirana.chromedriver=…)";
        }
        if (chromium() == null) {
            return "no Chromium at /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome or -Dkirana.chromium:"
                    + " the console's browser journeys are skipped";
        }
        return null;
    }

    /**
     * For each test's {@code @BeforeEach}: skips the test when there is no browser here. (An assumption in
     * {@code @BeforeAll} would skip the class without failsafe counting its tests.)
     */
    static void assumeAvailable() {
        String missing = missing();
        Assumptions.assumeTrue(missing == null, missing);
    }

    /**
     * Starts the browser for one journey (a test class), or returns null when there is no Chromium here;
     * the class's {@code @BeforeEach} then calls {@link #assumeAvailable}.
     */
    static Browser start(String journey) {
        if (missing() != null) {
            System.out.println("[" + journey + "] " + missing());
            return null;
        }
        Path chromedriver = chromedriver();
        Path chromium = chromium();
        Path profile;
        try {
            Files.createDirectories(TARGET);
            profile = Files.createTempDirectory(TARGET, "chromium-profile-" + journey + "-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        // without the background-networking flags Chromium keeps calling home, which floods a closed network
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-IN", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withLogFile(TARGET.resolve("chromedriver-" + journey + ".log").toFile()).build();
        return new Browser(new ChromeDriver(service, options), journey);
    }

    private static Path chromium() {
        String configured = System.getProperty("kirana.chromium");
        List<String> candidates = configured != null ? List.of(configured)
                : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    // --- waiting -------------------------------------------------------------------------------------------

    /** The element once it is visible. */
    WebElement waitFor(By by) {
        return wait.withMessage(() -> "visible " + by + " on " + driver.getCurrentUrl()).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The element once it is visible and enabled. */
    WebElement waitClickable(By by) {
        return wait.withMessage(() -> "clickable " + by + " on " + driver.getCurrentUrl()).until(ExpectedConditions.elementToBeClickable(by));
    }

    /** Waits until the element's text contains {@code text}; returns the element's whole text. */
    String waitForText(By by, String text) {
        wait.withMessage(() -> "text '" + text + "' in " + by + " on " + driver.getCurrentUrl() + " (it shows: '" + textOf(by) + "')")
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return textOf(by);
    }

    /** Waits until the page's body shows {@code text}. */
    String waitForText(String text) {
        return waitForText(By.tagName("body"), text);
    }

    /** Waits for any condition of the page. */
    <T> T waitUntil(String what, java.util.function.Function<ChromeDriver, T> condition) {
        return wait.withMessage(() -> what + " on " + driver.getCurrentUrl()).until(d -> condition.apply(driver));
    }

    /** Polls {@code condition} every {@code poll} up to {@code timeout}: for figures that other services fill in later. */
    <T> T waitUntil(String what, Duration timeout, Duration poll, java.util.function.Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, timeout, poll).withMessage(() -> what + " on " + driver.getCurrentUrl())
                .until(d -> condition.apply(driver));
    }

    /** Chooses the option with this value in a select. */
    void select(By by, String value) {
        new org.openqa.selenium.support.ui.Select(waitClickable(by)).selectByValue(value);
    }

    /** The element's text, or null when it is not there. */
    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0).getText();
    }

    void waitGone(By by) {
        wait.withMessage(() -> "gone " + by + " on " + driver.getCurrentUrl()).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    private String textOf(By by) {
        try {
            return driver.findElement(by).getText();
        } catch (RuntimeException e) {
            return "<" + e.getClass().getSimpleName() + ">";
        }
    }

    /** Clears a field and types into it. */
    WebElement type(By by, CharSequence text) {
        WebElement field = waitClickable(by);
        field.clear();
        field.sendKeys(text);
        return field;
    }

    /**
     * Replaces a field's text the way a person does (select all, type) and leaves it with Tab, so its change
     * event fires once with the new value. For fields a page redraws on change, where clear() would fire a
     * change of its own and the typing would go to the field it replaced.
     */
    void replace(By by, CharSequence text) {
        waitClickable(by).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text,
                org.openqa.selenium.Keys.TAB);
    }

    void click(By by) {
        waitClickable(by).click();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    // --- steps: a screenshot and the console log ------------------------------------------------------------

    /** Saves a screenshot of this step and fails on any new SEVERE console entry the journey did not expect. */
    Path shot(String name) {
        step++;
        String file = String.format(Locale.ROOT, "%s-%02d-%s.png", journey, step, name.replaceAll("[^A-Za-z0-9._-]+", "-"));
        Path png = SCREENSHOTS.resolve(file);
        try {
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertNoConsoleErrors(name);
        return png;
    }

    /** On a failed step: a screenshot and the page's HTML beside it, for reading what the page showed. */
    void evidence(String name) {
        try {
            Path png = SCREENSHOTS.resolve(journey + "-FAILED-" + name + ".png");
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(journey + "-FAILED-" + name + ".html"),
                    driver.getCurrentUrl() + "\n" + js("return document.documentElement.outerHTML"));
            drainLog();
            unreported.clear(); // reported with this failure; the next step starts clean
            System.out.println("[" + journey + "] failed step " + name + ": " + png);
        } catch (IOException | RuntimeException e) {
            System.out.println("[" + journey + "] no evidence of " + name + ": " + e);
        }
    }

    /** A JUnit extension saving {@link #evidence} of each failed test of a class whose browser {@code supplier} gives. */
    static org.junit.jupiter.api.extension.TestWatcher evidenceOnFailure(java.util.function.Supplier<Browser> supplier) {
        return new org.junit.jupiter.api.extension.TestWatcher() {
            @Override
            public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                Browser b = supplier.get();
                if (b != null) {
                    b.evidence(context.getRequiredTestMethod().getName());
                }
            }
        };
    }

    /** Console entries matching {@code regex} (say, the 401 of a signed-out session check) do not fail the journey. */
    Browser tolerate(String regex) {
        tolerated.add(Pattern.compile(regex));
        return this;
    }

    /** Everything the console printed so far, one line per entry. */
    List<String> consoleLog() {
        drainLog();
        return List.copyOf(consoleLog);
    }

    private final List<String> unreported = new ArrayList<>();

    private void drainLog() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            String line = e.getLevel() + " " + e.getMessage();
            consoleLog.add(line);
            System.out.println("[" + journey + " console] " + line);
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !expected(e.getMessage())) {
                unreported.add(line);
            }
        }
    }

    private boolean expected(String message) {
        // a request the page makes while the network is down fails by design
        if (offline && message.contains("net::ERR_INTERNET_DISCONNECTED")) {
            return true;
        }
        return tolerated.stream().anyMatch(p -> p.matcher(message).find());
    }

    void assertNoConsoleErrors(String when) {
        drainLog();
        List<String> errors = List.copyOf(unreported);
        unreported.clear();
        assertThat(errors).as("SEVERE browser console entries (JS errors, failed requests) at step '%s' of %s", when, journey).isEmpty();
    }

    // --- the network ----------------------------------------------------------------------------------------

    /** Takes the page's network away (requests fail with ERR_INTERNET_DISCONNECTED, navigator.onLine is false). */
    void goOffline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        conditions.setLatency(Duration.ZERO);
        conditions.setDownloadThroughput(0);
        conditions.setUploadThroughput(0);
        driver.setNetworkConditions(conditions);
        offline = true;
        waitUntil("navigator.onLine to be false", d -> Boolean.FALSE.equals(js("return navigator.onLine")));
    }

    /** Gives the network back. */
    void goOnline() {
        driver.deleteNetworkConditions();
        waitUntil("navigator.onLine to be true", d -> Boolean.TRUE.equals(js("return navigator.onLine")));
        drainLog(); // the failures of the offline spell belong to it
        offline = false;
    }

    // --- measurement ----------------------------------------------------------------------------------------

    /** What one page cost to show: timings from its navigation and paint entries, bytes from resource timing. */
    record PageWeight(String page, String url, double responseStartMs, double domContentLoadedMs, double loadMs,
                      Double firstContentfulPaintMs, long documentTransferBytes, long transferBytes, long encodedBodyBytes,
                      long decodedBodyBytes, int requests, Map<String, Object> byType) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "page %-10s FCP %s, DOMContentLoaded %.0f ms, load %.0f ms, TTFB %.0f ms; "
                            + "%d requests, %.1f kB transferred (%.1f kB encoded, %.1f kB decoded), by type %s — %s", page,
                    firstContentfulPaintMs == null ? "n/a" : String.format(Locale.ROOT, "%.0f ms", firstContentfulPaintMs),
                    domContentLoadedMs, loadMs, responseStartMs, requests, transferBytes / 1024.0, encodedBodyBytes / 1024.0,
                    decodedBodyBytes / 1024.0, byType, url);
        }
    }

    private static final String MEASURE = """
            const nav = performance.getEntriesByType('navigation')[0] || {};
            const fcp = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
            const all = [nav].concat(performance.getEntriesByType('resource'));
            const byType = {};
            let transfer = 0, encoded = 0, decoded = 0;
            for (const e of all) {
              const t = e.initiatorType || 'document';
              byType[t] = (byType[t] || 0) + (e.transferSize || 0);
              transfer += e.transferSize || 0; encoded += e.encodedBodySize || 0; decoded += e.decodedBodySize || 0;
            }
            return {url: location.href, responseStart: nav.responseStart || 0, dcl: nav.domContentLoadedEventEnd || 0,
                    load: nav.loadEventEnd || 0, fcp: fcp ? fcp.startTime : null, doc: nav.transferSize || 0,
                    transfer, encoded, decoded, requests: all.length, byType};
            """;

    /**
     * Loads {@code url} cold (the HTTP cache cleared), waits for {@code ready} and the load event, and reads what
     * it cost: the page weight is everything fetched for it (document, modules, styles, API calls) by
     * {@code transferSize}, and the time to first render is {@code first-contentful-paint}. Prints and returns it.
     */
    PageWeight measureCold(String page, String url, By ready) {
        driver.get("about:blank");
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        // the console's service worker and its cache would serve the files without the network: a first visit has neither
        String origin = java.net.URI.create(url).resolve("/").toString().replaceAll("/$", "");
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "service_workers,cache_storage"));
        driver.get(url);
        waitFor(ready);
        return measure(page);
    }

    /** Reads the current page's cost (see {@link #measureCold}); waits for its load event first. */
    @SuppressWarnings("unchecked")
    PageWeight measure(String page) {
        waitUntil("the load event and the first contentful paint", d -> Boolean.TRUE.equals(js(
                "const n = performance.getEntriesByType('navigation')[0]; return !!n && n.loadEventEnd > 0"
                        + " && performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')")));
        Map<String, Object> m = (Map<String, Object>) js(MEASURE);
        PageWeight w = new PageWeight(page, (String) m.get("url"), num(m.get("responseStart")), num(m.get("dcl")),
                num(m.get("load")), m.get("fcp") == null ? null : num(m.get("fcp")), (long) num(m.get("doc")),
                (long) num(m.get("transfer")), (long) num(m.get("encoded")), (long) num(m.get("decoded")),
                (int) num(m.get("requests")), (Map<String, Object>) m.get("byType"));
        System.out.println("[page weight] " + w);
        return w;
    }

    private static double num(Object o) {
        return o == null ? 0 : ((Number) o).doubleValue();
    }

    @Override
    public void close() {
        try {
            drainLog();
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
        driver.quit();
    }
}
