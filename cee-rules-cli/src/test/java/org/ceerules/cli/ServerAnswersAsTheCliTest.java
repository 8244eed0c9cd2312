package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.Routers;
import org.ceerules.server.DecisionServer;
import org.ceerules.server.ServerSettings;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testing.Requests;
import org.ceerules.testkit.RoutingCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision service answers with the command line's bytes: every shared and project case
 * through {@code POST /v1/route} and {@code /v1/explain} (one by one, and each folder as one
 * batch) against {@code cee-rules route} and {@code explain} run in this JVM, and each other
 * endpoint against its command.
 */
class ServerAnswersAsTheCliTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static DecisionServer server;
    private static URI root;

    @BeforeAll
    static void start() {
        server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0));
        root = server.uri();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String post(String path, String contentType, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(root.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(root.resolve(path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static Stream<Path> folders() {
        return Stream.of(CaseFolders.project(), CaseFolders.snapshot(), CaseFolders.shared());
    }

    private static List<String> requests(Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "no routing cases at " + dir.toAbsolutePath());
        List<String> requests = RoutingCase.load(dir).stream().filter(c -> c.request().isPresent())
                .map(c -> c.requestLine().orElseThrow()).toList();
        Assumptions.assumeFalse(requests.isEmpty(), () -> "no request case in " + dir.toAbsolutePath());
        return requests;
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyCaseAsOneBatchGivesTheCliBytes(Path dir) throws Exception {
        String batch = requests(dir).stream().collect(Collectors.joining("\n", "", "\n"));
        for (String command : List.of("route", "explain")) {
            String cli = CliRun.run(batch, command, "-").out();
            assertThat(post("v1/" + command, "application/x-ndjson", batch)).as(command).isEqualTo(cli);
        }
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyCaseOneByOneGivesTheCliBytes(Path dir) throws Exception {
        for (String request : requests(dir)) {
            for (String command : List.of("route", "explain")) {
                assertThat(post("v1/" + command, "application/json", request)).as("%s %s", command, request)
                        .isEqualTo(CliRun.run(request, command, "-").out());
            }
        }
    }

    @Test
    void theSamplesGiveTheCliBytes() throws Exception {
        String pretty = Files.readString(CaseFolders.samples().resolve("participant-consumption.json"));
        assertThat(post("v1/route", "application/json", pretty)).isEqualTo(CliRun.run(pretty, "route", "-").out());
        String batch = Files.readString(CaseFolders.samples().resolve("batch.jsonl"));
        assertThat(post("v1/explain?asOf=2017-02-01", "application/x-ndjson", batch))
                .isEqualTo(CliRun.run(batch, "explain", "--as-of", "2017-02-01", "-").out());
        byte[] notUtf8 = (Requests.VALID + "\n\u00ff\n").getBytes(StandardCharsets.ISO_8859_1);
        String served = CLIENT.send(HttpRequest.newBuilder(root.resolve("v1/route"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(served).isEqualTo(CliRun.run(notUtf8, "route", "-").out());
    }

    @Test
    void theOtherCommandsGiveTheCliBytes() throws Exception {
        assertThat(get("v1/centers")).isEqualTo(CliRun.run("", "centers").out());
        assertThat(get("v1/sources")).isEqualTo(CliRun.run("", "sources").out());
        for (String hts : List.of("8517.62.0090", "9999999999", "85")) {
            assertThat(get("v1/lookup/" + hts + "?asOf=2016-05-02")).as(hts)
                    .isEqualTo(CliRun.run("", "lookup", "--as-of", "2016-05-02", hts).out());
        }
        for (String number : List.of("673", "A17", "CEE007", "PNDING", "!!")) {
            assertThat(get("v1/team/" + number + "?asOf=2016-05-02")).as(number)
                    .isEqualTo(CliRun.run("", "team", "--as-of", "2016-05-02", number).out());
        }
        for (String abbreviation : List.of("F28", "PR", "C", "5D")) {
            assertThat(post("v1/subject/" + abbreviation, "application/json", Requests.VALID)).as(abbreviation)
                    .isEqualTo(CliRun.run(Requests.VALID, "subject", abbreviation, "-").out());
        }
        String invalid = Requests.without("entrySummary.portOfEntry");
        assertThat(post("v1/subject/F28", "application/json", invalid))
                .isEqualTo(CliRun.run(invalid, "subject", "F28", "-").out());
        String entries = Files.readString(CaseFolders.samples().resolve("importer-entries.jsonl"));
        assertThat(post("v1/assign?asOf=2020-01-01&center=001", "application/x-ndjson", entries))
                .isEqualTo(CliRun.run(entries, "assign", "--as-of", "2020-01-01", "--center", "001", "-").out());
        String badEntries = "{\"entryNumber\":\"x\"}\n{\"lines\":[{\"hts\":1}]}\n";
        assertThat(post("v1/assign", "application/x-ndjson", badEntries))
                .isEqualTo(CliRun.run(badEntries, "assign", "-").out());
    }
}
