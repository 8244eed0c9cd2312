package org.ceerules.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.ceerules.api.FiredRule;
import org.ceerules.api.IndustryScope;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Violation;
import org.ceerules.json.JsonResultWriter;

/**
 * Compares an answer with a case's expectation and says every difference, as a rule author reads
 * it. Answers are JSON trees in the shape of the command line's output, so that the same check
 * serves answers of the API ({@link #tree(RoutingResult)}) and lines of the command line.
 *
 * <p>What is compared: the center; each listed route's office type and code, and its rule where
 * the case names one, with a non-empty rule and authority; each listed function's alternatives, as
 * a set; the rules that must fire (against {@code firedRules}, which {@code explain} gives); or,
 * for a case that expects errors, an error object naming at least those fields and no decision.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CaseCheck {

    private CaseCheck() {
    }

    /**
     * @param routingCase the case
     * @param answer      the answer: a decision or an error object, as a JSON tree
     * @return every difference, each as one sentence; empty when the answer is as expected
     */
    @SuppressWarnings("unchecked")
    public static List<String> differences(RoutingCase routingCase, Map<String, Object> answer) {
        List<String> differences = new ArrayList<>(routingCase.problems());
        if (!differences.isEmpty()) {
            return differences;
        }
        Map<String, Object> expect = routingCase.expect();
        if (routingCase.expectsErrors()) {
            if (!answer.containsKey("errors")) {
                differences.add("expected a rejection naming " + expect.get("errorFields") + ", got a decision");
                return differences;
            }
            Set<String> named = new TreeSet<>(errorFields(answer));
            for (String field : (List<String>) expect.get("errorFields")) {
                if (!named.contains(field)) {
                    differences.add("expected an error for " + field + ", the errors name " + named);
                }
            }
            return differences;
        }
        if (answer.containsKey("errors")) {
            differences.add("expected a decision, got errors " + answer.get("errors"));
            return differences;
        }
        if (!Objects.equals(expect.get("center"), answer.get("center"))) {
            differences.add("center: expected " + expect.get("center") + ", got " + answer.get("center"));
        }
        Map<String, Map<String, Object>> routes = byFunction(answer);
        ((Map<String, Object>) expect.getOrDefault("routes", Map.of())).forEach((function, expected) -> {
            Map<String, Object> route = routes.get(function);
            if (route == null) {
                differences.add(function + ": no such function in the decision");
                return;
            }
            Map<String, Object> office = (Map<String, Object>) expected;
            String want = office(office);
            String got = office((Map<String, Object>) route.get("office"));
            if (!want.equals(got)) {
                differences.add(function + ": expected " + want + ", got " + got + " by rule \"" + route.get("rule")
                        + "\"");
            }
            if (office.containsKey("rule") && !Objects.equals(office.get("rule"), route.get("rule"))) {
                differences.add(function + ": expected rule \"" + office.get("rule") + "\", got \"" + route.get("rule")
                        + "\"");
            }
            if (isBlank(route.get("rule")) || isBlank(route.get("authority"))) {
                differences.add(function + ": the route has no rule or no authority");
            }
        });
        ((Map<String, Object>) expect.getOrDefault("alternatives", Map.of())).forEach((function, expected) -> {
            Map<String, Object> route = routes.get(function);
            if (route == null) {
                differences.add(function + ": no such function in the decision");
                return;
            }
            Set<String> want = offices((List<Object>) expected);
            Set<String> got = offices((List<Object>) route.get("alternatives"));
            if (!want.equals(got)) {
                differences.add(function + " alternatives: expected " + want + ", got " + got);
            }
        });
        Set<String> fired = firedRules(answer);
        for (String rule : (List<String>) expect.getOrDefault("rules", List.of())) {
            if (!fired.contains(rule)) {
                differences.add("rule \"" + rule + "\" did not fire");
            }
        }
        return differences;
    }

    /**
     * A result of the API as the command line's {@code explain} writes it (the contract's own
     * encoding, {@link JsonResultWriter#explanationTree}); or the error object.
     *
     * @param result the result
     * @return the JSON tree
     */
    public static Map<String, Object> tree(RoutingResult result) {
        if (result instanceof RoutingResult.Rejected rejected) {
            return errors(rejected.violations());
        }
        return JsonResultWriter.explanationTree(((RoutingResult.Routed) result).decision());
    }

    /**
     * The answer of a lookup case: the center whose industry covers the number, or null.
     *
     * @param scope the row found, if any
     * @return the JSON tree
     */
    public static Map<String, Object> tree(java.util.Optional<IndustryScope> scope) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("center", scope.flatMap(IndustryScope::center).map(c -> c.teamCode()).orElse(null));
        return tree;
    }

    /**
     * Violations as the error object of the JSON contract.
     *
     * @param violations the violations
     * @return {@code {"errors": [{"field": ..., "message": ...}]}}
     */
    public static Map<String, Object> errors(List<Violation> violations) {
        return JsonResultWriter.errorsTree(violations);
    }

    /**
     * @param answer an answer as a JSON tree
     * @return the names of the rules it says fired ({@code firedRules} of {@code explain})
     */
    @SuppressWarnings("unchecked")
    public static Set<String> firedRules(Map<String, Object> answer) {
        Set<String> fired = new TreeSet<>();
        if (answer.get("firedRules") instanceof List<?> list) {
            for (Object f : list) {
                if (f instanceof Map<?, ?> map && map.get("rule") instanceof String rule) {
                    fired.add(rule);
                }
            }
        }
        return fired;
    }

    static Set<String> fired(RoutingResult result) {
        Set<String> fired = new TreeSet<>();
        if (result instanceof RoutingResult.Routed routed) {
            routed.decision().firedRules().stream().map(FiredRule::rule).forEach(fired::add);
        }
        return fired;
    }

    private static Map<String, Object> office(Office office) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", office.type().name());
        office.code().ifPresent(code -> map.put("code", code));
        return map;
    }

    /** An office as "TYPE CODE" or "TYPE (no code)". */
    private static String office(Map<String, Object> office) {
        return office == null ? "no office" : office.get("type") + " " + Objects.toString(office.get("code"), "(no code)");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> offices(List<Object> offices) {
        Set<String> set = new TreeSet<>();
        if (offices != null) {
            offices.forEach(o -> set.add(office((Map<String, Object>) o)));
        }
        return set;
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(Map<String, Object> answer) {
        Object errors = answer.get("errors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(e -> (String) ((Map<String, Object>) e).get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byFunction(Map<String, Object> decision) {
        Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
        if (decision.get("routes") instanceof List<?> list) {
            for (Object route : list) {
                Map<String, Object> map = (Map<String, Object>) route;
                routes.put((String) map.get("function"), map);
            }
        }
        return routes;
    }

    private static boolean isBlank(Object text) {
        return !(text instanceof String s) || s.isBlank();
    }
}
