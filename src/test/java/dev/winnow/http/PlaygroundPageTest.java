package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.winnow.TestPages;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground at {@code /}, driven in the system's headless Chromium: the example of
 * LABELS.md cleaned block by block, a page full of script vectors that must stay text, and
 * the API's errors as a person reads them.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them);
 * without them every test here is skipped, with a message that says so, except in CI
 * ({@code CI=true}), where they fail (see {@link Chromium}). Selenium Manager never runs: both
 * binaries are named, so nothing is downloaded.
 */
@QuarkusTest
class PlaygroundPageTest {

    private static final Path CHROMIUM = Chromium.BINARY;
    private static final Path CHROMEDRIVER = Chromium.DRIVER;
    private static final Path SCREENSHOT = Path.of("target", "playground.png");
    private static final Path NARROW_SCREENSHOT = Path.of("target", "playground-360.png");

    private static final String ARTICLE = "examples/belarus-eu-sanctions.txt";
    private static final String EXPECTED = "examples/belarus-eu-sanctions.expected.txt";
    /** LABELS.md: the article's last eight lines are one donation appeal, everything before them editorial. */
    private static final int APPEAL_LINES = 8;

    private static ChromeDriverService service;
    private static WebDriver driver;
    private static Path profile;

    @TestHTTPResource("/")
    URL root;

    private static final boolean CHROMIUM_PRESENT = Chromium.present();

    @BeforeAll
    static void startChromium() throws IOException {
        if (!CHROMIUM_PRESENT) {
            System.out.println("[WARNING] the playground's browser test cannot run: " + Chromium.missing());
            return;
        }

        profile = Files.createTempDirectory("winnow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        // An alert must stay open so that the test can see it, not be dismissed by the driver.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openThePage() {
        Chromium.require(CHROMIUM_PRESENT, System.getenv());
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(root.toString());
        waitFor("the page's script to start", d -> "ready".equals(state()));
        drainLogs();
    }

    @Test
    void showsTheAppealOfTheExampleAsRemovedDonationAndReturnsTheArticle() throws IOException {
        driver.findElement(By.id("load-example")).click();
        // One click: loading the example cleans it, with no second click on Clean.
        waitFor("the example to be cleaned", d -> "done".equals(state()) || "error".equals(state()));
        assertEquals(fixture(ARTICLE), value(By.id("source")), "the text area holds the bundled example");
        assertTrue(text(By.id("source-info")).startsWith("belarus-eu-sanctions.txt, " + lines(fixture(ARTICLE)).size() + " lines, "),
                "a trailing newline is not a line: " + text(By.id("source-info")));

        List<String> lines = lines(fixture(ARTICLE));
        List<Map<String, Object>> blocks = blocks();
        String shown = describe(blocks);
        assertEquals(lines.size(), blocks.size(), () -> "one block per line of the example" + shown);
        int firstAppealLine = lines.size() - APPEAL_LINES;
        assertEquals("A Message from The Moscow Times:", lines.get(firstAppealLine));
        assertEquals("Remind me later.", lines.get(lines.size() - 1));
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> block = blocks.get(i);
            assertEquals(lines.get(i), block.get("text"), "block " + i + " shows its line" + shown);
            boolean appeal = i >= firstAppealLine;
            String expectedLabel = appeal ? "donation" : "editorial";
            int line = i + 1;
            assertEquals(expectedLabel, block.get("label"), () -> "line " + line + " is shown as " + expectedLabel + shown);
            assertEquals(expectedLabel, block.get("tag"), () -> "line " + line + " names its label on the block" + shown);
            assertEquals(!appeal, block.get("kept"), () -> "line " + line + (appeal ? " is removed" : " is kept") + shown);
            assertEquals(appeal ? "line-through" : "none", block.get("decoration"),
                    () -> "line " + line + (appeal ? " is struck through" : " is not struck through") + shown);
            assertEquals(appeal, block.get("dimmed"), () -> "line " + line + (appeal ? " is dimmed" : " is not dimmed"));
        }

        assertEquals(stripTrailingNewlines(fixture(EXPECTED)), stripTrailingNewlines(text(By.id("output-text"))),
                () -> "the cleaned output differs from " + EXPECTED + shown);
        assertEquals(String.valueOf(firstAppealLine), text(By.cssSelector("[data-count=editorial]")),
                "the legend counts the editorial blocks" + shown);
        assertEquals(String.valueOf(APPEAL_LINES), text(By.cssSelector("[data-count=donation]")),
                "the legend counts the donation blocks" + shown);
        assertFalse(driver.findElement(By.id("paywalled-note")).isDisplayed(), "the example is not gated");

        String curl = text(By.id("curl"));
        assertTrue(curl.contains("'" + root + "v1/clean?drop=boilerplate,promo,paywall,donation&format=text&blocks=true'"), curl);
        assertTrue(curl.contains("-H 'Content-Type: text/plain; charset=utf-8'"), curl);
        assertTrue(curl.contains("--data-binary @belarus-eu-sanctions.txt"), curl);

        // The score appears when a block has the keyboard focus.
        WebElement last = driver.findElement(By.cssSelector("#blocks > li:last-child"));
        assertEquals("0", last.findElement(By.className("score")).getCssValue("opacity"));
        script("arguments[0].focus()", last);
        assertEquals("1", last.findElement(By.className("score")).getCssValue("opacity"), "the score shows on focus");
        assertTrue(text(last.findElement(By.className("score"))).matches("score [01]\\.\\d\\d"));

        // The legend hides and shows the blocks of a label.
        WebElement donations = driver.findElement(By.cssSelector("#legend input[value=donation]"));
        donations.click();
        assertFalse(last.isDisplayed(), "unticking donation hides the donation blocks");
        assertTrue(driver.findElement(By.cssSelector("#blocks > li:first-child")).isDisplayed());
        donations.click();
        assertTrue(last.isDisplayed(), "ticking donation shows them again");

        script("document.querySelector('#blocks > li[data-label=donation]').scrollIntoView({block: 'center'})");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        assertNoPolicyViolations();
        assertOnlySameOriginRequests();
    }

    @Test
    void runsNoScriptFromThePastedPage() throws InterruptedException {
        String page = String.join("\n",
                "<html><head><title>vectors</title></head><body>",
                "<script>window.__pwned = 'script'; document.body.appendChild(document.createElement('i')).id = 'pwned';</script>",
                "<h1>How to write &lt;img src=x onerror=alert(1)&gt; safely</h1>",
                "<p>An inline image <img src=\"x\" onerror=\"window.__pwned='img'; alert('img')\"> in a paragraph.</p>",
                "<p>As text: &lt;img src=x onerror=\"window.__pwned='text'; "
                        + "document.body.appendChild(document.createElement('b')).id='pwned'\"&gt;</p>",
                "<p>As text: &lt;script&gt;window.__pwned='escaped'; alert('escaped')&lt;/script&gt;</p>",
                "<p><a href=\"javascript:window.__pwned='link'\" onclick=\"window.__pwned='click'\">A link</a> "
                        + "and <svg onload=\"window.__pwned='svg'\"></svg> an svg.</p>",
                "<iframe srcdoc=\"<script>parent.__pwned='frame'</script>\"></iframe>",
                "<p>The last paragraph of the article, long enough to read as editorial text on its own.</p>",
                "</body></html>");
        paste(page);
        // Keep every block, whatever the model makes of this odd page, so that all of it is shown.
        for (WebElement drop : driver.findElements(By.cssSelector("input[name=drop]:checked"))) {
            drop.click();
        }
        driver.findElement(By.cssSelector("input[name=kind][value=html]")).click();
        driver.findElement(By.cssSelector("input[name=format][value=html]")).click();
        clean();
        assertNothingRan("HTML in, HTML out");

        List<Map<String, Object>> blocks = blocks();
        assertTrue(blocks.stream().anyMatch(b -> String.valueOf(b.get("text")).contains("<img src=x onerror=")),
                () -> "the escaped vector is shown as text" + describe(blocks));

        // The rendered output: the sandboxed frame shows the page's text and nothing in it ran.
        WebElement frame = driver.findElement(By.id("output-html"));
        assertTrue(frame.isDisplayed(), "the HTML output is rendered in the frame");
        assertEquals("", frame.getDomAttribute("sandbox"), "the frame is sandboxed with no permission");
        driver.switchTo().frame(frame);
        try {
            waitFor("the frame to render", d -> d.findElement(By.tagName("body")).getText().contains("last paragraph"));
            assertTrue(driver.findElements(By.tagName("script")).isEmpty(), "the cleaned HTML holds no script");
            assertTrue(driver.findElements(By.cssSelector("[onerror], [onload], [onclick]")).isEmpty(),
                    "the cleaned HTML holds no event handler");
            assertTrue(driver.findElements(By.id("pwned")).isEmpty(), "a vector added an element to the frame");
        } finally {
            driver.switchTo().defaultContent();
        }

        // The same page read as plain text: every line, markup and all, is a block of text.
        driver.findElement(By.cssSelector("input[name=kind][value=text]")).click();
        waitFor("the text run", d -> "done".equals(state()) || "error".equals(state()));
        driver.findElement(By.cssSelector("input[name=format][value=markdown]")).click();
        waitFor("the markdown run", d -> "done".equals(state()) || "error".equals(state()));
        clean();
        assertNothingRan("text in, Markdown out");
        List<Map<String, Object>> lines = blocks();
        assertTrue(lines.stream().anyMatch(b -> String.valueOf(b.get("text")).startsWith("<script>window.__pwned")),
                () -> "the script line is shown as text" + describe(lines));
    }

    /** A STAT+ article whose text stops at a subscriber gate (WCXB 0221): the answer's paywalled shown in words. */
    @Test
    void saysWhenThePageLooksGated() throws IOException {
        paste(TestPages.gunzip(Path.of("src/test/resources/pages/wcxb/0221.html.gz")));
        driver.findElement(By.cssSelector("input[name=kind][value=html]")).click();
        clean();
        assertEquals("done", state(), () -> "the page shows an error: " + text(By.id("error")));
        WebElement note = driver.findElement(By.id("paywalled-note"));
        assertTrue(note.isDisplayed(), "the gated page's note is shown");
        assertTrue(text(note).contains("the text may be incomplete"), text(note));
        assertFalse(text(By.id("output-text")).contains("exclusive to STAT+ subscribers"), "the gate is removed");

        paste(fixture(ARTICLE));
        clean();
        assertEquals("done", state(), () -> "the page shows an error: " + text(By.id("error")));
        assertFalse(driver.findElement(By.id("paywalled-note")).isDisplayed(), "a later answer that is not gated hides the note");
    }

    @Test
    void explainsAnEmptyDocumentInWords() {
        paste("   \n  ");
        clean();
        assertShowsTheProblem(400);
        assertFalse(driver.findElement(By.id("result")).isDisplayed(), "no stale result beside the error");
    }

    @Test
    void explainsADocumentOverTheSizeLimitInWords() {
        // 11.5 MB, over the 10 MiB of winnow.max-body-bytes: set as a paste would, without typing it.
        script("const s = document.getElementById('source');"
                + "s.value = 'A line of text that is repeated many times.\\n'.repeat(262144);"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));");
        clean();
        assertShowsTheProblem(413);
    }

    @Test
    void fitsAPhoneScreen() throws IOException {
        driver.manage().window().setSize(new Dimension(360, 800));
        driver.findElement(By.id("load-example")).click();
        waitFor("the example to be cleaned", d -> "done".equals(state()) || "error".equals(state()));
        long width = ((Number) script("return window.innerWidth")).longValue();
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth")).longValue();
        assertTrue(scrollWidth <= width, "the page scrolls sideways at " + width + " px: " + scrollWidth + " px wide");
        script("document.getElementById('result-heading').scrollIntoView()");
        Files.createDirectories(NARROW_SCREENSHOT.getParent());
        Files.write(NARROW_SCREENSHOT, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void noCommaAfterALabelChipStartsALine() {
        // The introduction at every width from a small phone's to a desktop column's: a comma
        // after a chip must end the chip's line, never start the next one.
        @SuppressWarnings("unchecked")
        List<String> broken = (List<String>) script(
                "const intro = document.querySelector('.page-header p');"
                        + "const broken = [];"
                        + "for (let width = 240; width <= 800; width++) {"
                        + " intro.style.width = width + 'px';"
                        + " intro.querySelectorAll('.chip').forEach(chip => {"
                        + "  const walker = document.createTreeWalker(intro, NodeFilter.SHOW_TEXT);"
                        + "  walker.currentNode = chip.lastChild;"
                        + "  const next = walker.nextNode();"
                        + "  if (!next || !next.textContent.startsWith(',')) { return; }"
                        + "  const range = document.createRange();"
                        + "  range.setStart(next, 0); range.setEnd(next, 1);"
                        + "  const comma = range.getBoundingClientRect(), box = chip.getBoundingClientRect();"
                        + "  if (comma.top >= box.bottom - 2) { broken.push(width + ' px after ' + chip.textContent); }"
                        + " });"
                        + "}"
                        + "intro.style.width = '';"
                        + "return broken;");
        assertTrue(broken.isEmpty(), "a comma starts a line at " + broken);
    }

    // ------------------------------------------------------------------ helpers

    private void clean() {
        driver.findElement(By.id("clean")).click();
        waitFor("the answer of POST /v1/clean", d -> "done".equals(state()) || "error".equals(state()));
    }

    /** Puts the text in the text area the way a paste does: one input event, the text as it is. */
    private void paste(String text) {
        script("const s = document.getElementById('source'); s.focus(); s.value = arguments[0];"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));", text);
    }

    private void assertNothingRan(String run) throws InterruptedException {
        assertEquals("done", state(), () -> run + ": the page shows an error: " + text(By.id("error")));
        Thread.sleep(1000); // an image's onerror fires after its failed load
        try {
            String alert = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            fail(run + ": an alert opened: " + alert);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertNull(script("return window.__pwned === undefined ? null : String(window.__pwned)"),
                run + ": a vector ran in the page");
        assertTrue(driver.findElements(By.id("pwned")).isEmpty(), run + ": a vector added an element to the page");
        assertTrue(driver.findElements(By.cssSelector("#blocks img, #blocks script, #blocks svg, #output-text *")).isEmpty(),
                run + ": markup from the document became elements of the page");
    }

    /**
     * The page shows, as words, the title and detail of the problem that the API answers to the
     * text in the text area. The API is asked from the page, as the page asks it: a browser stops
     * sending a body that the server has refused, where an HTTP client in the test would send all of it.
     */
    @SuppressWarnings("unchecked")
    private static void assertShowsTheProblem(int status) {
        Map<String, Object> problem = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('v1/clean?drop=boilerplate,promo,paywall,donation&format=text&blocks=true', {method: 'POST',"
                        + " headers: {'Content-Type': 'text/plain; charset=utf-8', 'Accept': 'application/json'},"
                        + " body: document.getElementById('source').value})"
                        + ".then(r => r.json().then(p => done({status: r.status, type: r.headers.get('Content-Type'),"
                        + "  title: p.title, detail: p.detail})))"
                        + ".catch(e => done({error: String(e)}));");
        assertEquals((long) status, ((Number) problem.get("status")).longValue(), () -> "the API answers " + problem);
        assertTrue(String.valueOf(problem.get("type")).startsWith("application/problem+json"), () -> "a problem: " + problem);
        WebElement error = driver.findElement(By.id("error"));
        assertTrue(error.isDisplayed(), "the error is shown");
        assertEquals("error", state());
        assertEquals(problem.get("title") + " (" + status + ")", text(By.id("error-title")));
        String detail = String.valueOf(problem.get("detail")).replaceAll("[.\\s]+$", "");
        assertEquals(Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + ".", text(By.id("error-detail")));
        String shown = error.getText();
        assertFalse(shown.contains("\"title\"") || shown.contains("\"status\"") || shown.contains("urn:winnow"),
                "the error is shown as words, not JSON: " + shown);
        assertFalse(text(By.id("error-hint")).isBlank(), "the error says what to do");
    }

    private static void assertNoPolicyViolations() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertTrue(violations.isEmpty(), "the page breaks its own policy: " + violations);
    }

    /** Every request the browser made went to the page's own origin. */
    private void assertOnlySameOriginRequests() {
        String origin = root.getProtocol() + "://" + root.getAuthority() + "/";
        List<String> elsewhere = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            String message = entry.getMessage();
            if (!message.contains("\"Network.requestWillBeSent\"")) {
                continue;
            }
            int at = message.indexOf("\"url\":\"");
            while (at >= 0) {
                int end = message.indexOf('"', at + 7);
                String url = message.substring(at + 7, end);
                if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")
                        && !url.startsWith("about:")) {
                    elsewhere.add(url);
                }
                at = message.indexOf("\"url\":\"", end);
            }
        }
        assertTrue(elsewhere.isEmpty(), "the page requested other origins: " + elsewhere);
    }

    private static void drainLogs() {
        driver.manage().logs().get(LogType.BROWSER);
        driver.manage().logs().get(LogType.PERFORMANCE);
    }

    /** Every block as the page shows it: label, the label's name on the block, kept, text, style. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> blocks() {
        return (List<Map<String, Object>>) script(
                "return Array.from(document.querySelectorAll('#blocks > li')).map(li => {"
                        + " const text = li.querySelector('.text');"
                        + " return {label: li.dataset.label, tag: li.querySelector('.tag').textContent,"
                        + "  kept: li.dataset.kept === 'true', text: text.textContent, score: li.dataset.score,"
                        + "  decoration: getComputedStyle(text).textDecorationLine,"
                        + "  dimmed: li.classList.contains('removed') && getComputedStyle(text).color !== getComputedStyle(document.body).color};"
                        + "});");
    }

    private static String describe(List<Map<String, Object>> blocks) {
        return blocks.stream()
                .map(b -> String.format("%-11s %s %s | %s", b.get("label"), b.get("score"),
                        Boolean.TRUE.equals(b.get("kept")) ? "kept   " : "removed", b.get("text")))
                .collect(Collectors.joining("\n", "\nblocks as the page shows them (" + text(By.id("model-id")) + "):\n", ""));
    }

    private static Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    private static String state() {
        return driver.findElement(By.tagName("body")).getDomAttribute("data-state");
    }

    private static String value(By by) {
        return driver.findElement(by).getDomProperty("value");
    }

    /** The element's text exactly as in the DOM, not as WebDriver trims and folds it. */
    private static String text(By by) {
        return text(driver.findElement(by));
    }

    private static String text(WebElement element) {
        return (String) script("return arguments[0].textContent", element);
    }

    private static void waitFor(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("timed out waiting for " + what + "; the page says: " + driver.findElement(By.tagName("main")).getText());
        }
    }

    private static List<String> lines(String text) {
        return List.of(stripTrailingNewlines(text).split("\n", -1));
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    private static String fixture(String path) {
        try (InputStream in = PlaygroundPageTest.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("test fixture " + path + " is missing from src/test/resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
