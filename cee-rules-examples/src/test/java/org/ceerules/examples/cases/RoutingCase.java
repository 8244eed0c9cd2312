package org.ceerules.examples.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ceerules.examples.JsonTree;

/**
 * One routing case of the shared format (see {@code shared/cases/README.md}): a request and what
 * the router must answer.
 *
 * @param file    the case's file
 * @param name    the case's name, which is the file's name without {@code .json}
 * @param source  where the expected answer comes from
 * @param request the request, exactly as DESIGN section 4 defines it
 * @param expect  {@code center}, {@code routes} and {@code alternatives}, or {@code errorFields}
 */
public record RoutingCase(Path file, String name, String source, Map<String, Object> request,
                          Map<String, Object> expect) {

    /**
     * Every case of a folder, in file-name order.
     *
     * @param dir the folder
     * @return the cases
     */
    @SuppressWarnings("unchecked")
    public static List<RoutingCase> load(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .map(file -> {
                        Map<String, Object> json = JsonTree.object(read(file));
                        return new RoutingCase(file, (String) json.get("name"), (String) json.get("source"),
                                (Map<String, Object>) json.get("request"), (Map<String, Object>) json.get("expect"));
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the request as one line of JSON, as a JSON Lines batch carries it */
    public String requestLine() {
        return JsonTree.write(request);
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
