package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.json.Answers;
import org.ceerules.json.LineRouter;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testkit.RoutingCase;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once, each sending a mix of single requests, batches, explanations and lookups
 * of different cases: every answer is the one expected for its own input, byte for byte.
 */
class ConcurrencyTest {

    private static final int CLIENTS = 16;
    private static final int REQUESTS_EACH = 24;

    private record Exchange(String path, String contentType, String body, String expected) {
    }

    @Test
    void manyParallelClientsEachGetTheirOwnAnswers() throws Exception {
        Router router = Routers.defaultRouter();
        List<String> requests = new ArrayList<>();
        for (Path dir : List.of(CaseFolders.project(), CaseFolders.snapshot())) {
            RoutingCase.load(dir).stream().filter(c -> c.request().isPresent())
                    .forEach(c -> requests.add(c.requestLine().orElseThrow()));
        }
        assertThat(requests).hasSizeGreaterThan(20);
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String one = requests.get(i);
            String batch = one + "\n" + requests.get((i + 1) % requests.size()) + "\n"
                    + requests.get((i + 7) % requests.size()) + "\n";
            exchanges.add(new Exchange("v1/route", "application/json", one, expected(router, one, false)));
            exchanges.add(new Exchange("v1/explain", "application/x-ndjson", batch, expected(router, batch, true)));
        }
        for (String hts : List.of("8517.62.0090", "6109.10.0000", "2709.00.1000", "9999.99.9999")) {
            exchanges.add(new Exchange("v1/lookup/" + hts + "?asOf=2016-05-02", null, null,
                    new String(Answers.lookup(router, hts, LocalDate.parse("2016-05-02")).line(), StandardCharsets.UTF_8)));
        }
        try (DecisionServer server = DecisionServer.start(router, ServerSettings.defaults().withPort(0)
                .withMaxConcurrentRequests(CLIENTS))) {
            Http http = new Http(server.uri());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<List<String>>> mismatches = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    mismatches.add(clients.submit(() -> {
                        List<String> wrong = new ArrayList<>();
                        for (int r = 0; r < REQUESTS_EACH; r++) {
                            Exchange exchange = exchanges.get((client * 31 + r * 7) % exchanges.size());
                            Http.Answer answer = exchange.body() == null ? http.get(exchange.path())
                                    : http.post(exchange.path(), exchange.contentType(), exchange.body());
                            if (!answer.body().equals(exchange.expected())) {
                                wrong.add(exchange.path() + " " + answer.status() + ": " + answer.body());
                            }
                        }
                        return wrong;
                    }));
                }
                for (Future<List<String>> mismatch : mismatches) {
                    assertThat(mismatch.get()).isEmpty();
                }
            } finally {
                clients.shutdownNow();
            }
            // a client has its whole answer a moment before the server's thread counts the request ended
            String metrics = http.get("metrics").body();
            for (int tries = 0; tries < 1_000 && !metrics.contains("ceerules_http_requests_in_flight 0\n"); tries++) {
                Thread.sleep(10);
                metrics = http.get("metrics").body();
            }
            assertThat(metrics).contains("ceerules_http_requests_in_flight 0\n");
        }
    }

    private static String expected(Router router, String input, boolean explains) throws IOException {
        RequestStream stream = new RequestStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                Optional.empty());
        LineRouter lines = new LineRouter(explains ? router::explain : router::route, explains);
        StringBuilder out = new StringBuilder();
        for (Optional<ReadResult> read = stream.next(); read.isPresent(); read = stream.next()) {
            out.append(new String(lines.route(read.get()).bytes(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
