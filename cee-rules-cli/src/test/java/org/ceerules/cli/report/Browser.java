package org.ceerules.cli.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium for tests, driven through WebDriver: Debian's {@code chromium} and
 * {@code chromium-driver} packages ({@code apt-get install -y chromium chromium-driver}; CI installs
 * them). Nothing is downloaded: the browser and its driver are found on this machine (the system
 * properties {@code chromium.binary} and {@code webdriver.chrome.driver} name others), and a test
 * that starts a browser where they are absent is skipped, not failed.
 *
 * <p>Each browser has a profile folder of its own, deleted when it is closed. Not thread-safe: one
 * test at a time uses it.
 */
final class Browser implements AutoCloseable {

    /** The flags that work here: headless, no sandbox (root in a container), nothing fetched from the network. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts a browser with a window of the given size; skips the calling test (a JUnit
     * assumption) where chromium or its driver is not installed.
     */
    static Browser start(int width, int height) {
        Optional<Path> chromium = find("chromium.binary", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = find("webdriver.chrome.driver", "chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(),
                "no chromium or chromedriver on this machine: apt-get install -y chromium chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("cee-rules-browser-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(chrome, profile);
    }

    /** @return the browser's WebDriver */
    WebDriver driver() {
        return driver;
    }

    /** Opens a file of this machine, as a person opens it from a file manager. */
    void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /** Saves what the window shows as a PNG file (its folder is created). */
    Path screenshot(Path file) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(shot.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a profile left in the temporary folder harms nothing
            }
        }
    }

    /** An executable named by the system property, else the first of the names found on the PATH. */
    private static Optional<Path> find(String property, String... names) {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            Path path = Path.of(given);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : names) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
