package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.json.LineRouter;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testkit.RoutingCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared and project routing case through {@code POST /v1/route} and {@code /v1/explain},
 * one by one and as one batch per folder: the same bytes as {@link LineRouter} writes for the same
 * input, which is what the command line writes (its batches write LineRouter's lines in input
 * order). cee-rules-cli's ServerAnswersAsTheCliTest compares with the command line itself.
 */
class CaseFoldersThroughTheServerTest {

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

    /** What the command line writes for an input: LineRouter's line of each request, in order. */
    private static String expected(String input, boolean explains) throws IOException {
        RequestStream stream = new RequestStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                Optional.empty());
        LineRouter lines = new LineRouter(explains ? router::explain : router::route, explains);
        StringBuilder out = new StringBuilder();
        for (Optional<ReadResult> read = stream.next(); read.isPresent(); read = stream.next()) {
            out.append(new String(lines.route(read.get()).bytes(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyCaseOneByOne(Path dir) throws IOException {
        for (String request : requests(dir)) {
            for (String endpoint : List.of("v1/route", "v1/explain")) {
                Http.Answer answer = http.post(endpoint, "application/json", request);
                String line = expected(request, endpoint.endsWith("explain"));
                assertThat(answer.body()).as("%s of %s", endpoint, request).isEqualTo(line);
                assertThat(answer.status()).as("%s of %s", endpoint, request)
                        .isEqualTo(line.startsWith("{\"errors\"") ? 400 : 200);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("folders")
    void everyCaseOfTheFolderAsOneBatch(Path dir) throws IOException {
        List<String> requests = requests(dir);
        String batch = requests.stream().collect(Collectors.joining("\n", "", "\n"));
        for (String endpoint : List.of("v1/route", "v1/explain")) {
            Http.Answer answer = http.post(endpoint, "application/x-ndjson", batch);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).as(endpoint).isEqualTo(expected(batch, endpoint.endsWith("explain")));
            assertThat(answer.lines()).hasSize(requests.size());
        }
    }
}
