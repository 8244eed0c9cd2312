package org.ceerules.examples;

import org.ceerules.json.JsonTree;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ceerules.testkit.CaseCheck;
import org.ceerules.testkit.RoutingCase;
import org.ceerules.testing.CaseFolders;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as users run it, {@code java -jar target/cee-rules.jar}, after {@code package}:
 * proves that the shaded jar finds the router through the merged {@code META-INF/services} and
 * that Drools starts inside it. Run by maven-failsafe-plugin in {@code mvn verify}.
 */
class ShadedJarIT {

    private static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));
    private static final Path SAMPLES = CaseFolders.samples();
    private static final long TIMEOUT_SECONDS = 300;

    private record Result(int status, String out, String err) {
        List<Map<String, Object>> lines() {
            return JsonTree.lines(out);
        }
    }

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the shaded jar; run mvn package first").isRegularFile();
    }

    private static Result java(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cee-rules-out", ".jsonl");
        Path err = Files.createTempFile("cee-rules-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin != null) {
                builder.redirectInput(stdin.toFile());
            }
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            assertThat(result.err()).as("stderr of %s", command).doesNotContain("\tat ").doesNotContain("Exception");
            return result;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Result cli(Path stdin, String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 2];
        all[0] = "-jar";
        all[1] = JAR.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return java(stdin, all);
    }

    @Test
    void routesTheBatchSample() throws Exception {
        Path batch = SAMPLES.resolve("batch.jsonl");
        long requests = Files.readAllLines(batch).stream().filter(l -> !l.isBlank()).count();

        Result result = cli(null, "route", batch.toString());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.lines()).hasSize((int) requests);
        assertThat(result.lines()).filteredOn(l -> l.containsKey("errors")).hasSize(2);
    }

    @Test
    void routesThePrettyPrintedSampleFromStandardInput() throws Exception {
        Result result = cli(SAMPLES.resolve("participant-consumption.json"), "route", "-");

        assertThat(result.status()).isZero();
        assertThat(result.lines()).singleElement().satisfies(l -> assertThat(l).containsEntry("center", "007"));
    }

    @Test
    void explainsWithTheFiredRules() throws Exception {
        Result result = cli(null, "explain", "--as-of", "2016-06-01", SAMPLES.resolve("participant-consumption.json").toString());

        assertThat(result.status()).isZero();
        assertThat(result.lines()).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("asOf", "2016-06-01");
            assertThat((List<?>) l.get("firedRules")).isNotEmpty();
        });
    }

    @Test
    void listsTheCenters() throws Exception {
        Result result = cli(null, "centers");

        assertThat(result.status()).isZero();
        assertThat(result.lines()).hasSize(10);
    }

    @Test
    void aUsageErrorExitsTwo() throws Exception {
        Result result = cli(null, "route", "--as-of", "tomorrow");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void routesTheSharedCasesAsOneBatch(@TempDir Path dir) throws Exception {
        Path shared = CaseFolders.shared();
        // where the shared folder is absent, the project's snapshot of it (kept equal by SharedCasesSnapshotTest)
        Path cases = Files.isDirectory(shared) ? shared
                : CaseFolders.snapshot();
        Assumptions.assumeTrue(Files.isDirectory(cases), () -> "no shared cases at " + cases.toAbsolutePath());
        List<RoutingCase> all = RoutingCase.load(cases);
        Path batch = dir.resolve("cases.jsonl");
        Files.writeString(batch, all.stream().map(c -> c.requestLine().orElseThrow()).collect(Collectors.joining("\n", "", "\n")));

        Result result = cli(null, "route", batch.toString());

        assertThat(result.status()).isEqualTo(all.stream().anyMatch(RoutingCase::expectsErrors) ? 1 : 0);
        List<Map<String, Object>> lines = result.lines();
        assertThat(lines).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            assertThat(CaseCheck.differences(all.get(i), lines.get(i))).as("%s, shaded jar, line %d", all.get(i), i + 1)
                    .isEmpty();
        }
    }

    @Test
    void theCliJarHoldsNothingOfKafka() throws IOException {
        List<String> entries;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(JAR.toFile())) {
            entries = java.util.Collections.list(zip.entries()).stream().map(java.util.zip.ZipEntry::getName).toList();
        }
        // Kafka, its compression codecs (zstd, lz4, snappy) and the streaming router live in cee-rules-streams.jar
        assertThat(entries).noneMatch(name -> name.startsWith("org/apache/kafka/") || name.startsWith("com/github/luben/")
                || name.startsWith("net/jpountz/") || name.startsWith("org/xerial/snappy/")
                || name.startsWith("org/ceerules/kafka/"));
        assertThat(entries).contains("org/ceerules/cli/Main.class");
    }

    @Test
    void theEmbeddingExampleRunsFromTheJar() throws Exception {
        Result result = java(null, "-cp", JAR.toString(), EmbeddingExample.class.getName());

        assertThat(result.status()).isZero();
        assertThat(result.out().lines()).hasSize(21);
    }
}
