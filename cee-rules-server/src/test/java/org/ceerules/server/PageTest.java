package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.ceerules.api.Routers;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages of the decision service in a real browser: Debian's chromium, headless, driven by
 * chromedriver through WebDriver, against a server of the embedded rule set on a free port. One
 * browser for every scenario: a routed entry, the rules that fired, a rejected one, the request
 * edited as JSON, keyboard only, a phone's width, a Center's page.
 *
 * <p>Skipped where {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is absent. Nothing is
 * downloaded: both paths are given, so Selenium Manager is never asked for a driver or a browser.
 * Screenshots are kept under {@code target/screenshots/}; with {@code -Dcee.docs.regenerate=true}
 * the routed page is also copied to {@code docs/images/service-page.png}, the README's picture.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A shared machine can be slow: long waits, never a timing assertion. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 1000;

    private static DecisionServer server;
    private static Http http;
    private static Path profile;
    private static ChromeDriver driver;
    private static Path screenshots;
    private static String sample;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        // Selenium Manager is never run (the driver and the browser are given); offline if it were
        System.setProperty("SE_OFFLINE", "true");
        sample = Files.readString(samples().resolve("participant-consumption.json"), StandardCharsets.UTF_8);
        screenshots = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots");
        Files.createDirectories(screenshots);

        server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0),
                router -> Map.of("index.html", "<!doctype html><html lang=\"en\"><title>Rule set</title><h1>Rule set "
                        + router.rulesVersion() + "</h1></html>"));
        http = new Http(server.uri());
        profile = Files.createTempDirectory("cee-rules-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            profile = null;
        }
    }

    @BeforeEach
    void laptop() {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        // the console from here on only
        driver.manage().logs().get(LogType.BROWSER);
    }

    private static Path samples() {
        String dir = System.getProperty("cee.samples.dir");
        Path folder = dir == null || dir.isBlank() ? Path.of("..", "cee-rules-examples", "samples") : Path.of(dir);
        return folder;
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void routesTheSampleEntry() throws IOException {
        open("");
        fillSampleByHand();
        click(By.id("submit"));
        WebElement results = waitForDecision();

        // every trade function, with its office
        assertThat(results.findElements(By.cssSelector("li.route"))).hasSize(20);
        WebElement review = route("ENTRY_SUMMARY_REVIEW");
        WebElement center = review.findElement(By.cssSelector(".office-center a"));
        assertThat(center.getText()).contains("007").contains("Electronics");
        assertThat(center.getAttribute("href")).isEqualTo(server.uri().resolve("/centers/007").toString());
        assertThat(route("CARGO_RELEASE").findElement(By.cssSelector(".office-port")).getText())
                .isEqualTo("Port of entry 2704");
        assertThat(route("FURTHER_REVIEW").getText()).contains("Regulations and Rulings");
        WebElement drawback = route("DRAWBACK");
        assertThat(drawback.getText()).contains("A drawback office of the filer\u2019s choice");
        assertThat(drawback.findElements(By.cssSelector(".alternatives li"))).extracting(WebElement::getText)
                .containsExactly("Drawback office New York", "Drawback office Chicago",
                        "Drawback office San Francisco", "Drawback office Houston");
        assertThat(route("PRIOR_DISCLOSURE").findElement(By.cssSelector(".alternatives")).getText())
                .contains("Center 007");

        // the rule and the certainty, in words: an inferred route says so in text, not only in colour
        assertThat(review.getText()).contains("the Center reviews the entry summary").contains("Confirmed");
        WebElement inferred = route("POST_IMPORTATION_CLAIM");
        assertThat(inferred.getAttribute("class")).contains("route-inferred");
        assertThat(inferred.findElement(By.cssSelector(".certainty")).getText()).contains("Inferred");
        assertThat(inferred.findElement(By.cssSelector(".inferred-note")).getText()).startsWith("Inferred:");

        // citations: links to the sources' https addresses, as /v1/sources lists them
        List<String> urls = new ArrayList<>();
        for (Map<String, Object> source : http.get("v1/sources").lines()) {
            urls.add((String) source.get("url"));
        }
        List<WebElement> citations = results.findElements(By.cssSelector("ul.citations a"));
        assertThat(citations).isNotEmpty();
        for (WebElement citation : citations) {
            assertThat(citation.getAttribute("href")).startsWith("https://");
            assertThat(urls).contains(citation.getAttribute("href"));
            assertThat(citation.getAttribute("rel")).contains("noopener");
        }
        assertThat(review.findElements(By.cssSelector("ul.citations li")).get(0).getText())
                .startsWith("CBP Trade Process Document").contains("Entry Summary Processes");

        // the e-mail subject line of each submission, and its copy button
        WebElement information = route("REQUEST_FOR_INFORMATION");
        assertThat(information.findElement(By.cssSelector("code.subject")).getText())
                .isEqualTo("F28,NokiaInc,345-67890123,2704");
        assertThat(information.findElement(By.cssSelector(".to a")).getAttribute("href"))
                .startsWith("mailto:CEE-Electronics@cbp.dhs.gov?subject=F28%2CNokiaInc");
        assertThat(results.findElements(By.cssSelector("code.subject"))).hasSize(10);
        assertThat(driver.findElement(By.id("status")).getAttribute("textContent")).startsWith("Routed entry 345-6789012-3 as of 2016-05-02");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("results-heading");
        WebElement copy = information.findElement(By.cssSelector("button.copy"));
        assertThat(copy.getAttribute("aria-label")).isEqualTo("Copy the subject line of Request for information (CBP Form 28)");
        click(copy);
        wait(ExpectedConditions.attributeContains(By.id("copy-status"), "textContent", "F28,NokiaInc,345-67890123,2704"));
        assertThat(driver.findElement(By.id("copy-status")).getAttribute("textContent"))
                .startsWith("Copied the subject line of Request for information");
        noHorizontalScroll();
        noBrowserErrors();

        click(By.cssSelector("#fired-rules summary"));
        fullPageScreenshot("page-routed-full.png");
        click(By.cssSelector("#fired-rules summary"));
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        Path routed = screenshot("page-routed.png");
        if (Boolean.getBoolean("cee.docs.regenerate")) {
            Path docs = Path.of(System.getProperty("basedir", ".")).resolve("../docs/images/service-page.png");
            Files.createDirectories(docs.getParent());
            Files.copy(routed, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(2)
    void explainsWithTheRulesThatFiredInOrder() {
        open("");
        click(By.id("load-sample"));
        click(By.id("submit"));
        waitForDecision();
        WebElement fired = driver.findElement(By.id("fired-rules"));
        assertThat(fired.getAttribute("open")).isNull();
        assertThat(fired.findElement(By.cssSelector("ol")).isDisplayed()).isFalse();
        click(fired.findElement(By.tagName("summary")));
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#fired-rules ol")));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> expected = (List<Map<String, Object>>) http.post("v1/explain", "application/json",
                sample).json().get("firedRules");
        List<WebElement> shown = fired.findElements(By.cssSelector("li.fired-rule"));
        assertThat(shown).hasSameSizeAs(expected).hasSizeGreaterThan(3);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(shown.get(i).findElement(By.cssSelector(".fired-rule-name")).getText())
                    .as("fired rule %d", i + 1).isEqualTo(expected.get(i).get("rule"));
        }
        assertThat(fired.findElement(By.tagName("summary")).getText())
                .isEqualTo("Rules that fired, in order (" + expected.size() + ")");
    }

    @Test
    @Order(3)
    void showsEachErrorNextToItsField() throws IOException {
        open("");
        click(By.id("load-sample"));
        type(By.id("f-entrySummary-lines-0-hts"), "8517");
        type(By.id("f-entrySummary-portOfEntry"), "27A4");
        click(By.id("submit"));
        WebElement summary = wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("results")).isDisplayed()).isFalse();
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("The request was not routed: 2 problems");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");

        WebElement error = driver.findElement(By.id("f-entrySummary-lines-0-hts-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(error.getText()).contains("must be 10 digits").contains("\"8517\"");
        WebElement hts = driver.findElement(By.id("f-entrySummary-lines-0-hts"));
        assertThat(hts.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(hts.getAttribute("aria-describedby")).contains("f-entrySummary-lines-0-hts-error");
        assertThat(driver.findElement(By.id("f-entrySummary-portOfEntry-error")).getText()).contains("must be 4 digits");
        assertThat(driver.findElement(By.id("f-account-name-error")).isDisplayed()).isFalse();

        List<WebElement> links = summary.findElements(By.cssSelector("li a"));
        assertThat(links).extracting(link -> link.getAttribute("hash"))
                .containsExactly("#f-entrySummary-portOfEntry", "#f-entrySummary-lines-0-hts");
        assertThat(links.get(1).getText()).startsWith("Line 1, HTS number: must be 10 digits");
        click(links.get(1));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-entrySummary-lines-0-hts");
        noHorizontalScroll();
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("page-rejected.png");

        // corrected, it routes, and the errors are gone; broken again, the decision goes
        type(By.id("f-entrySummary-lines-0-hts"), "8517.62.0090");
        type(By.id("f-entrySummary-portOfEntry"), "2704");
        click(By.id("submit"));
        waitForDecision();
        assertThat(driver.findElement(By.id("error-summary")).isDisplayed()).isFalse();
        assertThat(driver.findElements(By.cssSelector("[aria-invalid]"))).isEmpty();
        type(By.id("f-entrySummary-entryType"), "99");
        click(By.id("submit"));
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(driver.findElement(By.id("results")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("f-entrySummary-entryType-error")).getText())
                .contains("is not an entry type of CBP Form 7501");
    }

    @Test
    @Order(4)
    void editsTheRequestAsJsonAndAddsAndRemovesLines() {
        open("");
        click(By.id("load-sample"));
        click(By.id("add-line"));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-entrySummary-lines-1-hts");
        type(By.id("f-entrySummary-lines-1-hts"), "7208.51.0030");
        type(By.id("f-entrySummary-lines-1-enteredValue"), "4200");
        click(By.id("toggle-json"));
        WebElement json = wait(ExpectedConditions.visibilityOfElementLocated(By.id("f-json")));
        assertThat(driver.findElement(By.id("form-fields")).isDisplayed()).isFalse();
        Map<String, Object> request = JsonTree.object(json.getAttribute("value"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) request.get("entrySummary"))
                .get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo(Map.of("hts", "7208.51.0030", "enteredValue", "4200"));
        assertThat(request).isEqualTo(withSecondLine(JsonTree.object(sample)));

        // a request pasted as JSON, with an unknown field: its error is shown at the text
        String pasted = sample.replace("\"entryType\"", "\"entryKind\": \"01\", \"entryType\"");
        json.clear();
        json.sendKeys(pasted);
        click(By.id("submit"));
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        WebElement error = driver.findElement(By.id("f-json-error"));
        assertThat(error.getText()).contains("entrySummary.entryKind: unknown field");
        assertThat(json.getAttribute("aria-invalid")).isEqualTo("true");

        json.clear();
        json.sendKeys(sample);
        click(By.id("toggle-json"));
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("f-asOf")));
        assertThat(driver.findElement(By.id("f-entrySummary-entryNumber")).getAttribute("value")).isEqualTo("345-6789012-3");
        assertThat(driver.findElements(By.cssSelector("#lines > li"))).hasSize(1);
        click(By.id("add-line"));
        click(By.cssSelector("#lines > li:nth-child(2) .remove-line"));
        assertThat(driver.findElements(By.cssSelector("#lines > li"))).hasSize(1);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-entrySummary-lines-0-hts");
    }

    @Test
    @Order(5)
    void routesWithTheKeyboardOnly() {
        open("");
        new Actions(driver).sendKeys(Keys.TAB).perform();
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to the request");
        tabTo("load-sample");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait(ExpectedConditions.attributeToBe(By.id("f-entrySummary-entryNumber"), "value", "345-6789012-3"));
        WebElement submit = tabTo("submit");
        // the focus shows
        assertThat(submit.getCssValue("outline-style")).isNotEqualTo("none");
        assertThat(submit.getCssValue("outline-width")).isNotEqualTo("0px");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForDecision();
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("results-heading");

        // Enter in a text field submits too
        WebElement asOf = driver.findElement(By.id("f-asOf"));
        type(By.id("f-asOf"), "2018-03-01");
        asOf.sendKeys(Keys.ENTER);
        waitForStatus("as of 2018-03-01");
    }

    @Test
    @Order(6)
    void fitsAPhoneWithoutScrollingSideways() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
        open("");
        assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(375);
        noHorizontalScroll();
        click(By.id("load-sample"));
        click(By.id("submit"));
        waitForDecision();
        noHorizontalScroll();
        click(By.cssSelector("#fired-rules summary"));
        noHorizontalScroll();
        js("document.getElementById('results-heading').scrollIntoView()");
        screenshot("page-phone.png");
    }

    @Test
    @Order(7)
    void showsACentersPage() {
        open("");
        click(By.id("load-sample"));
        click(By.id("submit"));
        waitForDecision();
        click(route("ENTRY_SUMMARY_REVIEW").findElement(By.cssSelector(".office-center a")));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("center-heading"), "Electronics"));
        assertThat(driver.getCurrentUrl()).endsWith("/centers/007");
        assertThat(driver.findElement(By.id("center-heading")).getText()).isEqualTo("Center 007: Electronics");
        WebElement details = driver.findElement(By.id("center-details"));
        assertThat(details.getText()).contains("Headquarters").contains("Electronics");
        assertThat(details.findElements(By.cssSelector(".addresses a"))).extracting(a -> a.getAttribute("href"))
                .containsExactly("mailto:CEE-Electronics@cbp.dhs.gov");
        List<WebElement> sources = details.findElements(By.cssSelector("a[href^='https://']"));
        assertThat(sources).hasSize(2); // the reference data's source, the opening date's
        WebElement opened = details.findElement(By.cssSelector(".opened"));
        assertThat(opened.findElement(By.tagName("time")).getAttribute("datetime")).isEqualTo("2011-10-20");
        assertThat(opened.findElement(By.cssSelector(".certainty")).getText()).contains("Confirmed");
        assertThat(opened.findElements(By.cssSelector(".citations a[href^='https://']"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#center-list a"))).hasSize(10);
        assertThat(driver.findElement(By.cssSelector("#center-list a[aria-current='page']")).getText()).startsWith("007");
        noHorizontalScroll();
        noBrowserErrors();

        open("centers/001");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("center-heading"), "Center 001"));
        assertThat(driver.findElement(By.id("center-details")).findElements(By.cssSelector(".addresses a"))).hasSize(2);
        screenshot("page-center.png");

        open("centers/003"); // opened on a date a trade-press report gives: marked as such
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("center-heading"), "Center 003"));
        WebElement secondary = driver.findElement(By.cssSelector("#center-details .opened"));
        assertThat(secondary.findElement(By.tagName("time")).getText()).isEqualTo("2012-09-27");
        assertThat(secondary.findElement(By.cssSelector(".certainty-secondary")).getText()).contains("Secondary");
        noBrowserErrors();

        // the footer offers the rule set's pages where the service shows them
        wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#rules-link a")));
        click(By.cssSelector("#rules-link a"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Rule set"));
        assertThat(driver.getCurrentUrl()).endsWith("/rules/");
    }

    // ---------------------------------------------------------------------------------------------

    private static void open(String path) {
        driver.get(server.uri().resolve("/" + path).toString());
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(path.isEmpty() ? "#lines > li" : "#center-list li")));
    }

    /** Types the sample request field by field, as a person would. */
    private static void fillSampleByHand() {
        Map<String, Object> request = JsonTree.object(sample);
        @SuppressWarnings("unchecked")
        Map<String, Object> account = (Map<String, Object>) request.get("account");
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) request.get("entrySummary");
        type(By.id("f-asOf"), (String) request.get("asOf"));
        type(By.id("f-account-importerNumber"), (String) account.get("importerNumber"));
        type(By.id("f-account-name"), (String) account.get("name"));
        new Select(driver.findElement(By.id("f-account-center"))).selectByValue((String) account.get("center"));
        type(By.id("f-account-participationStart"), (String) account.get("participationStart"));
        type(By.id("f-account-withdrawalEffective"), (String) account.get("withdrawalEffective"));
        for (String field : List.of("entryNumber", "entryType", "portOfEntry", "entryDate")) {
            type(By.id("f-entrySummary-" + field), (String) entry.get(field));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) entry.get("lines");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                click(By.id("add-line"));
            }
            for (Map.Entry<String, Object> field : lines.get(i).entrySet()) {
                type(By.id("f-entrySummary-lines-" + i + "-" + field.getKey()), String.valueOf(field.getValue()));
            }
        }
    }

    private static Map<String, Object> withSecondLine(Map<String, Object> request) {
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) request.get("entrySummary");
        @SuppressWarnings("unchecked")
        List<Object> lines = (List<Object>) entry.get("lines");
        lines.add(Map.of("hts", "7208.51.0030", "enteredValue", "4200"));
        return request;
    }

    private static void type(By field, String text) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(text);
    }

    private static void click(By element) {
        click(wait(ExpectedConditions.elementToBeClickable(element)));
    }

    private static void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static WebElement waitForDecision() {
        waitForStatus("Routed entry");
        return wait(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
    }

    /** Waits for the status line, which screen readers read out (and which may be for them only). */
    private static void waitForStatus(String text) {
        wait(ExpectedConditions.attributeContains(By.id("status"), "textContent", text));
    }

    private static WebElement route(String function) {
        return driver.findElement(By.id("route-" + function));
    }

    /** Presses Tab until the element of that id has the focus (at most 80 times). */
    private static WebElement tabTo(String id) {
        for (int i = 0; i < 80; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private static void noHorizontalScroll() {
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
        Number clientWidth = (Number) js("return document.documentElement.clientWidth");
        assertThat(scrollWidth.intValue()).as("the page's width against the viewport's").isLessThanOrEqualTo(clientWidth.intValue());
    }

    /** No script error and no violation of the Content-Security-Policy in the browser's console. */
    private static void noBrowserErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        assertThat(severe).isEmpty();
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** The whole page, beyond the window, through the DevTools protocol. */
    @SuppressWarnings("unchecked")
    private static void fullPageScreenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.write(screenshots.resolve(name), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path screenshot(String name) {
        Path file = screenshots.resolve(name);
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
