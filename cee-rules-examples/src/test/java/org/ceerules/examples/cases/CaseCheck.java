package org.ceerules.examples.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Violation;

/**
 * Compares an answer with a case's expectation, as the shared cases' README says: the center;
 * each listed route's office type and code, with a non-empty rule and authority; the listed
 * alternatives as a set; or, for a case that expects errors, an error object naming at least
 * those fields and no decision. Answers are JSON trees in the shape of the CLI's output; answers
 * of the API are put in that shape by {@link #tree(RoutingResult)} from the records, without the
 * JSON writer.
 */
public final class CaseCheck {

    private CaseCheck() {
    }

    /**
     * Checks one answer, collecting every difference before failing.
     *
     * @param routingCase the case
     * @param actual      the answer: a decision or an error object, as JSON trees
     * @param where       what gave the answer, for the failure message ("API", "CLI line 3")
     */
    @SuppressWarnings("unchecked")
    public static void verify(RoutingCase routingCase, Map<String, Object> actual, String where) {
        SoftAssertions softly = new SoftAssertions();
        String label = routingCase.name() + " through the " + where;
        Map<String, Object> expect = routingCase.expect();
        if (routingCase.expectsErrors()) {
            softly.assertThat(actual).as("%s: an error object, no decision", label)
                    .containsKey("errors").doesNotContainKey("routes");
            softly.assertThat(errorFields(actual)).as("%s: the fields named", label)
                    .containsAll((List<String>) expect.get("errorFields"));
            softly.assertAll();
            return;
        }
        softly.assertThat(actual).as("%s: a decision, got %s", label, actual).containsKey("routes")
                .doesNotContainKey("errors");
        if (!actual.containsKey("routes")) {
            softly.assertAll();
            return;
        }
        softly.assertThat(actual.get("center")).as("%s: center", label).isEqualTo(expect.get("center"));
        Map<String, Map<String, Object>> routes = byFunction(actual);
        Map<String, Object> expectedRoutes = (Map<String, Object>) expect.getOrDefault("routes", Map.of());
        expectedRoutes.forEach((function, office) -> {
            Map<String, Object> route = routes.get(function);
            softly.assertThat(route).as("%s: route of %s", label, function).isNotNull();
            if (route == null) {
                return;
            }
            Map<String, Object> expectedOffice = (Map<String, Object>) office;
            Map<String, Object> actualOffice = (Map<String, Object>) route.get("office");
            softly.assertThat(actualOffice.get("type")).as("%s: %s office type", label, function)
                    .isEqualTo(expectedOffice.get("type"));
            softly.assertThat(actualOffice.get("code")).as("%s: %s office code", label, function)
                    .isEqualTo(expectedOffice.get("code"));
            softly.assertThat((String) route.get("rule")).as("%s: %s rule", label, function).isNotBlank();
            softly.assertThat((String) route.get("authority")).as("%s: %s authority", label, function).isNotBlank();
        });
        Map<String, Object> expectedAlternatives = (Map<String, Object>) expect.getOrDefault("alternatives", Map.of());
        expectedAlternatives.forEach((function, alternatives) -> {
            Map<String, Object> route = routes.get(function);
            softly.assertThat(route).as("%s: route of %s", label, function).isNotNull();
            if (route != null) {
                softly.assertThat(offices((List<Object>) route.get("alternatives")))
                        .as("%s: %s alternatives", label, function)
                        .isEqualTo(offices((List<Object>) alternatives));
            }
        });
        softly.assertAll();
    }

    /** The API's answer in the shape of the CLI's JSON: center, routes with offices, or errors. */
    public static Map<String, Object> tree(RoutingResult result) {
        if (result instanceof RoutingResult.Rejected rejected) {
            return errors(rejected.violations());
        }
        RoutingDecision decision = ((RoutingResult.Routed) result).decision();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("entryNumber", decision.entryNumber());
        tree.put("center", decision.center().map(c -> c.teamCode()).orElse(null));
        List<Object> routes = new ArrayList<>();
        for (Route route : decision.routes()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("function", route.function().name());
            map.put("office", office(route.office()));
            map.put("alternatives", route.alternatives().stream().map(CaseCheck::office).toList());
            map.put("rule", route.rule());
            map.put("authority", route.authority());
            routes.add(map);
        }
        tree.put("routes", routes);
        return tree;
    }

    /** An exception of the JSON mapping or of the request's rules as an error object. */
    public static Map<String, Object> tree(InvalidRequestException e) {
        return errors(e.violations());
    }

    private static Map<String, Object> errors(List<Violation> violations) {
        return Map.of("errors", violations.stream()
                .map(v -> Map.<String, Object>of("field", v.field(), "message", v.message())).toList());
    }

    private static Map<String, Object> office(Office office) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", office.type().name());
        office.code().ifPresent(code -> map.put("code", code));
        return map;
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(Map<String, Object> answer) {
        Object errors = answer.get("errors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(e -> (String) ((Map<String, Object>) e).get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byFunction(Map<String, Object> decision) {
        Map<String, Map<String, Object>> routes = new LinkedHashMap<>();
        for (Object route : (List<Object>) decision.get("routes")) {
            Map<String, Object> map = (Map<String, Object>) route;
            routes.put((String) map.get("function"), map);
        }
        return routes;
    }

    /** Offices as a set of "TYPE CODE" strings. */
    @SuppressWarnings("unchecked")
    private static Set<String> offices(List<Object> offices) {
        Set<String> set = new HashSet<>();
        for (Object office : offices) {
            Map<String, Object> map = (Map<String, Object>) office;
            set.add(map.get("type") + " " + Objects.toString(map.get("code"), "(no code)"));
        }
        return set;
    }
}
