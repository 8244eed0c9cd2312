package org.ceerules.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ceerules.api.HtsNumber;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Violation;
import org.ceerules.json.JsonRequestReader;

/**
 * Runs a rule author's cases against a router: each request through the same JSON mapping as the
 * command line, then {@link Router#explain}, so that the rules that fired are known; each lookup
 * through {@link Router#industryScope}. Used by {@code cee-rules test-cases} and by {@link
 * CaseTests} in JUnit.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CaseRunner {

    private CaseRunner() {
    }

    /**
     * Runs every case of a folder and its sub-folders.
     *
     * @param dir    the folder of the cases
     * @param router the router to check
     * @return the report
     * @throws IOException if the folder cannot be listed
     */
    public static CaseReport run(Path dir, Router router) throws IOException {
        List<RoutingCase> cases = RoutingCase.load(dir);
        List<CaseReport.Outcome> outcomes = new ArrayList<>();
        Set<String> fired = new TreeSet<>();
        for (RoutingCase routingCase : cases) {
            Result result = run(routingCase, router);
            outcomes.add(result.outcome());
            fired.addAll(result.fired());
        }
        return new CaseReport(outcomes, router.rules(), fired, router.rulesVersion());
    }

    /** One case's outcome and the rules that fired for it. */
    record Result(CaseReport.Outcome outcome, Set<String> fired) {
    }

    /**
     * Runs one case.
     *
     * @param routingCase the case
     * @param router      the router
     * @return the outcome and the rules that fired
     */
    static Result run(RoutingCase routingCase, Router router) {
        long start = System.nanoTime();
        Map<String, Object> answer;
        Set<String> fired = Set.of();
        if (!routingCase.problems().isEmpty()) {
            answer = Map.of();
        } else if (routingCase.lookup().isPresent()) {
            answer = lookup(routingCase.lookup().get(), router);
        } else {
            RoutingResult result;
            try {
                result = router.explain(JsonRequestReader.read(routingCase.requestLine().orElseThrow()));
            } catch (InvalidRequestException e) {
                result = new RoutingResult.Rejected(e.violations());
            }
            fired = CaseCheck.fired(result);
            answer = CaseCheck.tree(result);
        }
        List<String> differences = CaseCheck.differences(routingCase, answer);
        return new Result(new CaseReport.Outcome(routingCase.name(), routingCase.file(), differences, fired,
                Duration.ofNanos(System.nanoTime() - start), !routingCase.problems().isEmpty()), fired);
    }

    private static Map<String, Object> lookup(Map<String, Object> lookup, Router router) {
        List<Violation> violations = new ArrayList<>();
        Optional<HtsNumber> hts = Optional.empty();
        try {
            hts = Optional.of(HtsNumber.of(lookup.get("hts") instanceof String s ? s : null));
        } catch (InvalidRequestException e) {
            violations.addAll(e.violations());
        }
        Optional<LocalDate> asOf = Optional.empty();
        try {
            asOf = Optional.of(LocalDate.parse(lookup.get("asOf") instanceof String s ? s : ""));
        } catch (DateTimeParseException e) {
            violations.add(new Violation("asOf", "must be a date yyyy-MM-dd, was " + lookup.get("asOf")));
        }
        if (!violations.isEmpty()) {
            return CaseCheck.errors(violations);
        }
        return CaseCheck.tree(router.industryScope(hts.get(), asOf.get()));
    }
}
