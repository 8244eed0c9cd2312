package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ceerules.examples.CliJar.Ran;
import org.ceerules.examples.CliJar.Served;
import org.ceerules.json.JsonTree;
import org.ceerules.testing.CaseFolders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Python examples of {@code docs/other-languages.md} run as a user runs them, against the
 * runnable jar: {@code route_service.py} against {@code java -jar cee-rules.jar serve --port 0},
 * {@code route_coprocess.py} driving {@code java -jar cee-rules.jar route -}. Each must print, byte
 * for byte, what {@code cee-rules route FILE} prints for the same file, and exit as it does.
 *
 * <p>Skipped where {@code python3} is not on the {@code PATH} ({@code .ci/run} installs Debian's
 * when it runs as root).
 */
class OtherLanguagesIT {

    private static final Path SERVICE_SCRIPT = Path.of("src", "python", "route_service.py");
    private static final Path COPROCESS_SCRIPT = Path.of("src", "python", "route_coprocess.py");

    /** One request with three bad fields, pretty-printed: the error object names every one. */
    private static final String BAD_REQUEST = """
            {
              "asOf": "2016-05-02",
              "account": {"importerNumber": "12-345678900", "name": "Nokia Inc", "center": "011"},
              "entrySummary": {"entryNumber": "345-6789012-3", "entryType": "01", "portOfEntry": "27A4",
                               "entryDate": "2016-04-20", "lines": [{"hts": "8517", "enteredValue": "125000.00"}]}
            }
            """;

    private static Path python;
    private static Served served;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        CliJar.assertBuilt();
        python = onPath("python3").orElse(null);
        if (python != null) {
            served = Served.start();
            served.awaitReady();
        }
    }

    /** Each test, rather than the class, is skipped: Surefire's report names a test skipped, with why. */
    @BeforeEach
    void pythonIsOnThePath() {
        assumeTrue(python != null, "the Python examples need python3 on the PATH (Debian: apt-get install python3)");
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (served != null) {
            served.signal("TERM");
            assertThat(served.end()).as("exit status after SIGTERM: %s", served.lines()).isZero();
            served = null;
        }
    }

    /** @return the first executable file of that name in a folder of the {@code PATH} */
    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Ran python(Path script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(args));
        return CliJar.run(command);
    }

    private static Ran serviceScript(Path file) throws IOException, InterruptedException {
        return python(SERVICE_SCRIPT, served.uri().toString(), file.toString());
    }

    private static Ran coprocessScript(Path file) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(file.toString()));
        args.addAll(CliJar.command("route", "-"));
        return python(COPROCESS_SCRIPT, args.toArray(String[]::new));
    }

    /** Asserts that a script printed what {@code route FILE} prints, and exited as it does. */
    private static void assertPrintsWhatRoutePrints(Ran script, Path file) throws IOException, InterruptedException {
        Ran route = CliJar.run(CliJar.command("route", file.toString()));
        assertThat(route.out()).as("route %s", file).isNotEmpty();
        assertThat(script.err()).as("standard error of the script").doesNotContain("Traceback");
        assertThat(script.out()).as("what the script printed for %s", file).isEqualTo(route.out());
        assertThat(script.status()).as("exit status, as route's").isEqualTo(route.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant-consumption.json", "batch.jsonl"})
    void theServiceExamplePrintsWhatRoutePrints(String sample) throws Exception {
        Path file = CaseFolders.samples().resolve(sample);
        assertPrintsWhatRoutePrints(serviceScript(file), file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"participant-consumption.json", "batch.jsonl"})
    void theCoprocessExamplePrintsWhatRoutePrints(String sample) throws Exception {
        Path file = CaseFolders.samples().resolve(sample);
        assertPrintsWhatRoutePrints(coprocessScript(file), file);
    }

    @Test
    void aBadRequestGetsItsErrorObjectLineFromBoth(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), BAD_REQUEST, StandardCharsets.UTF_8);

        Ran service = serviceScript(file);
        Ran coprocess = coprocessScript(file);

        assertPrintsWhatRoutePrints(service, file);
        assertPrintsWhatRoutePrints(coprocess, file);
        assertThat(service.status()).isEqualTo(1);
        assertThat(JsonTree.lines(service.out())).singleElement()
                .satisfies(line -> assertThat(fields(line))
                        .containsExactly("account.center", "entrySummary.portOfEntry", "entrySummary.lines[0].hts"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fields(Map<String, Object> errorObject) {
        return ((List<Map<String, Object>>) errorObject.get("errors")).stream()
                .map(problem -> problem.get("field")).toList();
    }

    @Test
    void aLargeBatchSentWholeBeforeTheAnswerIsReadIsAnsweredInOrder(@TempDir Path dir) throws Exception {
        // urllib writes the whole body before it reads: megabytes more than the connection's buffers hold
        String batch = Files.readString(CaseFolders.samples().resolve("batch.jsonl"), StandardCharsets.UTF_8);
        Path file = Files.writeString(dir.resolve("large.jsonl"), batch.repeat(1100), StandardCharsets.UTF_8);
        assertThat(Files.size(file)).as("a few megabytes").isGreaterThan(2L << 20);

        assertPrintsWhatRoutePrints(serviceScript(file), file);
        assertPrintsWhatRoutePrints(coprocessScript(file), file);
    }

    @Test
    void aCallTheServiceRefusesIsReportedOnStandardErrorWithStatusTwo() throws Exception {
        Path file = CaseFolders.samples().resolve("batch.jsonl");

        Ran ran = python(SERVICE_SCRIPT, served.uri().resolve("nowhere/").toString(), file.toString());

        assertThat(ran.status()).isEqualTo(2);
        assertThat(ran.out()).isEmpty();
        assertThat(ran.err()).startsWith("route_service.py: HTTP 405: $: ").doesNotContain("Traceback");
    }

    @Test
    void theCoprocessExampleRefusesAFirstLineThatWouldMakeTheCommandWait(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("truncated.jsonl"), "{\"asOf\":\"2016-05-02\",\n{}\n",
                StandardCharsets.UTF_8);

        Ran ran = coprocessScript(file);

        assertThat(ran.status()).isEqualTo(2);
        assertThat(ran.out()).isEmpty();
        assertThat(ran.err()).contains("the first line must be a complete JSON value").doesNotContain("Traceback");
    }
}
