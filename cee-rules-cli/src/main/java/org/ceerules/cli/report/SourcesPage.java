package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ceerules.api.Citation;
import org.ceerules.api.Source;

/** The bibliography: every source, its address, and the rules and data rows that cite it. */
final class SourcesPage {

    private SourcesPage() {
    }

    static String html(Book book) {
        Map<String, List<Book.Rule>> rulesCiting = new LinkedHashMap<>();
        for (Book.Rule rule : book.rules()) {
            for (Citation citation : rule.rule().citations()) {
                List<Book.Rule> list = rulesCiting.computeIfAbsent(citation.source(), id -> new ArrayList<>());
                if (!list.contains(rule)) {
                    list.add(rule);
                }
            }
        }
        Map<String, Map<String, List<Integer>>> rowsCiting = new LinkedHashMap<>();
        book.tables().forEach((file, rows) -> rows.forEach(row -> row.sources().forEach(cite -> rowsCiting
                .computeIfAbsent(cite.id(), id -> new TreeMap<>()).computeIfAbsent(file, f -> new ArrayList<>())
                .add(row.line()))));
        StringBuilder body = new StringBuilder(65536);
        body.append("<p>The ").append(book.sources().size()).append(" public sources that the rules (<code>@cite</code>) "
                + "and the data rows (<code>source</code>) cite, from <code>").append(Book.SOURCES).append("</code>. ")
                .append("An <em>official</em> source is the issuer's own text; a <em>secondary</em> one is trade press, "
                        + "a law firm, or a copy of a CBP text a third party hosts.</p>\n");
        body.append("<table class=\"sources\"><thead><tr><th>Source</th><th>Issuer, date</th><th>Kind</th>"
                + "<th>Cited by</th></tr></thead><tbody>\n");
        for (Source source : book.sources().values()) {
            body.append("<tr id=\"src-").append(esc(source.id())).append("\"><td><p><code>").append(esc(source.id()))
                    .append("</code> · <strong>").append(esc(source.citation())).append("</strong></p><p>");
            String url = Html.url(source);
            if (url != null) {
                body.append("<a class=\"ext\" href=\"").append(esc(url)).append("\">").append(esc(source.title()))
                        .append("</a>");
            } else {
                body.append(esc(source.title()));
            }
            body.append("</p>");
            if (url != null) {
                body.append("<p class=\"url\">").append(esc(url)).append("</p>");
            }
            body.append("</td><td>").append(esc(source.issuer())).append("<br/>").append(esc(source.date()))
                    .append("</td><td>").append(esc(source.kind().label())).append("</td><td>");
            List<Book.Rule> rules = rulesCiting.getOrDefault(source.id(), List.of());
            if (!rules.isEmpty()) {
                body.append("<details><summary>").append(rules.size()).append(" rule(s)</summary><ul class=\"plain\">");
                rules.forEach(r -> body.append("<li><a href=\"rules.html#").append(r.anchor()).append("\">")
                        .append(esc(r.rule().name())).append("</a></li>"));
                body.append("</ul></details>");
            }
            Map<String, List<Integer>> rows = rowsCiting.getOrDefault(source.id(), Map.of());
            if (!rows.isEmpty()) {
                body.append("<ul class=\"plain\">");
                rows.forEach((file, lines) -> body.append("<li><code>").append(esc(file)).append("</code>: ")
                        .append(lines.size() == 1 ? "line " : "lines ")
                        .append(lines.stream().map(String::valueOf).collect(Collectors.joining(", "))).append("</li>"));
                body.append("</ul>");
            }
            if (rules.isEmpty() && rows.isEmpty()) {
                body.append("<span class=\"none\">the reference data of the library (Centers, team numbers, "
                        + "subject lines)</span>");
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody></table>\n");
        return Html.page("sources.html", "Sources", book.version(), book.origin(), book.report().isPresent(),
                body.toString());
    }
}
