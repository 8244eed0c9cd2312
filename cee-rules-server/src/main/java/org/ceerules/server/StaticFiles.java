package org.ceerules.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The pages and their files: the class path folder {@value #FOLDER}, read once and kept. Only a
 * file whose name has an extension of {@link #TYPES} is served, so no folder and nothing of
 * another kind is; a path is a sequence of names of letters, digits, dots, dashes and underscores,
 * none starting with a dot, so no path leaves the folder.
 *
 * <p>Thread-safe.
 */
final class StaticFiles {

    /** The class path folder served at {@code /}. */
    static final String FOLDER = "/org/ceerules/server/web/";

    /** The page at {@code /}. */
    static final String INDEX = "index.html";
    /** The page at {@code /centers/{code}}, when the folder has it; else {@link #INDEX}. */
    static final String CENTER = "center.html";

    /** The content type of each extension served. */
    static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));

    private static final Pattern PATH = Pattern.compile("(?:/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){1,8}");

    /** A file: its bytes and content type. */
    record File(byte[] bytes, String contentType) {
    }

    private final ClassLoader loader;
    /** The files found, kept (a path not found is not kept: the paths asked for are the clients' to choose). */
    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** @param loader where the folder is */
    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * @param path the path asked for, such as {@code /index.html} or {@code /css/site.css}
     * @return the file, or empty where there is none to serve
     */
    Optional<File> find(String path) {
        if (!PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        File kept = files.get(path);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<File> found = read(path, type);
        found.ifPresent(file -> files.putIfAbsent(path, file));
        return found;
    }

    /**
     * @param texts files by name, each a text (UTF-8)
     * @return the files by name, each with the content type of its extension
     * @throws IllegalArgumentException if a name is not a file name of letters, digits, dots, dashes
     *                                  and underscores with an extension of {@link #TYPES}
     */
    static Map<String, File> texts(Map<String, String> texts) {
        Map<String, File> files = new java.util.HashMap<>();
        texts.forEach((name, text) -> {
            int dot = name.lastIndexOf('.');
            String type = dot < 1 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (type == null || !PATH.matcher("/" + name).matches() || name.contains("/")) {
                throw new IllegalArgumentException("not a file name to serve: " + name);
            }
            files.put(name, new File(text.getBytes(StandardCharsets.UTF_8), type));
        });
        return Map.copyOf(files);
    }

    private Optional<File> read(String path, String type) {
        String resource = FOLDER.substring(1) + path.substring(1);
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new File(in.readAllBytes(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
