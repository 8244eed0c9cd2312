package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.ceerules.testing.ThrowingRouter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The limits of {@link ServerSettings}, each reached on purpose: the body's bytes (413, or the
 * batch ended in place), the requests of a batch, the requests at once (503 with Retry-After), the
 * read timeout (408) and the idle timeout; and a router that throws (500, the server goes on).
 * No assertion on time: each limit is reached by what the client sends, or does not send.
 */
class LimitsTest {

    private static final int MAX_BODY = 4096;
    private static final int MAX_LINES = 3;

    private static DecisionServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0)
                .withMaxBodyBytes(MAX_BODY).withMaxBatchLines(MAX_LINES).withMaxConcurrentRequests(1)
                .withReadTimeout(Duration.ofMillis(500)).withIdleTimeout(Duration.ofMillis(500)));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String lines(int count) {
        return (Requests.VALID + "\n").repeat(count);
    }

    /** A body sent without a declared length (chunked). */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    @Test
    void aDeclaredBodyPastTheLimitIs413() {
        String padded = Requests.VALID + " ".repeat(MAX_BODY);
        for (String type : List.of("application/json", "application/x-ndjson")) {
            Http.Answer answer = http.post("v1/route", type, padded);
            assertThat(answer.status()).as(type).isEqualTo(413);
            assertThat(EndpointsTest.fields(answer)).containsExactly("$");
        }
        assertThat(http.post("v1/assign", "application/x-ndjson", padded).status()).isEqualTo(413);
        assertThat(http.post("v1/subject/F28", "application/json", padded).status()).isEqualTo(413);
    }

    @Test
    void aChunkedRequestPastTheLimitIs413() {
        Http.Answer answer = http.send(HttpRequest.newBuilder(server.uri().resolve("v1/route"))
                .header("Content-Type", "application/json").POST(chunked(Requests.VALID + " ".repeat(MAX_BODY))));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(EndpointsTest.fields(answer)).containsExactly("$");
    }

    @Test
    void aChunkedBatchPastTheLimitEndsWithAnErrorObjectInPlace() {
        // three requests of about 1.9 KB: two fit in the limit, the third passes it
        String padded = Requests.VALID + " ".repeat(1500) + "\n";
        assertThat(padded.length() * 2).isLessThan(MAX_BODY);
        assertThat(padded.length() * 3).isGreaterThan(MAX_BODY);
        Http.Answer answer = http.send(HttpRequest.newBuilder(server.uri().resolve("v1/route"))
                .header("Content-Type", "application/x-ndjson").POST(chunked(padded.repeat(3))));
        assertThat(answer.status()).isEqualTo(200);
        List<Map<String, Object>> lines = answer.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(0, 2)).allSatisfy(line -> assertThat(line).containsKey("routes"));
        assertThat(lines.get(2).toString()).contains("passes the limit of " + MAX_BODY + " bytes");
    }

    @Test
    void aBatchPastTheLimitOfRequestsEndsWithAnErrorObjectInPlace() {
        String small = Requests.VALID.replace("Nokia Inc", "N");
        Http.Answer answer = http.post("v1/explain", "application/x-ndjson", (small + "\n").repeat(MAX_LINES + 1));
        assertThat(answer.status()).isEqualTo(200);
        List<Map<String, Object>> lines = answer.lines();
        assertThat(lines).hasSize(MAX_LINES + 1);
        assertThat(lines.subList(0, MAX_LINES)).allSatisfy(line -> assertThat(line).containsKey("firedRules"));
        assertThat(lines.get(MAX_LINES).toString()).contains("limit of " + MAX_LINES + " requests");
    }

    @Test
    void assignPastTheLimitOfEntrySummariesIs413() {
        String entry = "{\"entryNumber\":\"345-6789012-3\"}\n";
        Http.Answer answer = http.post("v1/assign", "application/x-ndjson", entry.repeat(MAX_LINES + 1));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("more than " + MAX_LINES + " entry summaries");
    }

    @Test
    void oneRequestMoreThanTheLimitAtOnceIs503WithRetryAfter() throws Exception {
        try (StreamingClient first = new StreamingClient(server.uri(), "v1/route", "application/x-ndjson")) {
            first.send(Requests.VALID + "\n");
            // the first line is routed and handed over while the server waits for more: the request is in flight
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.readLine()).contains("\"entryNumber\":\"345-6789012-3\"");

            Http.Answer refused = http.get("v1/centers");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(EndpointsTest.fields(refused)).containsExactly("$");
            // health, readiness and metrics are not counted
            assertThat(http.get("healthz").status()).isEqualTo(200);
            assertThat(http.get("readyz").status()).isEqualTo(200);
            assertThat(http.get("metrics").body()).contains("ceerules_http_requests_in_flight 1")
                    .containsPattern("ceerules_http_rejections_total\\{reason=\"concurrency\"} [1-9]");

            first.send(Requests.VALID + "\n");
            first.end();
            assertThat(first.readLine()).contains("\"entryNumber\":\"345-6789012-3\"");
            assertThat(first.readLine()).isNull();
        }
        assertThat(http.get("v1/centers").status()).isEqualTo(200);
    }

    @Test
    void aBodyThatStopsComingIs408() throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"asOf\"").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(answer).contains("{\"errors\":[{\"field\":\"$\",\"message\":\"the body did not come within");
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.port())) {
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void requestLinesAndHeadersThatAreNotHttpGetAnErrorObject() throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.port())) {
            socket.getOutputStream().write("GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("{\"errors\":[{\"field\":\"$\"")
                    .doesNotContainIgnoringCase("jetty").doesNotContain("Exception");
        }
    }

    @Test
    void aRouterThatThrowsIs500AndTheServerGoesOn() {
        try (DecisionServer broken = DecisionServer.start(new ThrowingRouter(new IllegalStateException("rule set bug")),
                ServerSettings.defaults().withPort(0))) {
            Http client = new Http(broken.uri());
            for (int i = 0; i < 2; i++) {
                Http.Answer single = client.post("v1/route", "application/json", Requests.VALID);
                assertThat(single.status()).isEqualTo(500);
                assertThat(EndpointsTest.fields(single)).containsExactly("$");
                assertThat(single.body()).contains("internal error of the router: IllegalStateException: rule set bug");
                EndpointsTest.assertNoStackTrace(single);
            }
            Http.Answer batch = client.post("v1/explain", "application/x-ndjson", lines(2));
            assertThat(batch.status()).isEqualTo(200);
            assertThat(batch.lines()).hasSize(2).allSatisfy(line -> assertThat(line.toString())
                    .contains("internal error of the router"));
            assertThat(client.post("v1/subject/F28", "application/json", Requests.VALID).status()).isEqualTo(500);
            Http.Answer lookup = client.get("v1/lookup/8517620090");
            assertThat(lookup.status()).isEqualTo(500);
            EndpointsTest.assertNoStackTrace(lookup);
            assertThat(client.get("v1/rules").status()).isEqualTo(500);
            assertThat(client.get("v1/centers").status()).isEqualTo(200);
            assertThat(client.get("healthz").status()).isEqualTo(200);
            assertThat(client.get("metrics").body())
                    .contains("ceerules_batch_lines_total{endpoint=\"/v1/explain\",outcome=\"internal_error\"} 2");
        }
    }
}
