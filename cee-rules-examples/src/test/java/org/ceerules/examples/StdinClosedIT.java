package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ceerules.testing.Requests;

/**
 * B6: the runnable jar started with standard input closed ({@code <&-}). File descriptor 0 is then
 * the first file the JVM opens, its own {@code lib/modules}, which {@code route -} read as input
 * (855,861 error lines, status 1). Closed input cannot be read: status 2, one line on stderr, no
 * output. Run by maven-failsafe-plugin in {@code mvn verify}.
 */
class StdinClosedIT {

    private static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path folder;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the CLI's jar; run mvn package first").isRegularFile();
    }

    /** Runs {@code java -jar JAR args} through {@code sh}, standard input closed. */
    private Process withStdinClosed(String args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of("sh", "-c", "exec \"$0\" -jar \"$1\" " + args + " <&-", java,
                JAR.toAbsolutePath().toString()))
                .redirectOutput(folder.resolve("out").toFile()).redirectError(folder.resolve("err").toFile()).start();
    }

    @Test
    void routeFromAClosedStandardInputCannotReadIt() throws Exception {
        for (String args : List.of("route -", "route", "explain -", "assign -")) {
            Process process = withStdinClosed(args);
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(folder.resolve("err"), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(args + ": " + err).isEqualTo(2);
            assertThat(err).as(args).startsWith("cee-rules: cannot read standard input").contains("closed")
                    .doesNotContain("\tat ");
            assertThat(err.lines()).as(args).hasSize(1);
            assertThat(Files.size(folder.resolve("out"))).as(args).isZero();
        }
    }

    @Test
    void aFileNamedIsStillRoutedWithStandardInputClosed() throws Exception {
        Path request = Files.writeString(folder.resolve("one.jsonl"), Requests.VALID + "\n");
        Process process = withStdinClosed("route '" + request + "'");
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(folder.resolve("err"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(err).isZero();
        assertThat(Files.readAllLines(folder.resolve("out"))).singleElement().asString().contains("\"center\"");
    }
}
