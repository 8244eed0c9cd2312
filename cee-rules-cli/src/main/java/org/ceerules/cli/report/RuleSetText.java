package org.ceerules.cli.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rule set's files, as the report reads them: the DRL (where each rule is written,
 * its layer, what it reads) and the data files (the timelines and the HTS chart). The router has
 * already loaded and checked the same files, so the text is known to be sound.
 *
 * @param describe where the files come from, for the report's pages
 * @param files    each file's text by its path relative to the rule set's root ({@code data/regimes.csv})
 */
record RuleSetText(String describe, Map<String, String> files) {

    /** The embedded rule set's root on the class path, and the list of its files (a jar cannot list a folder). */
    private static final String ROOT = "org/ceerules/rules/";
    private static final String MANIFEST = "ruleset.txt";

    RuleSetText {
        files = Map.copyOf(files);
    }

    /** @return the text of a file, or empty text where the rule set has no such file */
    String text(String path) {
        return files.getOrDefault(path, "");
    }

    /** The embedded rule set, from the class path. */
    static RuleSetText embedded() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String line : resource(MANIFEST).split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                files.put(file, resource(file));
            }
        }
        return new RuleSetText("the embedded rule set", files);
    }

    /** The rule set in a directory: every regular file under it. */
    static RuleSetText directory(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            String name = base.relativize(path).toString().replace('\\', '/');
            if (name.endsWith(".drl") || name.endsWith(".csv") || name.equals("VERSION")) {
                files.put(name, withoutBom(Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        return new RuleSetText("the rule set in " + root, files);
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = RuleSetText.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IOException("classpath:" + ROOT + file + " is missing from the jar");
            }
            return withoutBom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
