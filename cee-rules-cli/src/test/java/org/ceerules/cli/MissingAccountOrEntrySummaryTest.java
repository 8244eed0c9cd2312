package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;

/**
 * {@code cee-rules route} on a batch: a request without {@code account} or {@code entrySummary}
 * (absent or null) gets an error naming the object itself, with the request's other problems, and
 * the requests around it are routed.
 */
class MissingAccountOrEntrySummaryTest {

    private static Map<String, Object> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    @Test
    void aBatchNamesTheMissingObjectAndRoutesTheOthers() {
        String noAccount = Requests.without("account");
        String nullEntrySummary = Requests.change(Requests.with("entrySummary", "null"), "account.center", "011");
        String input = Requests.VALID + "\n" + noAccount + "\n" + nullEntrySummary + "\n" + Requests.VALID + "\n";

        CliRun run = CliRun.run(input, "route");

        assertThat(run.status()).isEqualTo(1);
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).containsKey("routes");
        assertThat(lines.get(1)).isEqualTo(Map.of("errors", List.of(error("account", "is required"))));
        assertThat(lines.get(2)).isEqualTo(Map.of("errors", List.of(
                error("account.center", "must be a Center's team code, 001 to 010, was \"011\""),
                error("entrySummary", "is required"))));
        assertThat(lines.get(3)).containsKey("routes");
    }

    @Test
    void aSingleRequestNamesTheMissingObject() {
        CliRun run = CliRun.run(Requests.with("account", "null"), "route", "-");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(Map.of("errors", List.of(error("account", "is required"))));
    }
}
