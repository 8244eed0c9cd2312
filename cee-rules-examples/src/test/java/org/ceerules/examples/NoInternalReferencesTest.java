package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product cites public sources only. Users have none of the team's internal documents (the
 * numbered source notes the rule book was first written from, the rule book and the design file
 * themselves, the shared folder they live in, the issue tracker), so no file of the repository may
 * mention them: a source is cited by its bibliography id and section ({@code tpd-2013, Drawback}),
 * a design choice is said in plain words (or in {@code docs/decisions.md}).
 *
 * <p>Walks the repository from its root (the folder above the working directory that holds both
 * {@code pom.xml} and {@code cee-rules-api}), skipping {@code .git}, every {@code target} folder,
 * Jazzer's uncommitted {@code .cifuzz-corpus} and binary files (any holding a NUL byte), and fails
 * naming every file and line that mentions an internal document. The patterns are written so that
 * this file does not match them, so it is checked like any other.
 *
 * <p>The one exception: the shared routing cases are read from the folder next to the clone by
 * {@code .ci/run} (which says so) and by {@code CaseFolders}, the test helper that finds them.
 */
class NoInternalReferencesTest {

    /** Where the shared folder's cases may be named: the CI script and the test that reads them. */
    private static final Set<String> MAY_NAME_THE_SHARED_CASES = Set.of(
            ".ci/run", "cee-rules-json/src/test/java/org/ceerules/testing/CaseFolders.java");

    /** Folders never read: git's store, build output, the fuzzer's uncommitted corpus. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", ".cifuzz-corpus");

    /** A mention of an internal document, with what it is. */
    private record Kind(String what, Pattern pattern) {

        static Kind of(String what, String regex) {
            return new Kind(what, Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    private static final Kind SHARED_CASES = Kind.of("a path into the shared folder",
            "shared/(?:cases|seeds|domain|design)");

    /** Every kind of mention; none of these regular expressions matches its own text. */
    private static final List<Kind> KINDS = List.of(
            Kind.of("a numbered source note", "\\bseed[ _-]?0[0-9]{2}"),
            Kind.of("the source notes", "\\bseed\\s+files?\\b"),
            Kind.of("the rule book", "\\bdomain[.]md\\b"),
            Kind.of("a section of the rule book", "\\bdomain\\s+sections?\\b"),
            Kind.of("the design file", "\\bdesign[.]md\\b"),
            Kind.of("a section of the design file", "\\bdesign\\s+sections?\\b"),
            SHARED_CASES,
            Kind.of("an issue number", "[(]\\s*issues?\\s+#?[0-9]+"),
            // "issue" and a number make a tracker reference, unless the word is a verb: an auxiliary or
            // "to" before it says so ("CBP may issue 2 rulings")
            Kind.of("an issue number", "(?<!\\b(?:to|will|may|can|shall|must|would|should|could|did|does|not) )"
                    + "\\bissues?\\s+#?[0-9]+"));

    @Test
    void noFileMentionsAnInternalDocument() throws IOException {
        Path root = projectRoot();
        List<String> hits = new ArrayList<>();
        for (Path file : textFiles(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                for (Kind kind : KINDS) {
                    if (kind == SHARED_CASES && MAY_NAME_THE_SHARED_CASES.contains(name)) {
                        continue;
                    }
                    Matcher m = kind.pattern().matcher(line);
                    if (m.find()) {
                        hits.add(name + ":" + (i + 1) + ": " + kind.what() + " (\"" + m.group() + "\"): "
                                + abbreviated(line.strip()));
                        break;
                    }
                }
            }
        }
        assertThat(hits)
                .withFailMessage(() -> hits.size() + " mention(s) of internal documents; cite the public "
                        + "bibliography by id and section, or say it in plain words:\n" + String.join("\n", hits))
                .isEmpty();
    }

    /** Mentions the patterns must catch (assembled here so that this file itself holds none). */
    static Stream<String> internalMentions() {
        String seed = "seed";
        return Stream.of(
                "CEE processing procedures v1.3 (" + seed + " 002), Drawback",
                "see " + seed + "-000",
                "from the " + seed + " files",
                "../shared/" + "DOMAIN" + ".md section 1",
                "DOMAIN" + " section 4 (drawback)",
                "the request of " + "DESIGN" + " section 4",
                "DESIGN" + ".md",
                "regression (" + "issue" + " 6)",
                "issues" + " 3 and 4",
                "tracked as " + "issue" + " #12",
                "../shared/" + "cases/every-bad-field-named.json");
    }

    @ParameterizedTest
    @MethodSource("internalMentions")
    void thePatternsCatchInternalMentions(String text) {
        assertThat(KINDS).anyMatch(kind -> kind.pattern().matcher(text).find());
    }

    /** Ordinary words the patterns must leave alone. */
    static Stream<String> ordinaryText() {
        return Stream.of(
                "tpd-2013, Center Team Designation",
                "the importer's domain of business",
                "rejected, by design",
                "seeds and past crashes are the files under Inputs",
                "the work/seed.jsonl sample",
                "CBP may issue 2 rulings; the port will issue 3 notices",
                "the issue is settled by 19-cfr-101.1",
                "fr-2014-05115 (79 FR 13322)",
                "shared-cases-snapshot/README.md");
    }

    @ParameterizedTest
    @MethodSource("ordinaryText")
    void thePatternsLeaveOrdinaryTextAlone(String text) {
        assertThat(KINDS).noneMatch(kind -> kind.pattern().matcher(text).find());
    }

    /** @return the repository's root: the nearest folder up from here holding pom.xml and cee-rules-api */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("cee-rules-api"))) {
                return d;
            }
        }
        throw new AssertionError("no folder holding pom.xml and cee-rules-api above " + dir);
    }

    /** @return every regular file under {@code root} but those of the skipped folders and binary files, sorted */
    private static List<Path> textFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                Path name = dir.getFileName();
                return !dir.equals(root) && name != null && SKIPPED_FOLDERS.contains(name.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !isBinary(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static boolean isBinary(Path file) throws IOException {
        for (byte b : Files.readAllBytes(file)) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviated(String line) {
        return Optional.of(line).filter(l -> l.length() <= 160).orElseGet(() -> line.substring(0, 157) + "...");
    }
}
