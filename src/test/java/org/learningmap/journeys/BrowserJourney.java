package org.learningmap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A person using the product in Debian's Chromium: a real browser against the real application on
 * a random port with the embedded PostgreSQL. Every page a journey visits can be scanned with axe;
 * serious and critical violations fail the journey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserJourney {

    public static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

    @LocalServerPort
    protected int port;

    protected Playwright playwright;
    protected Browser browser;
    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    void startBrowser() {
        assertThat(Path.of(CHROMIUM)).as("Chromium is installed (apt-get install chromium)").exists();
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }

    @BeforeEach
    void openContext() {
        useBrowser("en-GB", 1280, 900, false);
    }

    /** A narrow phone screen (360×740), as most of our learners and educators use. */
    protected Page phone() {
        return useBrowser("en-GB", 360, 740, true);
    }

    /** A fresh browser profile whose preferred language is the given locale. */
    protected Page useBrowser(String locale, int width, int height, boolean mobile) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height)
                .setIsMobile(mobile).setHasTouch(mobile));
        // No request leaves this machine: map tiles and anything external are answered locally.
        context.route(url -> !url.startsWith(base()), route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(204)));
        page = context.newPage();
        page.setDefaultTimeout(15_000);
        return page;
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected Page open(String path) {
        page.navigate(base() + path);
        return page;
    }

    /** Fails on any serious or critical accessibility violation of the current page. */
    protected void assertAccessible() {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<Rule> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(bad).as("axe violations on %s: %s", page.url(), bad.stream()
                        .map(rule -> rule.getId() + " " + rule.getNodes().stream().map(n -> n.getTarget().toString())
                                .limit(3).collect(Collectors.joining(",")))
                        .collect(Collectors.joining("; ")))
                .isEmpty();
    }

    /** The page fits a phone: nothing wider than the screen forces sideways scrolling. */
    protected void assertFitsNarrowScreen() {
        // Measured once the page's style sheets have loaded: before that, unstyled content can stick out.
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on %s", page.url()).isLessThanOrEqualTo(1);
    }

    protected void screenshot(String name) {
        try {
            Files.createDirectories(Path.of("target/screenshots"));
        } catch (java.io.IOException ignored) {
            // a missing screenshot never fails a journey
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")).setFullPage(true));
    }
}
