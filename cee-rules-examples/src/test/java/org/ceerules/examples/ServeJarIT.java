package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceerules.examples.CliJar.Served;
import org.ceerules.testing.CaseFolders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar cee-rules.jar serve --port 0}: the runnable jar holds Jetty and its service
 * files, says where it listens, answers the sample as {@code route} does, serves its pages, and
 * stops cleanly with status 0 on SIGTERM (and on SIGINT where the JVM may handle it).
 */
class ServeJarIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void theJarIsBuilt() {
        CliJar.assertBuilt();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheSampleAndStopsOnSigtermWithStatusZero() throws Exception {
        Served served = Served.start();
        try {
            served.awaitReady();
            Path sample = CaseFolders.samples().resolve("participant-consumption.json");
            HttpResponse<String> route = CLIENT.send(HttpRequest.newBuilder(served.uri().resolve("v1/route"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofFile(sample))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(route.statusCode()).isEqualTo(200);
            CliJar.Ran cli = CliJar.run(CliJar.command("route", sample.toString()));
            assertThat(cli.status()).isZero();
            assertThat(route.body()).isEqualTo(cli.out());
            HttpResponse<String> index = get(served.uri());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(get(served.uri().resolve("openapi.json")).body()).contains("\"openapi\":\"3.1.0\"");
        } finally {
            served.signal("TERM");
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
        served.signal("INT");
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
