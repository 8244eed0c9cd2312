package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the report's pages into a folder: {@code index.html}, {@code rules.html},
 * {@code timeline.html}, {@code hts.html}, {@code sources.html}, {@code cases.html} when cases
 * ran, and {@code style.css}. The folder must be new, empty, or hold an earlier report, whose
 * pages are replaced.
 */
final class Site {

    static final String STYLE = "style.css";
    private static final String CASES = "cases.html";

    private Site() {
    }

    /**
     * @param out  the folder
     * @param book what to show
     * @return the files written, by name
     * @throws IOException if the folder holds other files or cannot be written
     */
    static List<String> write(Path out, Book book) throws IOException {
        checkFolder(out);
        Files.createDirectories(out);
        Map<String, String> pages = pages(book);
        if (!pages.containsKey(CASES)) {
            // a page of an earlier report that ran cases would be out of date
            Files.deleteIfExists(out.resolve(CASES));
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(out.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
        return new ArrayList<>(pages.keySet());
    }

    /**
     * @param book what to show
     * @return the site's files by name, in the order of its pages: {@code index.html}, ..., and
     *         the style sheet last
     * @throws IOException if the style sheet cannot be read from the jar
     */
    static Map<String, String> pages(Book book) throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("index.html", index(book));
        pages.put("rules.html", CataloguePage.html(book));
        pages.put("timeline.html", TimelinePage.html(book));
        pages.put("hts.html", HtsPage.html(book));
        if (book.report().isPresent()) {
            pages.put(CASES, CasesPage.html(book));
        }
        pages.put("sources.html", SourcesPage.html(book));
        pages.put(STYLE, style());
        return pages;
    }

    /** A folder to write into: absent, empty, or one that holds an earlier report (its index says so). */
    private static void checkFolder(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new IOException(out + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        Path index = out.resolve("index.html");
        if (!Files.isRegularFile(index) || !Files.readString(index, StandardCharsets.UTF_8)
                .contains("<meta name=\"generator\" content=\"" + Html.GENERATOR + "\"/>")) {
            throw new IOException(out + " is not empty and holds no earlier report: give a new or empty folder");
        }
    }

    private static String style() throws IOException {
        try (InputStream in = Site.class.getResourceAsStream(STYLE)) {
            if (in == null) {
                throw new IOException(STYLE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8) + Rows.paletteStyle();
        }
    }

    private static String index(Book book) {
        StringBuilder body = new StringBuilder(16384);
        int rows = book.tables().values().stream().mapToInt(List::size).sum();
        body.append("<p class=\"summary\">Rule set <strong>").append(esc(book.version())).append("</strong>, ")
                .append(esc(book.origin())).append(": ").append(book.rules().size()).append(" rules, ")
                .append(book.sources().size()).append(" sources, ").append(book.tables().size())
                .append(" data files holding ").append(rows).append(" rows.</p>\n");
        book.report().ifPresent(report -> {
            long never = book.rules().stream().filter(r -> book.casesFiring(r.rule().name()).isEmpty()).count();
            body.append("<p class=\"summary ").append(report.failed() == 0 ? "passed" : "failed")
                    .append("\">Cases: <a href=\"cases.html\">").append(report.passed()).append(" passed, ")
                    .append(report.failed()).append(" failed</a>; ").append(book.rules().size() - never).append(" of ")
                    .append(book.rules().size()).append(" rules fired for some case");
            if (never > 0) {
                body.append(", <a class=\"uncovered\" href=\"cases.html#coverage\">").append(never)
                        .append(" for none</a>");
            }
            body.append(".</p>\n");
        });
        body.append("<h2>The pages</h2>\n<dl class=\"pages\">\n")
                .append("<dt><a href=\"rules.html\">Rules</a></dt><dd>Every rule, by layer: its sentence, certainty, "
                        + "citations, the data files it reads")
                .append(book.report().isPresent() ? " and the cases that make it fire" : "").append(".</dd>\n")
                .append("<dt><a href=\"timeline.html\">Timeline</a></dt><dd>Every dated row of the data files on a "
                        + "time axis, for the whole book and for each Center.</dd>\n")
                .append("<dt><a href=\"hts.html\">HTS scope</a></dt><dd>Which Center's industry covers each HTS "
                        + "chapter, confirmed rows apart from secondary and inferred ones.</dd>\n");
        if (book.report().isPresent()) {
            body.append("<dt><a href=\"cases.html\">Cases</a></dt><dd>Every case, passed or failed with its "
                    + "differences, and the rules no case makes fire.</dd>\n");
        }
        body.append("<dt><a href=\"sources.html\">Sources</a></dt><dd>The bibliography, and who cites each source."
                + "</dd>\n</dl>\n");
        body.append("<h2>The layers</h2>\n<p>A decision is reached in layers ordered by salience.</p>\n"
                + "<table><thead><tr><th>Layer</th><th>Salience</th><th>Rules</th><th>Files</th></tr></thead><tbody>\n");
        book.rules().stream().map(Book.Rule::layer).distinct().forEach(layer -> {
            List<Book.Rule> of = book.rules().stream().filter(r -> r.layer().equals(layer)).toList();
            body.append("<tr><td><a href=\"rules.html#layer-").append(Html.slug(layer)).append("\">").append(esc(layer))
                    .append("</a></td><td>").append(of.get(0).salience().isPresent()
                            ? String.valueOf(of.get(0).salience().getAsInt()) : "").append("</td><td>")
                    .append(of.size()).append("</td><td>")
                    .append(esc(String.join(", ", of.stream().map(r -> r.rule().file()).distinct().toList())))
                    .append("</td></tr>\n");
        });
        body.append("</tbody></table>\n");
        body.append("<h2>The data files</h2>\n<table><thead><tr><th>File</th><th>Rows</th><th>confirmed</th>"
                + "<th>secondary</th><th>inferred</th></tr></thead><tbody>\n");
        book.tables().forEach((file, table) -> {
            body.append("<tr><td><code>").append(esc(file)).append("</code></td><td>").append(table.size()).append("</td>");
            for (String status : Rows.STATUSES) {
                long n = table.stream().filter(r -> r.get("status").equals(status)).count();
                body.append("<td>").append(file.equals(Book.SOURCES) ? "" : String.valueOf(n)).append("</td>");
            }
            body.append("</tr>\n");
        });
        body.append("</tbody></table>\n");
        return Html.page("index.html", "The rule set " + book.version(), book.version(), book.origin(),
                book.report().isPresent(), body.toString());
    }
}
