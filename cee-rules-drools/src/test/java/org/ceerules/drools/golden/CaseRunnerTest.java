package org.ceerules.drools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ceerules.testkit.CaseReport;
import org.ceerules.testkit.CaseRunner;

/** The case runner: a malformed case file fails alone with its problems, and what differed is said. */
class CaseRunnerTest {

    @TempDir
    Path dir;

    private CaseReport run(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name + ".json"), json);
        return CaseRunner.run(dir, Routers.defaultRouter());
    }

    private static List<String> differences(CaseReport report) {
        return report.outcomes().get(0).differences();
    }

    @Test
    void aFileThatIsNotJsonFailsWithoutStoppingTheRun() throws IOException {
        Files.writeString(dir.resolve("b.json"), """
                {"name": "b", "source": "s", "lookup": {"hts": "0201.10.0000", "asOf": "2016-01-01"},
                 "expect": {"center": "002"}}
                """);
        CaseReport report = run("a", "{not json");
        assertThat(report.outcomes()).extracting(CaseReport.Outcome::name).containsExactly("a", "b");
        assertThat(differences(report)).singleElement().asString().startsWith("not a JSON object");
        assertThat(report.passed()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
    }

    @Test
    void formatProblemsAreEachNamed() throws IOException {
        CaseReport report = run("x", """
                {"name": "y", "sorce": "s", "request": {}, "lookup": {},
                 "expect": {"center": 7, "rotues": {}, "rules": "one", "routes": {"PAYMENT": "PORT"}}}
                """);
        assertThat(differences(report)).containsExactlyInAnyOrder(
                "unknown field \"sorce\"; a case has [expect, lookup, name, request, source]",
                "name \"y\" must be the file's name without .json, \"x\"",
                "source is required: a non-empty string",
                "a case has either a request or a lookup, not both",
                "unknown field \"expect.rotues\"; expect has [alternatives, center, errorFields, routes, rules]",
                "a lookup case expects a center (a team code, or null) and nothing else",
                "expect.center must be a team code or null",
                "expect.routes.PAYMENT must be an office {\"type\": ..., \"code\": ...}",
                "expect.rules must be a list of strings");
    }

    @Test
    void everyDifferenceOfADecisionIsSaid() throws IOException {
        CaseReport report = run("d", """
                {"name": "d", "source": "s", "request": %s,
                 "expect": {"center": "003",
                            "routes": {"LIQUIDATION": {"type": "PORT", "code": "2704"},
                                       "PAYMENT": {"type": "PORT", "code": "2704", "rule": "no such rule"},
                                       "NO_SUCH_FUNCTION": {"type": "PORT"}},
                            "alternatives": {"DRAWBACK": []},
                            "rules": ["no such rule either"]}}
                """.formatted(Requests.VALID));
        assertThat(differences(report)).containsExactly(
                "center: expected 003, got 007",
                "LIQUIDATION: expected PORT 2704, got CENTER 007 by rule \"the Center liquidates the entry\"",
                "PAYMENT: expected rule \"no such rule\", got \"revenue is collected at the port of entry\"",
                "NO_SUCH_FUNCTION: no such function in the decision",
                "DRAWBACK alternatives: expected [], got [DRAWBACK_CENTER CHICAGO, DRAWBACK_CENTER HOUSTON, "
                        + "DRAWBACK_CENTER NEW_YORK, DRAWBACK_CENTER SAN_FRANCISCO]",
                "rule \"no such rule either\" did not fire");
        assertThat(report.firedRules()).contains("the Center liquidates the entry");
        assertThat(report.neverFired()).isNotEmpty().noneMatch(r -> report.firedRules().contains(r.name()));
    }

    @Test
    void aRejectionIsComparedByTheFieldsItNames() throws IOException {
        CaseReport expectedErrors = run("e", """
                {"name": "e", "source": "s", "request": %s, "expect": {"errorFields": ["entrySummary.portOfEntry"]}}
                """.formatted(Requests.VALID));
        assertThat(differences(expectedErrors)).containsExactly(
                "expected a rejection naming [entrySummary.portOfEntry], got a decision");
        Files.delete(dir.resolve("e.json"));
        CaseReport unexpected = run("f", """
                {"name": "f", "source": "s", "request": %s, "expect": {"center": "007"}}
                """.formatted(Requests.with("entrySummary.portOfEntry", "\"27A4\"")));
        assertThat(differences(unexpected)).singleElement().asString().startsWith("expected a decision, got errors");
    }

    @Test
    void aLookupWithABadNumberOrDateIsAnswerdWithErrors() throws IOException {
        CaseReport report = run("l", """
                {"name": "l", "source": "s", "lookup": {"hts": "85", "asOf": "2016-02-30"}, "expect": {"center": "007"}}
                """);
        assertThat(differences(report)).singleElement().asString().startsWith("expected a decision, got errors")
                .contains("hts").contains("asOf");
    }

    @Test
    void eachOutcomeSaysTheRulesItsRequestFiredHowLongItTookAndWhetherTheFileWasMalformed() throws IOException {
        Files.writeString(dir.resolve("b-lookup.json"), """
                {"name": "b-lookup", "source": "s", "lookup": {"hts": "0201.10.0000", "asOf": "2016-01-01"},
                 "expect": {"center": "002"}}
                """);
        Files.writeString(dir.resolve("c-broken.json"), "[]");
        CaseReport report = run("a-routed", """
                {"name": "a-routed", "source": "s", "request": %s, "expect": {"center": "007"}}
                """.formatted(Requests.VALID));
        List<CaseReport.Outcome> outcomes = report.outcomes();
        assertThat(outcomes).extracting(CaseReport.Outcome::name).containsExactly("a-routed", "b-lookup", "c-broken");
        assertThat(outcomes.get(0).firedRules()).contains("the Center liquidates the entry")
                .isSubsetOf(report.firedRules());
        assertThat(outcomes.get(0).time()).isPositive();
        assertThat(outcomes).extracting(CaseReport.Outcome::malformed).containsExactly(false, false, true);
        assertThat(outcomes.get(1).firedRules()).as("a lookup fires no rule").isEmpty();
        assertThat(outcomes.get(2).firedRules()).isEmpty();
        assertThat(outcomes.get(2).passed()).isFalse();
        assertThat(new CaseReport.Outcome("n", dir, List.of())).satisfies(o -> {
            assertThat(o.firedRules()).isEmpty();
            assertThat(o.time()).isZero();
            assertThat(o.malformed()).isFalse();
        });
    }
}
