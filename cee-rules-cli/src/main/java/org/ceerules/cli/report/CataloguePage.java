package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ceerules.api.Citation;
import org.ceerules.api.KnowledgeBaseRule;

/**
 * The catalogue: every rule of the knowledge base, by layer, with its sentence (its name, as
 * decisions cite it), the comment written above it, its file and line, its certainty, its
 * citations linked to the bibliography, the data files it reads and the cases that made it fire.
 */
final class CataloguePage {

    /** What each layer does (docs/maintaining-rules.md, "The layers"). */
    private static final java.util.Map<String, String> LAYER_TEXT = java.util.Map.of(
            "EVIDENCE", "Claims say a Center may have the entry; exceptions say why it may not; drawback rules "
                    + "say where drawback claims go. They only add facts.",
            "SURVIVAL", "Where exceptions apply, a claim survives unless one reaches it.",
            "JURISDICTION", "The surviving claim of highest precedence names the Center; without one, the exception "
                    + "of highest precedence names where the work goes; without either, the port keeps the entry.",
            "ROUTING", "One route per trade function, from the jurisdiction.");

    private CataloguePage() {
    }

    static String html(Book book) {
        StringBuilder body = new StringBuilder(131072);
        List<Book.Rule> rules = book.rules();
        body.append("<p>The ").append(rules.size()).append(" rules of ").append(esc(book.origin()))
                .append(", in the order a decision is reached: by layer (salience), then file and line. A rule's "
                        + "name is the sentence every decision cites as <code>rule</code>. ");
        if (book.report().isPresent()) {
            long never = rules.stream().filter(r -> book.casesFiring(r.rule().name()).isEmpty()).count();
            body.append("The last column names the cases that made each rule fire; ");
            if (never == 0) {
                body.append("every rule fired for some case.");
            } else {
                body.append("<a class=\"uncovered\" href=\"cases.html#coverage\">").append(never)
                        .append(" rule(s) fired for no case</a>, in red.");
            }
        } else {
            body.append("Run <code>cee-rules report --cases DIR</code> to see which cases make each rule fire.");
        }
        body.append("</p>\n<nav class=\"toc\"><ul>");
        List<String> layers = rules.stream().map(Book.Rule::layer).distinct().toList();
        for (String layer : layers) {
            long n = rules.stream().filter(r -> r.layer().equals(layer)).count();
            body.append("<li><a href=\"#layer-").append(Html.slug(layer)).append("\">").append(esc(layer)).append(" (")
                    .append(n).append(")</a></li>");
        }
        body.append("</ul></nav>\n");
        for (String layer : layers) {
            List<Book.Rule> of = rules.stream().filter(r -> r.layer().equals(layer)).toList();
            body.append("<section id=\"layer-").append(Html.slug(layer)).append("\"><h2>").append(esc(layer));
            of.get(0).salience().ifPresent(s -> body.append(" <span class=\"salience\">salience ").append(s)
                    .append("</span>"));
            body.append("</h2>\n");
            String text = LAYER_TEXT.get(layer);
            if (text != null) {
                body.append("<p>").append(esc(text)).append("</p>\n");
            }
            body.append("<table class=\"catalogue\"><thead><tr><th>Rule</th><th>Layer</th><th>Certainty</th>"
                    + "<th>Citations</th><th>Reads</th><th>Cases that fire it</th></tr></thead><tbody>\n");
            for (Book.Rule rule : of) {
                row(body, book, rule);
            }
            body.append("</tbody></table></section>\n");
        }
        return Html.page("rules.html", "Rules catalogue", book.version(), book.origin(), book.report().isPresent(),
                body.toString());
    }

    private static void row(StringBuilder body, Book book, Book.Rule entry) {
        KnowledgeBaseRule rule = entry.rule();
        List<Book.Case> cases = book.casesFiring(rule.name());
        boolean uncovered = book.report().isPresent() && cases.isEmpty();
        body.append("<tr id=\"").append(entry.anchor()).append('"').append(uncovered ? " class=\"uncovered\"" : "")
                .append("><td><p class=\"rule-name\">").append(esc(rule.name())).append("</p>");
        if (!entry.description().isEmpty()) {
            body.append("<p class=\"desc\">").append(esc(entry.description())).append("</p>");
        }
        body.append("<p class=\"where\"><code>").append(esc(rule.file() + ":" + rule.line())).append("</code></p></td>");
        body.append("<td>").append(esc(entry.layer())).append("</td>");
        body.append("<td>").append(Rows.status(rule.certainty().label())).append("</td>");
        body.append("<td><ul class=\"plain\">");
        for (Citation citation : rule.citations()) {
            body.append("<li>").append(Html.cite(book.source(citation.source()), citation.source(),
                    citation.pinpoint().orElse(""), "sources.html")).append("</li>");
        }
        body.append("</ul></td><td>");
        if (entry.dataFiles().isEmpty()) {
            body.append("<span class=\"none\">the request and the facts of earlier layers</span>");
        } else {
            body.append(entry.dataFiles().stream().map(f -> "<code>" + esc(f) + "</code>")
                    .collect(Collectors.joining("<br/>")));
        }
        body.append("</td><td>");
        if (book.report().isEmpty()) {
            body.append("<span class=\"none\">no cases run</span>");
        } else if (uncovered) {
            body.append("<span class=\"uncovered\">no case fires this rule</span>");
        } else {
            body.append(caseList(cases));
        }
        body.append("</td></tr>\n");
    }

    /** The cases as links; past a few, folded in a {@code <details>} element. */
    static String caseList(List<Book.Case> cases) {
        String links = cases.stream().map(c -> "<li><a href=\"cases.html#" + c.anchor() + "\">"
                + esc(c.outcome().name()) + "</a></li>").collect(Collectors.joining());
        if (cases.size() <= 4) {
            return "<ul class=\"plain\">" + links + "</ul>";
        }
        return "<details><summary>" + cases.size() + " cases</summary><ul class=\"plain\">" + links
                + "</ul></details>";
    }

    /** The names of the rules as links to the catalogue, where the catalogue has them. */
    static String ruleLinks(Book book, Set<String> names, String page) {
        return names.stream().sorted().map(name -> book.rule(name)
                        .map(r -> "<li><a href=\"" + page + "#" + r.anchor() + "\">" + esc(name) + "</a></li>")
                        .orElse("<li>" + esc(name) + "</li>"))
                .collect(Collectors.joining("", "<ul class=\"plain\">", "</ul>"));
    }
}
