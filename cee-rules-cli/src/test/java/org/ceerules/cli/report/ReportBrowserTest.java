package org.ceerules.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.Routers;
import org.ceerules.server.DecisionServer;
import org.ceerules.server.ServerSettings;
import org.ceerules.testing.CaseFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The report in a real browser, opened from the file system as a rule author opens it: headless
 * Chromium shows the catalogue with its style sheet, the rules no case fires in red, the navigation
 * works between the files, and the timeline draws its charts. The screenshots are kept under
 * {@code target/report-browser/} (the guide's pictures, docs/images/report-*.png, are copies of
 * them). The same pages served by the decision service under {@code /rules/}, where its content
 * security policy allows no style attribute, look the same. Skipped where chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {

    /** Where the site and the screenshots are kept, in the module's build folder. */
    private static final Path KEPT = Path.of("target", "report-browser");

    private Path site;
    private Browser browser;

    @BeforeAll
    void writeTheSiteAndStartTheBrowser() throws IOException {
        browser = Browser.start(1400, 1000);
        site = KEPT.resolve("site");
        if (Files.isDirectory(site)) {
            try (var files = Files.list(site)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
        SiteCheck.Run run = SiteCheck.cli("report", "--cases", CaseFolders.project().toString(), "--out",
                site.toString());
        assertThat(run.status()).as(run.err()).isZero();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCatalogueOpensFromTheFileSystemStyledWithTheUnfiredRulesInRed() {
        WebDriver driver = browser.driver();
        browser.open(site.resolve("rules.html"));
        assertThat(driver.getTitle()).startsWith("Rules catalogue · cee-rules ");
        // the style sheet beside the page was applied
        assertThat(driver.findElement(By.tagName("header")).getCssValue("background-color"))
                .isEqualTo("rgba(18, 50, 79, 1)");
        List<WebElement> rules = driver.findElements(By.cssSelector("tr[id^='rule-']"));
        assertThat(rules).hasSizeGreaterThan(50);
        List<WebElement> red = driver.findElements(By.cssSelector("tr.uncovered .rule-name"));
        assertThat(red).isNotEmpty().allSatisfy(name -> {
            assertThat(name.isDisplayed()).isTrue();
            assertThat(name.getCssValue("color")).isEqualTo("rgba(198, 40, 40, 1)");
        });
        WebElement first = rules.get(0);
        assertThat(first.findElements(By.cssSelector("a.cite"))).isNotEmpty();
        assertThat(first.findElement(By.cssSelector("a.cite")).getAttribute("href")).startsWith("file:")
                .contains("sources.html#src-");
        Path shot = browser.screenshot(KEPT.resolve("catalogue.png"));
        assertThat(shot.toFile().length()).isGreaterThan(50_000);

        driver.findElement(By.linkText("Timeline")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/timeline.html");
        assertThat(driver.getTitle()).startsWith("Timeline · cee-rules ");
    }

    @Test
    void theTimelineDrawsTheBookAndEachCenterWithLinkedMarks() {
        WebDriver driver = browser.driver();
        browser.open(site.resolve("timeline.html"));
        WebElement book = driver.findElement(By.id("timeline-book"));
        assertThat(book.isDisplayed()).isTrue();
        assertThat(book.getSize().getWidth()).isEqualTo(Timeline.WIDTH);
        assertThat(book.getSize().getHeight()).isGreaterThan(600);
        assertThat(driver.findElements(By.cssSelector("svg.timeline"))).hasSize(11);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // every mark of the book's chart is a link to an https address, with a tooltip, and drawn with a size
        Object unlinked = js.executeScript("return [...document.querySelectorAll('#timeline-book a.mark')]"
                + ".filter(a => !a.getAttribute('href').startsWith('https://') || !a.querySelector('title')"
                + " || a.getBBox().width < 2 || a.getBBox().height < 6).length");
        Object marks = js.executeScript("return document.querySelectorAll('#timeline-book a.mark').length");
        assertThat((Long) marks).isGreaterThan(40);
        assertThat((Long) unlinked).isZero();
        // the regulatory regime's band starts where the regime does
        Object regulatory = js.executeScript("return [...document.querySelectorAll('#timeline-book g.band')]"
                + ".filter(g => g.textContent.includes('REGULATORY')).length");
        assertThat((Long) regulatory).isEqualTo(1L);
        Path shot = browser.screenshot(KEPT.resolve("timeline.png"));
        assertThat(shot.toFile().length()).isGreaterThan(50_000);
    }

    @Test
    void theDecisionServiceServesTheSameSiteUnderRulesStyledUnderItsContentSecurityPolicy() {
        WebDriver driver = browser.driver();
        try (DecisionServer server = DecisionServer.start(Routers.defaultRouter(),
                ServerSettings.defaults().withPort(0), router -> ReportCommand.pages(router, Optional.empty()))) {
            driver.get(server.uri().resolve("/rules").toString()); // redirected to /rules/
            assertThat(driver.getCurrentUrl()).isEqualTo(server.uri().resolve("/rules/").toString());
            assertThat(driver.findElement(By.tagName("header")).getCssValue("background-color"))
                    .isEqualTo("rgba(18, 50, 79, 1)");
            driver.findElement(By.linkText("HTS scope")).click();
            assertThat(driver.getCurrentUrl()).endsWith("/rules/hts.html");
            // each Center's colour comes from the style sheet, not from a style attribute the policy would refuse
            List<WebElement> swatches = driver.findElements(By.cssSelector(".legend .swatch"));
            assertThat(swatches).hasSizeGreaterThanOrEqualTo(11);
            assertThat(swatches.get(0).getCssValue("background-color")).isEqualTo("rgba(78, 121, 167, 1)");
            assertThat(driver.getPageSource()).doesNotContain("style=\"");
            driver.findElement(By.linkText("Timeline")).click();
            assertThat(driver.findElements(By.cssSelector("svg.timeline"))).hasSize(11);
            Path shot = browser.screenshot(KEPT.resolve("served-timeline.png"));
            assertThat(shot.toFile().length()).isGreaterThan(50_000);
        }
    }
}
