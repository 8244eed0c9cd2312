package org.ceerules.testkit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * @since 0.1
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
     * Every case of a folder and its sub-folders ({@code *.json}), ordered by path. Nothing is
     * skipped silently: a {@code *.json} that is not a file that can be read (a directory, a pipe,
     * a broken link, a file without read permission, bytes that are not UTF-8) and a sub-folder
     * that cannot be listed are each a case with {@link #problems()} naming it, which fails.
     *
     * @param dir the folder
     * @return the cases
     * @throws IOException if the folder itself cannot be listed
     */
    public static List<RoutingCase> load(Path dir) throws IOException {
        List<RoutingCase> cases = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (!folder.equals(dir) && isCaseName(folder)) {
                    cases.add(unreadable(folder, "is a directory, not a case file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!isCaseName(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.isRegularFile(file)) {
                    cases.add(read(file));
                } else if (Files.isDirectory(file)) {
                    cases.add(unreadable(file, "is a link to a directory, not a case file"));
                } else if (!Files.exists(file)) {
                    cases.add(unreadable(file, "cannot be read: it is a link to nothing"));
                } else {
                    cases.add(unreadable(file, "is not a regular file (a pipe, a device or a socket)"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(dir)) {
                    throw e;
                }
                // a sub-folder that cannot be listed may hold cases: never passed over in silence
                cases.add(unreadable(file, "cannot be read: " + why(e)));
                return FileVisitResult.CONTINUE;
            }
        });
        cases.sort(Comparator.comparing(RoutingCase::file));
        return cases;
    }

    private static boolean isCaseName(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".json");
    }

    /** A case that fails with one problem: a path that holds no case that can be read. */
    private static RoutingCase unreadable(Path file, String problem) {
        return new RoutingCase(file, nameOf(file), "", Optional.empty(), Optional.empty(), Map.of(), List.of(problem));
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
    }

    /** Why a file cannot be read, in words: permission denied, no such file, or the exception's own message. */
    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Why bytes are not UTF-8: the first bad byte, by position from 1 and value; empty for strict UTF-8. */
    private static Optional<String> notUtf8(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, text, true);
        if (!result.isError()) {
            result = decoder.flush(text);
        }
        if (!result.isError()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "is not valid UTF-8: byte %d (0x%02X) does not start or continue "
                + "a character", in.position() + 1, bytes[in.position()] & 0xFF));
    }

    /**
     * Reads one case file.
     *
     * @param file the file
     * @return the case; a file that is not a well-formed case, or that cannot be read, yields a
     *         case with {@link #problems()}
     */
    @SuppressWarnings("unchecked")
    public static RoutingCase read(Path file) {
        String expectedName = nameOf(file);
        List<String> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return unreadable(file, "cannot be read: " + why(e));
        }
        Optional<String> notUtf8 = notUtf8(bytes);
        if (notUtf8.isPresent()) {
            return unreadable(file, notUtf8.get());
        }
        Map<String, Object> json;
        try {
            json = JsonTree.object(new String(bytes, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
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
