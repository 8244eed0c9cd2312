package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * {@code cee-rules serve} in this JVM: it says where it listens on standard error, answers, and
 * stops cleanly with status 0 when told to (as SIGTERM or SIGINT tell it: {@link
 * ServeCommand#stopAll()} does what its signal handler does); usage errors, a port taken and a
 * knowledge base that fails to load exit 2. The signals themselves are sent to the runnable jar by
 * cee-rules-examples' ServeJarIT.
 */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("(?m)^listening on (http://127\\.0\\.0\\.1:[0-9]+/)$");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** A run of serve on a thread of its own. */
    private record Serving(CompletableFuture<Integer> status, ByteArrayOutputStream out, ByteArrayOutputStream err) {

        static Serving start(Supplier<Router> routers, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
            CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> Main.run(args,
                    new ByteArrayInputStream(new byte[0]), outStream, errStream, routers));
            return new Serving(status, out, err);
        }

        String stderr() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Waits for the line that says where it listens. */
        URI uri() {
            while (true) {
                Matcher matcher = LISTENING.matcher(stderr());
                if (matcher.find()) {
                    return URI.create(matcher.group(1));
                }
                assertThat(status).as("serve ended before it listened: %s", stderr()).isNotDone();
                Thread.onSpinWait();
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesUntilStoppedThenExitsZero() throws Exception {
        Serving serving = Serving.start(Routers::defaultRouter, "serve", "--port", "0", "--max-concurrent-requests", "4");
        URI uri = serving.uri();
        assertThat(send(HttpRequest.newBuilder(uri.resolve("healthz")).build()).statusCode()).isEqualTo(200);
        HttpResponse<String> route = send(HttpRequest.newBuilder(uri.resolve("v1/route"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Requests.VALID))
                .build());
        assertThat(route.statusCode()).isEqualTo(200);
        assertThat(route.body()).isEqualTo(CliRun.run(Requests.VALID, "route", "-").out());

        ServeCommand.stopAll();
        assertThat(serving.status().get()).isEqualTo(ExitStatus.ROUTED);
        assertThat(serving.out().size()).as("standard output stays empty").isZero();
        List<String> lines = serving.stderr().lines().toList();
        assertThat(lines.get(0)).isEqualTo("listening on " + uri);
        assertThat(lines).contains("cee-rules: stopped").noneMatch(line -> line.contains("\tat "));
        assertThat(serving.stderr()).doesNotContain("12-345678900").doesNotContain("Nokia");
    }

    @Test
    void theHelpSaysTheExitStatusAndTheDefaults() {
        CliRun help = CliRun.run("", "serve", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.err()).contains("--host", "127.0.0.1", "--port", "8080", "--rules", "--max-body-bytes",
                "--max-batch-lines", "--max-concurrent-requests", "--read-timeout", "--idle-timeout", "--shutdown-grace")
                .contains("Exit status: 0 stopped by SIGTERM or SIGINT");
    }

    @Test
    void anInvalidLimitIsAUsageError() {
        CliRun run = CliRun.run("", "serve", "--port", "70000");
        assertThat(run.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(run.err()).contains("cee-rules: invalid option: port must be from 0 to 65535, was 70000");
        assertThat(CliRun.run("", "serve", "--read-timeout", "0").status()).isEqualTo(ExitStatus.FAILED);
        assertThat(CliRun.run("", "serve", "--port", "x").status()).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void aPortTakenExitsTwo() throws Exception {
        Serving first = Serving.start(Routers::defaultRouter, "serve", "--port", "0");
        URI uri = first.uri();
        try {
            CliRun second = CliRun.run("", "serve", "--port", String.valueOf(uri.getPort()));
            assertThat(second.status()).isEqualTo(ExitStatus.FAILED);
            assertThat(second.err()).contains("cee-rules: cannot listen on 127.0.0.1:" + uri.getPort());
        } finally {
            ServeCommand.stopAll();
        }
        assertThat(first.status().get()).isZero();
    }

    @Test
    void aKnowledgeBaseThatFailsToLoadExitsTwo() throws Exception {
        Serving serving = Serving.start(() -> {
            throw new KnowledgeBaseException(List.of(new KnowledgeBaseProblem("drl/x.drl", 3, "broken")));
        }, "serve", "--port", "0");
        assertThat(serving.status().get()).isEqualTo(ExitStatus.FAILED);
        assertThat(serving.stderr()).contains("the knowledge base failed to load, 1 problem(s):")
                .contains("drl/x.drl:3: broken");
    }
}
