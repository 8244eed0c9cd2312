package org.ceerules.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * Where a rule set's files come from: the embedded set in the jar, or a directory. Paths are
 * relative to the rule set's root, with {@code /} as separator ({@code data/regimes.csv}).
 * Immutable and thread-safe.
 */
abstract class RuleSetFiles {

    /** The embedded rule set's root on the class path. */
    static final String EMBEDDED_ROOT = "org/ceerules/rules/";
    /** The list of the embedded rule set's files (a jar cannot list a folder). */
    static final String MANIFEST = "ruleset.txt";

    /** @return where the files come from, for messages */
    abstract String describe();

    /** @return every file of the rule set, sorted; empty if the embedded set's manifest is missing */
    abstract Optional<List<String>> list();

    /** @return the file's text, or empty if it does not exist */
    abstract Optional<String> read(String path);

    /**
     * @return the knowledge base of these files as the build compiled it, if it did; empty, the
     *         DRL is compiled when the rule set is loaded
     */
    Optional<KieBase> precompiled() {
        return Optional.empty();
    }

    static RuleSetFiles embedded() {
        return new RuleSetFiles() {
            @Override
            String describe() {
                return "the embedded rule set (classpath:" + EMBEDDED_ROOT + ")";
            }

            @Override
            Optional<List<String>> list() {
                Optional<String> manifest = read(MANIFEST);
                if (manifest.isEmpty()) {
                    return Optional.empty();
                }
                List<String> files = new ArrayList<>();
                for (String line : manifest.get().split("\n")) {
                    String file = line.strip();
                    if (!file.isEmpty() && !file.startsWith("#")) {
                        files.add(file);
                    }
                }
                return Optional.of(files.stream().sorted().toList());
            }

            @Override
            Optional<String> read(String path) {
                try (InputStream in = RuleSetFiles.class.getClassLoader().getResourceAsStream(EMBEDDED_ROOT + path)) {
                    return in == null ? Optional.empty()
                            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + EMBEDDED_ROOT + path, e);
                }
            }

            @Override
            Optional<KieBase> precompiled() {
                return PrecompiledRules.load(RuleSetFiles.class.getClassLoader());
            }
        };
    }

    static RuleSetFiles directory(Path root) {
        Path base = root.toAbsolutePath().normalize();
        return new RuleSetFiles() {
            @Override
            String describe() {
                return "the rule set in " + base;
            }

            @Override
            Optional<List<String>> list() {
                try (Stream<Path> files = Files.walk(base)) {
                    return Optional.of(files.filter(Files::isRegularFile)
                            .map(p -> base.relativize(p).toString().replace('\\', '/'))
                            .sorted()
                            .toList());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + base, e);
                }
            }

            @Override
            Optional<String> read(String path) {
                Path file = base.resolve(path).normalize();
                if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        };
    }
}
