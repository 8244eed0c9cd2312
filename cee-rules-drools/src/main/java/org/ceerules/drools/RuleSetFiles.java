package org.ceerules.drools;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.stream.Stream;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.kie.api.KieBase;

/**
 * Where a rule set's files come from: the embedded set in the jar, or a directory. Paths are
 * relative to the rule set's root, with {@code /} as separator ({@code data/regimes.csv}).
 * Immutable and thread-safe.
 *
 * <p>Every file of a rule set (the manifest, {@code VERSION}, the CSV and DRL files) is UTF-8.
 * A leading byte order mark (U+FEFF, bytes {@code EF BB BF}), which some editors write, is
 * <em>dropped</em>, not refused: it is no character of the text, and kept it would go into the
 * version every decision names, the first header of a table or the first line of a rule file.
 * Bytes that are not UTF-8 (a Latin-1 {@code é}) are a problem of the rule set, named with the
 * file and the line of the first bad byte, and reported with every other problem: {@link
 * #read(String, List)} records it and goes on with the text decoded leniently (U+FFFD in place of
 * the bad bytes), so that the other checks still run.
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

    /**
     * @return the file's text, without a leading byte order mark, or empty if it does not exist
     * @throws KnowledgeBaseException if the file is not UTF-8
     */
    abstract Optional<String> read(String path);

    /**
     * The file's text, without a leading byte order mark; where it is not UTF-8, the problem is
     * recorded (file and line of the first bad byte) and the text is decoded leniently.
     *
     * @return the text, or empty if the file does not exist
     */
    Optional<String> read(String path, List<KnowledgeBaseProblem> problems) {
        try {
            return read(path).map(RuleSetFiles::withoutBom);
        } catch (KnowledgeBaseException e) {
            problems.addAll(e.problems());
            return bytes(path).map(b -> decode(path, b, new ArrayList<>()));
        }
    }

    /** @return the file's bytes, or empty if it does not exist; by default its text as UTF-8 */
    Optional<byte[]> bytes(String path) {
        return read(path).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Bytes that strict reading decodes: the text, or throws the problem of the first bad byte. */
    private static String strict(String path, byte[] bytes) {
        List<KnowledgeBaseProblem> problems = new ArrayList<>();
        String text = decode(path, bytes, problems);
        if (!problems.isEmpty()) {
            throw new KnowledgeBaseException(problems);
        }
        return text;
    }

    /**
     * Decodes UTF-8, dropping a leading byte order mark. Where a byte does not start or continue a
     * character, records a problem at its line and decodes the rest leniently.
     */
    static String decode(String path, byte[] bytes, List<KnowledgeBaseProblem> problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return out.flip().toString();
        }
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.add(new KnowledgeBaseProblem(path, line, String.format(Locale.ROOT,
                "not UTF-8: byte 0x%02X (column %d of the line, in bytes) does not start or continue a character; "
                        + "save the file as UTF-8", bytes[bad] & 0xFF, bad - lineStart + 1)));
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /**
     * @return the knowledge base of these files as the build compiled it, if it did (the embedded
     *         rule set, or a directory whose DRL is the embedded DRL byte for byte: {@link
     *         PrecompiledMatch}); empty, the DRL is compiled when the rule set is loaded
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
                return bytes(path).map(b -> strict(path, b));
            }

            @Override
            Optional<byte[]> bytes(String path) {
                try (InputStream in = RuleSetFiles.class.getClassLoader().getResourceAsStream(EMBEDDED_ROOT + path)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
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
                return bytes(path).map(b -> strict(path, b));
            }

            @Override
            Optional<KieBase> precompiled() {
                return PrecompiledMatch.of(this);
            }

            @Override
            Optional<byte[]> bytes(String path) {
                Path file = base.resolve(path).normalize();
                if (!file.startsWith(base) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        };
    }
}
