package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ceerules.api.Source;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/sources.md} is the bibliography of the embedded rule set ({@code data/sources.csv})
 * for people: a short introduction, then one row per source. This test writes the page from the
 * bibliography and, by default, fails when the committed page differs from what it would write,
 * saying how to regenerate it; with {@code -Dcee.docs.regenerate=true} it writes the page instead.
 *
 * <pre>
 * mvn -B -ntp -pl cee-rules-drools -am test -Dtest=SourcesDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dcee.docs.regenerate=true
 * </pre>
 */
class SourcesDocTest {

    /** The page, relative to the repository's root. */
    static final String PAGE = "docs/sources.md";

    /** The property that makes this test write the page rather than check it. */
    static final String REGENERATE = "cee.docs.regenerate";

    /** How to regenerate the page, as the failure message and the page itself say it. */
    static final String HOW_TO_REGENERATE =
            "mvn -B -ntp -pl cee-rules-drools -am test -Dtest=SourcesDocTest -Dsurefire.failIfNoSpecifiedTests=false -D"
                    + REGENERATE + "=true";

    private static final String INTRO = """
            # Sources

            The bibliography of the rule set: every public text that a rule or a row of reference data
            rests on, one entry per source. It is the file
            `cee-rules-drools/src/main/resources/org/ceerules/rules/data/sources.csv`; this page is
            generated from it (see the end of the page).

            **How rules and rows cite it.** Each rule of the DRL files names its sources in
            `@cite("id", "pinpoint")` lines, the pinpoint (a section, a paragraph, a page) being optional:
            `@cite("tpd-2013", "Drawback")`, `@cite("19-cfr-101.10", "(b)")`, `@cite("csms-49358330")`.
            A rule that is our reading of its sources rather than what they say adds
            `@certainty("inferred")`. Each row of a data file has a `source` column of ids, each with an
            optional pinpoint after a comma, separated by `;`
            (`tpd-2013, United States Virgin Islands; 19-cfr-101.1`), a `status` (`confirmed`,
            `secondary` or `inferred`) and a `note` that says why, in plain words, where the status is
            not `confirmed`. A rule set whose rules or rows cite an id that is not here, or that lists a
            source nothing cites, does not load.

            **Official and secondary.** A source is `official` when its entry points at the issuer's own
            text (CBP, the Federal Register, the eCFR, the Census Bureau), `secondary` when it is a report
            or a copy by someone else: trade press, law firms, blogs, and CBP texts known only from a copy
            a third party hosts (the entry then points at that copy). A rule or row may be `confirmed`
            only when one of its sources is official; one that rests on secondary sources alone is at
            most `secondary`, and `inferred` is for readings no source settles.

            **In a decision.** Every route, and the decision's `jurisdiction`, carries `citations`
            (`[{"source":"tpd-2013","pinpoint":"Drawback"}]`) and a `certainty`: the weakest of what it
            rests on (its rule, the data rows it used, and the jurisdiction it follows). `explain` adds
            `sources`, every source the decision cites, in full.

            **Listing it.** `cee-rules sources` writes the bibliography as JSON Lines, one source per
            line (`id`, `title`, `issuer`, `date`, `citation`, `url`, `kind`); `--rules DIR` lists the
            bibliography of the rule set in DIR. In the API: `Router.sources()`.

            A date is the date of publication (`yyyy-MM-dd`, or `yyyy-MM` or `yyyy` where only that is
            known); for a section of 19 CFR, the date it was last amended as far as known; for an
            undated page, the year of the edition cited.
            """;

    @Test
    void thePageIsTheBibliography() throws IOException {
        Path page = repositoryRoot().resolve(PAGE);
        String expected = render(EmbeddedRouter.ROUTER.sources());
        if (Boolean.getBoolean(REGENERATE)) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, expected, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.isRegularFile(page)) {
            fail(PAGE + " is missing; write it from the bibliography with:\n  " + HOW_TO_REGENERATE);
        }
        String actual = Files.readString(page, StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertThat(actual)
                .withFailMessage(() -> PAGE + " differs from the bibliography (data/sources.csv): it was edited "
                        + "by hand, or the bibliography changed since it was written. Regenerate it with:\n  "
                        + HOW_TO_REGENERATE + "\nand commit it. First difference: " + firstDifference(actual, expected))
                .isEqualTo(expected);
    }

    @Test
    void thePageHasOneRowPerSource() {
        List<Source> sources = EmbeddedRouter.ROUTER.sources();
        String page = render(sources);
        assertThat(sources).isNotEmpty();
        for (Source source : sources) {
            assertThat(page).contains("| `" + source.id() + "` |").contains("(" + source.url() + ")");
        }
    }

    @Test
    void cellsKeepTheTableWhole() {
        assertThat(cell("a | b *c* [d]")).isEqualTo("a \\| b \\*c\\* \\[d\\]");
    }

    /**
     * @param sources the bibliography, in its order (by id)
     * @return the page: the introduction, the table of sources, how the page is made
     */
    static String render(List<Source> sources) {
        long official = sources.stream().filter(s -> s.kind() == Source.Kind.OFFICIAL).count();
        StringBuilder page = new StringBuilder(INTRO);
        page.append('\n')
                .append("## The ").append(sources.size()).append(" sources\n\n")
                .append(official).append(" official, ").append(sources.size() - official)
                .append(" secondary; ordered by id.\n\n")
                .append("| id | citation | title | issuer | date | kind | link |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Source source : sources) {
            page.append("| `").append(source.id()).append("` | ")
                    .append(cell(source.citation())).append(" | ")
                    .append(cell(source.title())).append(" | ")
                    .append(cell(source.issuer())).append(" | ")
                    .append(source.date()).append(" | ")
                    .append(source.kind().label()).append(" | ")
                    .append('[').append(cell(host(source.url()))).append("](").append(source.url()).append(") |\n");
        }
        page.append('\n')
                .append("Generated from `data/sources.csv` by `SourcesDocTest` (module `cee-rules-drools`), which\n")
                .append("fails the build when this page and the bibliography differ. After changing the bibliography,\n")
                .append("regenerate the page and commit it:\n\n")
                .append("```sh\n").append(HOW_TO_REGENERATE).append("\n```\n");
        return page.toString();
    }

    /** @return the text, with the characters that Markdown would read in a table cell escaped */
    static String cell(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\|*_`[]<>".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return escaped.toString();
    }

    /** @return the host of an https address, the link's text */
    private static String host(String url) {
        return URI.create(url).getHost();
    }

    /** @return where two texts first differ: the line number and both lines */
    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String left = i < a.length ? a[i] : "(end of file)";
            String right = i < e.length ? e[i] : "(end of file)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + "\n  committed: " + left + "\n  expected:  " + right;
            }
        }
        return "none line by line (line ends or a final newline)";
    }

    /** @return the repository's root: the nearest folder up from here holding pom.xml and cee-rules-api */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("cee-rules-api"))) {
                return d;
            }
        }
        throw new AssertionError("no folder holding pom.xml and cee-rules-api above " + dir);
    }
}
