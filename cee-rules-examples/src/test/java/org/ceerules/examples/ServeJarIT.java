package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.testing.CaseFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar cee-rules.jar serve --port 0}: the runnable jar holds Jetty and its service
 * files, says where it listens, answers the sample as {@code route} does, serves its pages, and
 * stops cleanly with status 0 on SIGTERM (and on SIGINT where the JVM may handle it).
 */
class ServeJarIT {

    private static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));
    private static final Pattern LISTENING = Pattern.compile("^listening on (http://127\\.0\\.0\\.1:[0-9]+/)$");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the shaded jar; run mvn package first").isRegularFile();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A served jar: the process, and standard error read line by line. */
    private record Served(Process process, BufferedReader err, URI uri, List<String> lines) {

        static Served start() throws IOException {
            Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "serve", "--port", "0")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.matches()) {
                    return new Served(process, err, URI.create(matcher.group(1)), lines);
                }
            }
            throw new AssertionError("serve ended without listening: " + lines);
        }

        /** Waits for the end, reading the rest of standard error. */
        int end() throws IOException, InterruptedException {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("serve did not stop: " + lines);
            }
            return process.exitValue();
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSampleAndStopsOnSigtermWithStatusZero() throws Exception {
        Served served = Served.start();
        try {
            HttpResponse<String> ready;
            do {
                ready = get(served.uri().resolve("readyz"));
            } while (ready.statusCode() == 503 && ready.body().contains("starting"));
            assertThat(ready.statusCode()).isEqualTo(200);
            String sample = Files.readString(CaseFolders.samples().resolve("participant-consumption.json"));
            HttpResponse<String> route = CLIENT.send(HttpRequest.newBuilder(served.uri().resolve("v1/route"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(sample))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(route.statusCode()).isEqualTo(200);
            Process cli = new ProcessBuilder(java(), "-jar", JAR.toString(), "route",
                    CaseFolders.samples().resolve("participant-consumption.json").toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String expected = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor()).isZero();
            assertThat(route.body()).isEqualTo(expected);
            HttpResponse<String> index = get(served.uri());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(get(served.uri().resolve("openapi.json")).body()).contains("\"openapi\":\"3.1.0\"");
        } finally {
            // Process.destroy() would send SIGTERM too, but it closes the streams this test reads
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(served.process().pid())).start().waitFor())
                    .isZero();
        }
        assertThat(served.end()).as("exit status after SIGTERM: %s", served.lines()).isZero();
        assertThat(served.lines()).contains("cee-rules: stopped")
                .noneMatch(line -> line.contains("\tat ") || line.contains("Exception"));
    }

    @Test
    void stopsOnSigintWithStatusZero() throws Exception {
        assumeFalse(!Files.exists(Path.of("/proc/self/status")) || sigintIgnored(),
                "SIGINT is ignored by this JVM, and so would be by the one it starts");
        Served served = Served.start();
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(served.process().pid())).start().waitFor()).isZero();
        assertThat(served.end()).as("exit status after SIGINT: %s", served.lines()).isZero();
        assertThat(served.lines()).contains("cee-rules: stopped");
    }

    /** A process started in a shell's background ignores SIGINT, as do its children. */
    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }
}
