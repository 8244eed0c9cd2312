package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ceerules.api.Center;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.json.Answers;
import org.ceerules.json.JsonRequestReader;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.LineRouter;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testing.ErrorContract;
import org.ceerules.testing.Requests;
import org.ceerules.api.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every endpoint of a server of the embedded rule set, each answer compared with the bytes the
 * command line's code writes for the same input (LineRouter, JsonResultWriter, Answers), and the
 * error contract: 400 naming the bad field, 404, 405 with Allow, 413, 415, never a stack trace.
 */
class EndpointsTest {

    private static DecisionServer server;
    private static Http http;
    private static Router router;

    @BeforeAll
    static void start() {
        router = Routers.defaultRouter();
        server = DecisionServer.start(router, ServerSettings.defaults().withPort(0));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] lineOf(String json, boolean explains) throws IOException {
        LineRouter lines = new LineRouter(explains ? router::explain : router::route, explains);
        return lines.route(new RequestStream(new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Optional.empty()).next().orElseThrow()).bytes();
    }

    @Test
    void listensOnTheLoopbackByDefault() {
        assertThat(ServerSettings.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
        assertThat(server.port()).isPositive();
        assertThat(server.ready()).isTrue();
    }

    @Test
    void routesOneRequestAsTheCliDoes() throws IOException {
        Http.Answer answer = http.post("v1/route", "application/json", Requests.VALID);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.bytes()).isEqualTo(lineOf(Requests.VALID, false));
        assertThat(answer.json()).containsEntry("entryNumber", "345-6789012-3").containsEntry("center", "007");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void routesAPrettyPrintedRequest() throws IOException {
        String pretty = Files.readString(CaseFolders.samples().resolve("participant-consumption.json"));
        Http.Answer answer = http.post("v1/route", "application/json; charset=utf-8", pretty);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bytes()).isEqualTo(lineOf(pretty, false));
    }

    @Test
    void explainsWithTheFiredRules() throws IOException {
        Http.Answer answer = http.post("v1/explain", "application/json", Requests.VALID);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bytes()).isEqualTo(lineOf(Requests.VALID, true));
        assertThat(answer.json()).containsKeys("firedRules", "sources");
    }

    @Test
    void asOfOverridesTheRequestsDateAsTheCliOptionDoes() {
        Http.Answer answer = http.post("v1/route?asOf=2016-06-01", "application/json", Requests.VALID);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("asOf", "2016-06-01");
    }

    @Test
    void aBatchIsAnsweredLineByLineInOrder() throws IOException {
        String batch = Files.readString(CaseFolders.samples().resolve("batch.jsonl"));
        Http.Answer answer = http.post("v1/route", "application/x-ndjson", batch);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/x-ndjson");
        StringBuilder expected = new StringBuilder();
        RequestStream requests = new RequestStream(new java.io.ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8)),
                Optional.empty());
        LineRouter lines = new LineRouter(router::route, false);
        for (Optional<ReadResult> read = requests.next(); read.isPresent(); read = requests.next()) {
            expected.append(new String(lines.route(read.get()).bytes(), StandardCharsets.UTF_8));
        }
        assertThat(answer.body()).isEqualTo(expected.toString());
        assertThat(answer.lines()).hasSizeGreaterThan(1);
    }

    @Test
    void aBatchThatExpects100ContinueIsAskedForItsBodyBeforeItIsAnswered() throws IOException {
        byte[] body = (Requests.VALID + "\n" + Requests.VALID + "\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(server.uri().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                    + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            // the interim answer comes before any final one: the client sends its body only then
            assertThat(headLine(in)).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(headLine(in)).isEmpty();
            out.write(body);
            out.flush();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(answer.split("\"entryNumber\":\"345-6789012-3\"", -1)).hasSize(3);
        }
    }

    @Test
    void aLargeBatchWrittenWholeBeforeTheAnswerIsReadIsAnswered() throws Exception {
        // as urllib and .NET's HttpClient do: the body is written whole, then the answer read; a body
        // and answers of many times what the connection's buffers hold (the client's kept small)
        int requests = 10_000;
        String line = Requests.VALID.replace("\n", "");
        line = line.substring(0, line.length() - 1) + " ".repeat(1_600 - line.length()) + "}\n";
        byte[] body = line.repeat(requests).getBytes(StandardCharsets.UTF_8);
        assertThat((long) body.length).isLessThanOrEqualTo(ServerSettings.DEFAULT_MAX_BODY_BYTES);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(16 * 1024);
            socket.setSendBufferSize(16 * 1024);
            socket.connect(new java.net.InetSocketAddress(server.uri().getHost(), server.port()));
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            Future<?> written = writer.submit(() -> {
                out.write(("POST /v1/route HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                return null;
            });
            // the whole body goes before a byte of the answer is read: were the server answering as it
            // reads, its answers would fill the buffers and both sides would wait
            written.get(60, TimeUnit.SECONDS);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n");
            assertThat(answer.split("\"entryNumber\":\"345-6789012-3\"", -1)).hasSize(requests + 1);
        } finally {
            writer.shutdownNow();
        }
    }

    private static String headLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().strip();
    }

    @Test
    void anInvalidRequestIs400WithTheErrorObjectNamingEveryBadField() throws IOException {
        String bad = Requests.change(Requests.with("entrySummary.lines[0].hts", "\"12\""), "account.center", "x");
        Http.Answer answer = http.post("v1/route", "application/json", bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.bytes()).isEqualTo(lineOf(bad, false));
        assertThat(fields(answer)).contains("entrySummary.lines[0].hts", "account.center");
        assertNoStackTrace(answer);
    }

    @Test
    void aRequestThatIsNotJsonIs400() {
        Http.Answer answer = http.post("v1/route", "application/json", "not json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer)).containsExactly("$");
    }

    @Test
    void anEmptyBodyOrTwoRequestsAsOneAre400() {
        assertThat(http.post("v1/route", "application/json", "").status()).isEqualTo(400);
        Http.Answer two = http.post("v1/route", "application/json", Requests.VALID + "\n" + Requests.VALID + "\n");
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.body()).contains("application/x-ndjson");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=iso-8859-1",
            "application/x-www-form-urlencoded"})
    void anotherContentTypeIs415(String contentType) {
        Http.Answer answer = http.post("v1/route", contentType, Requests.VALID);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(fields(answer)).containsExactly("$");
    }

    @Test
    void noContentTypeIs415() {
        assertThat(http.post("v1/explain", null, Requests.VALID).status()).isEqualTo(415);
    }

    @Test
    void anUnknownPathIs404WithAnErrorObject() {
        for (String path : List.of("v1/nothing", "v1", "v1/lookup/", "nothing.html", "v1/centers/001", "x/../etc")) {
            Http.Answer answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).isEqualTo("application/json");
            assertThat(fields(answer)).as(path).containsExactly("$");
        }
    }

    @Test
    void aMethodNotAllowedIs405WithAllow() {
        Http.Answer get = http.get("v1/route");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(fields(get)).containsExactly("$");
        Http.Answer delete = http.method("DELETE", "v1/centers");
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        Http.Answer options = http.method("OPTIONS", "v1/route");
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void headAnswersTheHeadersOfGet() {
        Http.Answer head = http.method("HEAD", "healthz");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bytes()).isEmpty();
        assertThat(head.contentType()).isEqualTo("application/json");
    }

    @Test
    void subjectAsTheCliWritesIt() {
        Http.Answer answer = http.post("v1/subject/F28", "application/json", Requests.VALID);
        ReadResult read = new ReadResult.Request(JsonRequestReader.read(Requests.VALID));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bytes()).isEqualTo(Answers.subject(router, SubjectAbbreviation.FORM_28, read).line());
        assertThat(answer.json()).containsEntry("abbreviation", "F28").containsKey("submission");
    }

    @Test
    void subjectOfAnUnknownAbbreviationIs404AndOfAnInvalidRequest400() {
        Http.Answer unknown = http.post("v1/subject/XYZ", "application/json", Requests.VALID);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(fields(unknown)).containsExactly("abbreviation");
        Http.Answer invalid = http.post("v1/subject/F28", "application/json", Requests.without("account.name"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactly("account.name");
        assertThat(http.post("v1/subject/F28", "application/x-ndjson", Requests.VALID).status()).isEqualTo(415);
    }

    @Test
    void subjectOfDocumentsThatDoNotGoToACenterIs422() {
        // an account without a Center under the regulatory regime: the port of entry has jurisdiction
        String json = Requests.change(Requests.change(Requests.change(Requests.VALID, "account.center", Requests.REMOVE),
                "account.participationStart", Requests.REMOVE), "account.withdrawalEffective", Requests.REMOVE);
        Http.Answer answer = http.post("v1/subject/I?asOf=2018-01-02", "application/json", json);
        Answers.Answer expected = Answers.subject(router, SubjectAbbreviation.GENERAL_INQUIRY,
                new ReadResult.Request(JsonRequestReader.read(json, Optional.of(LocalDate.parse("2018-01-02")))));
        assertThat(expected.outcome()).isEqualTo(Answers.Outcome.NOT_APPLICABLE);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.bytes()).isEqualTo(expected.line());
    }

    @Test
    void assignAsTheCliWritesIt() throws IOException {
        String entries = Files.readString(CaseFolders.samples().resolve("importer-entries.jsonl"));
        Http.Answer answer = http.post("v1/assign?asOf=2020-01-01&center=007", "application/x-ndjson", entries);
        Answers.EntrySummaries read = Answers.readEntrySummaries(new RequestStream(
                new java.io.ByteArrayInputStream(entries.getBytes(StandardCharsets.UTF_8)), Optional.empty()), 100);
        Answers.Answer expected = Answers.assign(router, read.entrySummaries(), LocalDate.parse("2020-01-01"),
                Center.ofTeamCode("007"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bytes()).isEqualTo(expected.line());
        assertThat(answer.json()).containsKeys("shares", "byLines", "byValue", "appeal");
    }

    @Test
    void assignNamesTheBadEntrySummaryAndABadCenter() {
        Http.Answer bad = http.post("v1/assign", "application/x-ndjson", "{\"entryNumber\":1}\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).allMatch(field -> field.startsWith("entrySummaries[0]"));
        Http.Answer center = http.post("v1/assign?center=999", "application/x-ndjson", "{}\n");
        assertThat(center.status()).isEqualTo(400);
        assertThat(fields(center)).containsExactly("center");
    }

    @Test
    void lookupAsTheCliWritesIt() {
        Http.Answer answer = http.get("v1/lookup/8517.62.0090?asOf=2016-05-02");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bytes()).isEqualTo(Answers.lookup(router, "8517.62.0090", LocalDate.parse("2016-05-02")).line());
        assertThat(answer.json()).containsEntry("center", "007");
        Http.Answer invalid = http.get("v1/lookup/12");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.bytes()).isEqualTo(Answers.lookup(router, "12", LocalDate.now()).line());
    }

    @Test
    void aBadAsOfOrAnUnknownQueryParameterIs400() {
        Http.Answer date = http.get("v1/lookup/8517.62.0090?asOf=2016-02-30");
        assertThat(date.status()).isEqualTo(400);
        assertThat(fields(date)).containsExactly("asOf");
        Http.Answer form = http.get("v1/lookup/8517.62.0090?asOf=yesterday");
        assertThat(fields(form)).containsExactly("asOf");
        Http.Answer range = http.get("v1/team/673?asOf=2200-01-01");
        assertThat(range.status()).isEqualTo(400);
        assertThat(fields(range)).containsExactly("asOf");
        Http.Answer unknown = http.get("v1/lookup/8517.62.0090?asof=2016-01-01");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("asof");
        assertThat(http.get("v1/centers?x=1").status()).isEqualTo(400);
    }

    @Test
    void teamAsTheCliWritesIt() {
        for (String number : List.of("673", "CEE007", "NOTELG")) {
            Http.Answer answer = http.get("v1/team/" + number);
            assertThat(answer.status()).as(number).isEqualTo(200);
            assertThat(answer.bytes()).as(number)
                    .isEqualTo(Answers.team(List.of(number), false, Optional.empty()).get(0).line());
        }
        Http.Answer dated = http.get("v1/team/673?asOf=2016-05-02");
        assertThat(dated.json()).containsEntry("asOf", "2016-05-02");
        Http.Answer invalid = http.get("v1/team/12345678");
        assertThat(invalid.status()).isEqualTo(400);
        ErrorContract.namesFields(violations(invalid));
    }

    @Test
    void centersSourcesAndRulesAreListedAsJsonLines() throws IOException {
        JsonResultWriter centers = JsonResultWriter.inMemory();
        for (Center center : Center.values()) {
            centers.writeCenter(center, router.opening(center), router.rulesVersion());
        }
        Http.Answer answer = http.get("v1/centers");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/x-ndjson");
        assertThat(answer.bytes()).isEqualTo(centers.takeLines());

        JsonResultWriter sources = JsonResultWriter.inMemory();
        for (var source : router.sources()) {
            sources.writeSource(source);
        }
        assertThat(http.get("v1/sources").bytes()).isEqualTo(sources.takeLines());

        List<Map<String, Object>> rules = http.get("v1/rules").lines();
        assertThat(rules).hasSize(router.rules().size());
        assertThat(rules.get(0)).containsKeys("rule", "authority", "file", "line", "citations", "certainty")
                .containsEntry("rulesVersion", router.rulesVersion());
    }

    @Test
    void versionHealthAndReadiness() {
        Map<String, Object> version = http.get("v1/version").json();
        assertThat(version).containsEntry("program", "cee-rules").containsEntry("rulesVersion", router.rulesVersion())
                .containsEntry("rulePages", false);
        assertThat((String) version.get("version")).isNotBlank().isNotEqualTo("unknown");
        assertThat(http.get("healthz").json()).containsEntry("status", "alive");
        Http.Answer ready = http.get("readyz");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json()).containsEntry("status", "ready").containsEntry("rulesVersion", router.rulesVersion());
    }

    @Test
    void metricsAreInThePrometheusTextFormat() {
        http.get("v1/centers");
        http.post("v1/route", "text/plain", "x");
        Http.Answer answer = http.get("metrics");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain; version=0.0.4");
        List<String> lines = answer.body().lines().toList();
        assertThat(lines).allMatch(line -> line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                || line.matches("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"(,[a-z_]+=\"[^\"]*\")*})? [0-9.+Inf-]+"));
        assertThat(answer.body())
                .contains("ceerules_http_requests_total{endpoint=\"/v1/centers\",status=\"200\"}")
                .contains("ceerules_http_rejections_total{reason=\"unsupported_media_type\"}")
                .contains("ceerules_http_requests_in_flight ")
                .contains("ceerules_http_request_duration_seconds_bucket{endpoint=\"/v1/centers\",le=\"+Inf\"}")
                .contains("ceerules_ready 1");
    }

    @Test
    void thePagesAreServedWithSafeHeaders() {
        Http.Answer index = http.get("");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(index.body()).containsIgnoringCase("<html");
        assertThat(http.get("index.html").bytes()).isEqualTo(index.bytes());
        Http.Answer center = http.get("centers/007");
        assertThat(center.status()).isEqualTo(200);
        assertThat(center.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(http.get("centers/999").status()).isEqualTo(404);
        assertThat(http.get("centers/").status()).isEqualTo(404);
        for (Http.Answer answer : List.of(index, center, http.get("v1/centers"), http.get("nothing"))) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Content-Security-Policy")).startsWith("default-src 'self'")
                    .doesNotContain("unsafe").doesNotContain("*");
            assertThat(answer.header("Server")).isNull();
        }
    }

    @Test
    void aFolderOrAFileOfAnotherKindIsNotServed() {
        assertThat(http.get("org/ceerules/server/DecisionServer.class").status()).isEqualTo(404);
        assertThat(http.get(".hidden.html").status()).isEqualTo(404);
        assertThat(http.get("web/").status()).isEqualTo(404);
    }

    static List<String> fields(Http.Answer answer) {
        return violations(answer).stream().map(Violation::field).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Violation> violations(Http.Answer answer) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.json().get("errors");
        return errors.stream().map(e -> new Violation((String) e.get("field"), (String) e.get("message"))).toList();
    }

    static void assertNoStackTrace(Http.Answer answer) {
        // one line, no frame of a stack trace
        assertThat(answer.body().strip()).doesNotContain("\n").doesNotContain("\tat ").doesNotContain(".java:")
                .doesNotContain("Caused by");
    }
}
