package org.ceerules.cli.report;

import static org.ceerules.cli.report.Html.esc;

import java.util.List;
import org.ceerules.testkit.CaseReport;

/**
 * The cases: whether each passed, what differed where it did not, the rules it made fire, and
 * the rule coverage, the rules no case makes fire in red.
 */
final class CasesPage {

    private CasesPage() {
    }

    static String html(Book book) {
        CaseReport report = book.report().orElseThrow();
        List<Book.Rule> never = book.rules().stream().filter(r -> book.casesFiring(r.rule().name()).isEmpty()).toList();
        StringBuilder body = new StringBuilder(131072);
        body.append("<p class=\"summary\"><strong>").append(report.passed()).append(" passed, ").append(report.failed())
                .append(" failed</strong> of ").append(report.outcomes().size()).append(" cases; ")
                .append(book.rules().size() - never.size()).append(" of ").append(book.rules().size())
                .append(" rules fired for some case.</p>\n");
        body.append("<nav class=\"toc\"><ul><li><a href=\"#coverage\">Rule coverage</a></li>"
                + "<li><a href=\"#outcomes\">Every case</a></li></ul></nav>\n");
        body.append("<section id=\"coverage\"><h2>Rule coverage</h2>\n");
        if (never.isEmpty()) {
            body.append("<p class=\"covered\">Every rule fired for some case.</p>\n");
        } else {
            body.append("<p>").append(never.size()).append(" rule(s) fired for no case: write a case that makes each "
                    + "fire (<code>test-cases --require-coverage</code> fails until then).</p>\n<ul class=\"uncovered\">");
            for (Book.Rule rule : never) {
                body.append("<li class=\"uncovered\"><a class=\"uncovered\" href=\"rules.html#").append(rule.anchor())
                        .append("\">").append(esc(rule.rule().name())).append("</a> <code>")
                        .append(esc(rule.rule().file() + ":" + rule.rule().line())).append("</code></li>\n");
            }
            body.append("</ul>\n");
        }
        body.append("</section>\n<section id=\"outcomes\"><h2>Every case</h2>\n");
        body.append("<table class=\"cases\"><thead><tr><th>Case</th><th>Result</th><th>Differences</th>"
                + "<th>Rules that fired</th></tr></thead><tbody>\n");
        for (Book.Case c : book.cases()) {
            CaseReport.Outcome outcome = c.outcome();
            String result = outcome.passed() ? "passed" : outcome.malformed() ? "malformed" : "failed";
            body.append("<tr id=\"").append(c.anchor()).append("\" class=\"").append(result).append("\"><td><p>")
                    .append(esc(outcome.name())).append("</p><p class=\"where\"><code>").append(esc(c.path()))
                    .append("</code></p></td><td><span class=\"result ").append(result).append("\">").append(result)
                    .append("</span></td><td>");
            if (outcome.differences().isEmpty()) {
                body.append("<span class=\"none\">none</span>");
            } else {
                body.append("<ul class=\"differences\">");
                outcome.differences().forEach(d -> body.append("<li>").append(esc(d)).append("</li>"));
                body.append("</ul>");
            }
            body.append("</td><td>");
            if (outcome.firedRules().isEmpty()) {
                body.append("<span class=\"none\">none (a lookup, a rejection or a malformed case)</span>");
            } else {
                body.append("<details><summary>").append(outcome.firedRules().size()).append(" rules</summary>")
                        .append(CataloguePage.ruleLinks(book, outcome.firedRules(), "rules.html")).append("</details>");
            }
            body.append("</td></tr>\n");
        }
        body.append("</tbody></table></section>\n");
        return Html.page("cases.html", "Cases", book.version(), book.origin(), true, body.toString());
    }
}
