package org.ceerules.drools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ceerules.testkit.CaseReport;
import org.ceerules.testkit.CaseRunner;
import org.ceerules.testkit.RoutingCase;

/** The keys of an expected office are checked like the other keys of a case. */
class RoutingCaseTest {

    @TempDir
    Path dir;

    /** B14: a misspelt "rule" in an expected route was ignored, so the check it meant never ran. */
    @Test
    void anUnknownKeyOfAnExpectedRouteIsNamedAndFailsTheCase() throws IOException {
        Files.writeString(dir.resolve("r.json"), """
                {"name": "r", "source": "s", "request": %s,
                 "expect": {"center": "007",
                            "routes": {"LIQUIDATION": {"type": "CENTER", "code": "007", "ruel": "no such rule"}}}}
                """.formatted(Requests.VALID));
        CaseReport report = CaseRunner.run(dir, Routers.defaultRouter());
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.outcomes().get(0).differences()).containsExactly(
                "unknown field \"expect.routes.LIQUIDATION.ruel\"; a route has [code, rule, type]");
    }

    @Test
    void anUnknownKeyOfAnExpectedAlternativeIsNamedAndFailsTheCase() throws IOException {
        Files.writeString(dir.resolve("a.json"), """
                {"name": "a", "source": "s", "request": %s,
                 "expect": {"center": "007",
                            "alternatives": {"DRAWBACK": [{"type": "DRAWBACK_CENTER", "code": "CHICAGO"},
                                                          {"type": "DRAWBACK_CENTER", "cdoe": "HOUSTON"}]}}}
                """.formatted(Requests.VALID));
        CaseReport report = CaseRunner.run(dir, Routers.defaultRouter());
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.outcomes().get(0).differences()).containsExactly(
                "unknown field \"expect.alternatives.DRAWBACK[1].cdoe\"; an alternative has [code, type]");
    }

    @Test
    void theKnownKeysOfAnExpectedRouteRaiseNoProblem() {
        RoutingCase routing = RoutingCase.read(write("k", """
                {"name": "k", "source": "s", "request": {},
                 "expect": {"center": "007",
                            "routes": {"LIQUIDATION": {"type": "CENTER", "code": "007", "rule": "x"}},
                            "alternatives": {"DRAWBACK": [{"type": "DRAWBACK_CENTER", "code": "CHICAGO"}]}}}
                """));
        assertThat(routing.problems()).isEmpty();
    }

    private Path write(String name, String json) {
        try {
            return Files.writeString(dir.resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
