package org.ceerules.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ceerules.json.JsonTree;

/**
 * One case of a rule author's case folder: a request (or a tariff number to look up) and what the
 * router must answer. The format is the one of the shared routing cases, with additions; see
 * {@code docs/maintaining-rules.md}:
 *
 * <pre>
 * { "name": "the file's name without .json",
 *   "source": "where the expected answer comes from",
 *   "request": { ... a request of the JSON contract ... },  (or "lookup": {"hts": "...", "asOf": "..."})
 *   "expect": {
 *     "center": "007" or null,
 *     "routes": { "FUNCTION": {"type": "CENTER", "code": "007", "rule": "optional rule name"} },
 *                 (an unknown key of a route or of an alternative is a problem of the format)
 *     "alternatives": { "FUNCTION": [ {"type": "PORT", "code": "2704"} ] },
 *     "rules": [ "rules that must fire" ],
 *     "errorFields": [ "fields the rejection must name" ]  (instead of center, routes ...)
 *   } }
 * </pre>
 *
 * <p>A case file that breaks the format is still a case: it fails, with {@link #problems()}
 * saying why, so that one bad file never hides the others. Immutable; the JSON trees it holds are
 * not copied and must not be changed.
 *
 * @param file     the case's file
 * @param name     the case's name: the file's name without {@code .json}
 * @param source   where the expected answer comes from
 * @param request  the request, as the JSON contract defines it; empty for a lookup case
 * @param lookup   {@code hts} and {@code asOf} of a lookup case; empty for a routing case
 * @param expect   the expectation, as above
 * @param problems what is wrong with the file's format; empty for a well-formed case
 * @since 0.2
 */
public record RoutingCase(Path file, String name, String source, Optional<Map<String, Object>> request,
                          Optional<Map<String, Object>> lookup, Map<String, Object> expect, List<String> problems) {

    private static final Set<String> TOP = Set.of("name", "source", "request", "lookup", "expect");
    private static final Set<String> EXPECT = Set.of("center", "routes", "alternatives", "rules", "errorFields");
    /** The keys of an expected route: its office and, optionally, the rule that must have routed it. */
    private static final Set<String> ROUTE = Set.of("type", "code", "rule");
    /** The keys of an expected alternative office. */
    private static final Set<String> ALTERNATIVE = Set.of("type", "code");

    /**
     * Validates that no component is null and copies the problems.
     *
     * @param file     the case's file
     * @param name     the case's name: the file's name without {@code .json}
     * @param source   where the expected answer comes from
     * @param request  the request, as the JSON contract defines it; empty for a lookup case
     * @param lookup   {@code hts} and {@code asOf} of a lookup case; empty for a routing case
     * @param expect   the expectation
     * @param problems what is wrong with the file's format; empty for a well-formed case
     * @throws NullPointerException if a component is null
     */
    public RoutingCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(expect, "expect");
        problems = List.copyOf(problems);
    }

    /**
     * Every case of a folder and its sub-folders ({@code *.json}), ordered by path.
     *
     * @param dir the folder
     * @return the cases
     * @throws IOException if the folder cannot be listed
     */
    public static List<RoutingCase> load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        }
        List<RoutingCase> cases = new ArrayList<>();
        for (Path file : files) {
            cases.add(read(file));
        }
        return cases;
    }

    /**
     * Reads one case file.
     *
     * @param file the file
     * @return the case; a file that is not a well-formed case yields a case with {@link #problems()}
     */
    @SuppressWarnings("unchecked")
    public static RoutingCase read(Path file) {
        String fileName = file.getFileName().toString();
        String expectedName = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        List<String> problems = new ArrayList<>();
        Map<String, Object> json;
        try {
            json = JsonTree.object(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            problems.add("not a JSON object: " + e.getMessage());
            return new RoutingCase(file, expectedName, "", Optional.empty(), Optional.empty(), Map.of(), problems);
        }
        json.keySet().stream().filter(k -> !TOP.contains(k)).sorted()
                .forEach(k -> problems.add("unknown field \"" + k + "\"; a case has " + sorted(TOP)));
        String name = text(json, "name", problems);
        if (name.isEmpty()) {
            name = expectedName;
        } else if (!name.equals(expectedName)) {
            problems.add("name \"" + name + "\" must be the file's name without .json, \"" + expectedName + "\"");
        }
        String source = text(json, "source", problems);
        Optional<Map<String, Object>> request = object(json, "request", problems);
        Optional<Map<String, Object>> lookup = object(json, "lookup", problems);
        if (request.isPresent() == lookup.isPresent()) {
            problems.add("a case has either a request or a lookup, not " + (request.isPresent() ? "both" : "neither"));
        }
        Map<String, Object> expect = object(json, "expect", problems).orElse(Map.of());
        if (!json.containsKey("expect")) {
            problems.add("expect is required");
        }
        checkExpect(expect, lookup.isPresent(), problems);
        return new RoutingCase(file, name, source, request, lookup, expect, problems);
    }

    private static void checkExpect(Map<String, Object> expect, boolean lookup, List<String> problems) {
        expect.keySet().stream().filter(k -> !EXPECT.contains(k)).sorted()
                .forEach(k -> problems.add("unknown field \"expect." + k + "\"; expect has " + sorted(EXPECT)));
        if (lookup) {
            if (!expect.containsKey("center") || expect.size() != 1) {
                problems.add("a lookup case expects a center (a team code, or null) and nothing else");
            }
        } else if (expect.containsKey("center") == expect.containsKey("errorFields")) {
            problems.add("expect has either center (with routes, alternatives, rules) or errorFields");
        } else if (expect.containsKey("errorFields") && expect.size() != 1) {
            problems.add("a case that expects errorFields expects nothing else");
        }
        Object center = expect.get("center");
        if (center != null && !(center instanceof String)) {
            problems.add("expect.center must be a team code or null");
        }
        checkMap(expect, "routes", true, problems);
        checkMap(expect, "alternatives", false, problems);
        checkStrings(expect, "rules", problems);
        checkStrings(expect, "errorFields", problems);
    }

    private static void checkMap(Map<String, Object> expect, String key, boolean offices, List<String> problems) {
        Object value = expect.get(key);
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("expect." + key + " must be an object: function name to " + (offices ? "office" : "offices"));
            return;
        }
        map.forEach((function, v) -> {
            boolean ok = offices ? v instanceof Map<?, ?> m && m.get("type") instanceof String
                    : v instanceof List<?> list && list.stream().allMatch(o -> o instanceof Map<?, ?> m
                    && m.get("type") instanceof String);
            if (!ok) {
                problems.add("expect." + key + "." + function + " must be " + (offices
                        ? "an office {\"type\": ..., \"code\": ...}" : "a list of offices"));
            } else if (offices) {
                unknownKeys((Map<?, ?>) v, "expect." + key + "." + function, ROUTE, "a route", problems);
            } else {
                List<?> list = (List<?>) v;
                for (int i = 0; i < list.size(); i++) {
                    unknownKeys((Map<?, ?>) list.get(i), "expect." + key + "." + function + "[" + i + "]",
                            ALTERNATIVE, "an alternative", problems);
                }
            }
        });
    }

    /** Names each key of an expected office that no check reads: a misspelt key never passes unread. */
    private static void unknownKeys(Map<?, ?> office, String path, Set<String> known, String what,
                                    List<String> problems) {
        office.keySet().stream().map(String::valueOf).filter(k -> !known.contains(k)).sorted()
                .forEach(k -> problems.add("unknown field \"" + path + "." + k + "\"; " + what + " has "
                        + sorted(known)));
    }

    private static void checkStrings(Map<String, Object> expect, String key, List<String> problems) {
        Object value = expect.get(key);
        if (value != null && !(value instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            problems.add("expect." + key + " must be a list of strings");
        }
    }

    private static String text(Map<String, Object> json, String key, List<String> problems) {
        Object value = json.get(key);
        if (value instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add(key + " is required: a non-empty string");
        return "";
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> object(Map<String, Object> json, String key, List<String> problems) {
        Object value = json.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?>) {
            return Optional.of((Map<String, Object>) value);
        }
        problems.add(key + " must be an object");
        return Optional.empty();
    }

    private static String sorted(Set<String> keys) {
        return keys.stream().sorted().toList().toString();
    }

    /** @return the request as one line of JSON, as a JSON Lines batch carries it; empty for a lookup case */
    public Optional<String> requestLine() {
        return request.map(JsonTree::write);
    }

    /** @return whether the request must be rejected */
    public boolean expectsErrors() {
        return expect.containsKey("errorFields");
    }

    @Override
    public String toString() {
        return name;
    }
}
