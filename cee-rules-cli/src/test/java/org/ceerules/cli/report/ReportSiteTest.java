package org.ceerules.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceerules.cli.report.SiteCheck.elements;
import static org.ceerules.cli.report.SiteCheck.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ceerules.api.Citation;
import org.ceerules.api.KnowledgeBaseRule;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.Source;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testkit.CaseReport;
import org.ceerules.testkit.CaseRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code cee-rules report}: the site of the embedded rule set and the project's cases. Every page
 * is well-formed XHTML, every link resolves (a file of the site and an id of it, or an https
 * address of the bibliography), and each page shows what it says it shows: every rule with its
 * layer, citations, certainty, data files and cases; every dated row on the timelines; the HTS
 * scope by status; every case and the rules no case fires; the bibliography.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSiteTest {

    private static final List<String> PAGES = List.of("index.html", "rules.html", "timeline.html", "hts.html",
            "cases.html", "sources.html");
    private static final String DATA = "org/ceerules/rules/data/";

    private Path work;
    private Path site;
    private Router router;
    private CaseReport cases;

    @BeforeAll
    void writeTheSite(@TempDir Path temp) throws IOException {
        work = temp;
        site = work.resolve("site");
        router = Routers.defaultRouter();
        cases = CaseRunner.run(CaseFolders.project(), router);
        SiteCheck.Run run = SiteCheck.cli("report", "--cases", CaseFolders.project().toString(), "--out", site.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("cee-rules: wrote 7 files to " + site)
                .contains("cases: " + cases.passed() + " passed, 0 failed");
    }

    @Test
    void everyPageIsWellFormedXhtmlWithItsTitleAndTheNavigation() throws Exception {
        try (Stream<Path> files = Files.list(site)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(Stream.concat(PAGES.stream(), Stream.of("style.css")).toArray(String[]::new));
        }
        for (String name : PAGES) {
            Document page = parse(site.resolve(name));
            assertThat(elements(page, "title")).first().satisfies(t ->
                    assertThat(t.getTextContent()).endsWith(" · cee-rules " + router.rulesVersion()));
            assertThat(elements(page, "h1")).hasSize(1);
            assertThat(elements(page, "nav").get(0).getElementsByTagName("a").getLength()).isEqualTo(PAGES.size());
            assertThat(elements(page, "script")).as("no script").isEmpty();
            assertThat(elements(page, "link")).singleElement()
                    .satisfies(l -> assertThat(l.getAttribute("href")).isEqualTo("style.css"));
        }
    }

    @Test
    void everyLinkResolvesToAFileAndAnIdOfTheSiteOrToASourceOfTheBibliography() throws Exception {
        Set<String> bibliography = router.sources().stream().map(Source::url).collect(Collectors.toSet());
        assertThat(SiteCheck.checkLinks(site, bibliography)).isGreaterThan(1000);
        assertThat(SiteCheck.read(site.resolve("style.css"))).doesNotContain("url(").doesNotContain("@import");
    }

    @Test
    void theCatalogueShowsEveryRuleWithItsLayerCertaintyCitationsDataFilesAndCases() throws Exception {
        Document page = parse(site.resolve("rules.html"));
        Map<String, Element> rows = elements(page, "tr").stream().filter(tr -> tr.getAttribute("id").startsWith("rule-"))
                .collect(Collectors.toMap(tr -> cells(tr).get(0).getElementsByTagName("p").item(0).getTextContent(),
                        tr -> tr));
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(router.rules().stream()
                .map(KnowledgeBaseRule::name).toList());
        Set<String> never = cases.neverFired().stream().map(KnowledgeBaseRule::name).collect(Collectors.toSet());
        for (KnowledgeBaseRule rule : router.rules()) {
            Element tr = rows.get(rule.name());
            List<Element> cells = cells(tr);
            assertThat(cells.get(0).getTextContent()).contains(rule.file() + ":" + rule.line());
            assertThat(cells.get(1).getTextContent()).isIn("EVIDENCE", "SURVIVAL", "JURISDICTION", "ROUTING");
            assertThat(cells.get(2).getTextContent()).isEqualTo(rule.certainty().label());
            List<String> cites = links(cells.get(3)).stream().filter(a -> a.startsWith("sources.html#")).toList();
            assertThat(cites).containsExactlyElementsOf(rule.citations().stream().map(c -> "sources.html#src-" + c.source())
                    .toList());
            if (never.contains(rule.name())) {
                assertThat(tr.getAttribute("class")).as(rule.name()).isEqualTo("uncovered");
                assertThat(cells.get(5).getTextContent()).isEqualTo("no case fires this rule");
            } else {
                assertThat(tr.getAttribute("class")).as(rule.name()).isEmpty();
                assertThat(links(cells.get(5))).isNotEmpty().allMatch(a -> a.startsWith("cases.html#case-"));
            }
        }
        assertThat(never).as("the project's cases leave some rules unfired, which the page shows in red").isNotEmpty();
        // the layers and the data files, from the rules' text
        assertThat(cells(rows.get("regulatory regime: an assigned account's entries go to its Center")))
                .satisfies(c -> {
                    assertThat(c.get(1).getTextContent()).isEqualTo("EVIDENCE");
                    assertThat(c.get(4).getTextContent()).isEqualTo("data/center-timeline.csvdata/regimes.csv");
                });
        assertThat(cells(rows.get("test regime: an entry of one Center's industry at a port of its delegation goes to "
                + "that Center")).get(4).getTextContent()).isEqualTo(
                "data/delegations.csvdata/hts-scope.csvdata/port-lists.csvdata/port-names.csvdata/regimes.csv");
        assertThat(cells(rows.get("the port of entry releases the cargo")))
                .satisfies(c -> {
                    assertThat(c.get(1).getTextContent()).isEqualTo("ROUTING");
                    assertThat(c.get(4).getTextContent()).isEqualTo("the request and the facts of earlier layers");
                });
        assertThat(router.rules().stream().map(r -> cells(rows.get(r.name())).get(1).getTextContent()).distinct())
                .containsExactlyInAnyOrder("EVIDENCE", "SURVIVAL", "JURISDICTION", "ROUTING");
    }

    @Test
    void theCatalogueNamesTheCasesThatMadeARuleFire() throws Exception {
        Document rules = parse(site.resolve("rules.html"));
        Document casesPage = parse(site.resolve("cases.html"));
        String participation = "test regime: a participating account's entries go to its Center";
        Element tr = elements(rules, "tr").stream().filter(r -> r.getTextContent().startsWith(participation))
                .findFirst().orElseThrow();
        List<String> named = links(cells(tr).get(5)).stream().map(a -> a.substring("cases.html#".length())).toList();
        List<String> firing = new ArrayList<>();
        for (Element row : elements(casesPage, "tr")) {
            if (row.getAttribute("id").startsWith("case-") && links(cells(row).get(3)).stream()
                    .anyMatch(a -> a.equals("rules.html#" + tr.getAttribute("id")))) {
                firing.add(row.getAttribute("id"));
            }
        }
        long expected = cases.outcomes().stream().filter(o -> o.firedRules().contains(participation)).count();
        assertThat(named).hasSize((int) expected).containsExactlyInAnyOrderElementsOf(firing);
    }

    @Test
    void theCasesPageShowsEveryOutcomeAndTheRulesNoCaseFiresInRed() throws Exception {
        Document page = parse(site.resolve("cases.html"));
        List<Element> rows = elements(page, "tr").stream().filter(tr -> tr.getAttribute("id").startsWith("case-"))
                .toList();
        assertThat(rows).hasSize(cases.outcomes().size()).allSatisfy(tr -> {
            assertThat(tr.getAttribute("class")).isEqualTo("passed");
            assertThat(cells(tr).get(1).getTextContent()).isEqualTo("passed");
        });
        Element coverage = byId(page, "coverage");
        List<Element> red = elements(page, "li").stream().filter(li -> li.getAttribute("class").equals("uncovered"))
                .toList();
        assertThat(red).extracting(li -> li.getElementsByTagName("a").item(0).getTextContent())
                .containsExactlyInAnyOrderElementsOf(cases.neverFired().stream().map(KnowledgeBaseRule::name).toList());
        assertThat(coverage.getTextContent()).contains(cases.neverFired().size() + " rule(s) fired for no case");
        assertThat(SiteCheck.read(site.resolve("style.css"))).contains(".uncovered, a.uncovered { color: var(--red);")
                .contains("--red: #c62828;");
    }

    @Test
    void theTimelinesShowEveryDatedRowForTheBookAndEachCenter() throws Exception {
        Document page = parse(site.resolve("timeline.html"));
        List<Element> charts = elements(page, "svg");
        assertThat(charts).extracting(svg -> svg.getAttribute("id")).containsExactly("timeline-book", "timeline-001",
                "timeline-002", "timeline-003", "timeline-004", "timeline-005", "timeline-006", "timeline-007",
                "timeline-008", "timeline-009", "timeline-010");
        Set<String> bibliography = router.sources().stream().map(Source::url).collect(Collectors.toSet());
        for (Element svg : charts) {
            List<Element> marks = elements(svg, "a");
            assertThat(marks).as(svg.getAttribute("id")).isNotEmpty().allSatisfy(a -> {
                assertThat(bibliography).contains(a.getAttribute("href"));
                Element title = (Element) a.getElementsByTagNameNS("*", "title").item(0);
                assertThat(title).isNotNull();
                assertThat(title.getTextContent()).matches("(?s).+\n(from|on) \\d{4}-\\d\\d-\\d\\d.*\nsources: .+"
                        + "\ndata/[a-z-]+\\.csv:\\d+");
            });
        }
        // every dated row of every data file, once in the table, each a mark of some chart
        int dated = datedRows();
        List<Element> rows = elements(byId(page, "rows"), "tr").stream()
                .filter(tr -> tr.getElementsByTagName("td").getLength() > 0).toList();
        assertThat(rows).hasSize(dated);
        Set<String> marked = charts.stream().flatMap(svg -> elements(svg, "a").stream())
                .map(a -> a.getElementsByTagNameNS("*", "title").item(0).getTextContent().lines()
                        .reduce((x, y) -> y).orElseThrow())
                .collect(Collectors.toSet());
        Set<String> inTable = rows.stream().map(tr -> cells(tr).get(2).getTextContent()).collect(Collectors.toSet());
        assertThat(marked).containsExactlyInAnyOrderElementsOf(inTable);
        // the opening of each Center is a diamond of the whole book's chart
        Element book = charts.get(0);
        assertThat(elements(book, "polygon")).hasSize(10);
        assertThat(book.getTextContent()).contains("Electronics (007) opened\non 2011-10-20 · confirmed");
        // the regimes shade the charts; the delegations come by port list, naming their ports
        assertThat(elements(book, "text").stream().map(ReportSiteTest::ownText))
                .contains("TEST regime", "REGULATORY regime", "Delegations by port list",
                        "six-centers-2016-03-23 · 003", "Entry types the Centers process",
                        "23 Temporary importation bond", "RECONCILIATION_AT_CENTERS");
        assertThat(book.getTextContent()).contains("delegation to Automotive & Aerospace (003) at the ports of "
                + "six-centers-2016-03-23: ").contains("Detroit");
    }

    @Test
    void theHtsChartsKeepConfirmedSecondaryAndInferredRowsApart() throws Exception {
        Document page = parse(site.resolve("hts.html"));
        List<String[]> rows = rows("hts-scope.csv");
        int status = header("hts-scope.csv").indexOf("status");
        for (String s : List.of("confirmed", "secondary", "inferred")) {
            long n = rows.stream().filter(r -> r[status].equals(s)).count();
            Element section = byId(page, s);
            assertThat(section.getElementsByTagName("h2").item(0).getTextContent())
                    .isEqualToIgnoringCase(s + " rows (" + n + ")");
            List<Element> bars = elements(section, "rect");
            assertThat(bars).as(s).hasSize((int) n);
            if (n == 0) {
                assertThat(section.getTextContent()).contains("No row of the HTS scope is " + s);
            }
        }
        assertThat(elements(byId(page, "scope-rows"), "tr")).hasSize(rows.size() + 1);
        assertThat(byId(page, "secondary").getTextContent()).contains("HTS 8511 (chapter 85): Machinery (010)\n"
                + "from 2013-04-04 until 2014-03-10 · secondary");
    }

    @Test
    void theSourcesPageIsTheBibliographyWithWhoCitesEachSource() throws Exception {
        Document page = parse(site.resolve("sources.html"));
        for (Source source : router.sources()) {
            Element tr = byId(page, "src-" + source.id());
            assertThat(links(tr)).contains(source.url());
            assertThat(tr.getTextContent()).contains(source.citation()).contains(source.title());
        }
        assertThat(byId(page, "src-census-schedule-d").getTextContent()).contains("data/port-names.csv: lines ");
    }

    @Test
    void aFailedCaseShowsItsDifferencesAndTheReportStillWrites() throws Exception {
        Path myCases = work.resolve("failing-cases");
        Files.createDirectories(myCases);
        Files.writeString(myCases.resolve("hts-8543-machinery.json"), """
                {"name": "hts-8543-machinery", "source": "tpd-2013",
                 "lookup": {"hts": "8543.70.9960", "asOf": "2027-01-01"}, "expect": {"center": "010"}}
                """);
        Files.writeString(myCases.resolve("broken.json"), "{\"name\": \"<broken> & \\\"quoted\\\"\"");
        Path out = work.resolve("failing-site");
        SiteCheck.Run run = SiteCheck.cli("report", "--cases", myCases.toString(), "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("cases: 0 passed, 2 failed, 0 of ");
        Document page = parse(out.resolve("cases.html"));
        assertThat(byId(page, "case-hts-8543-machinery").getTextContent()).contains("failed")
                .contains("center: expected 010, got 007");
        assertThat(byId(page, "case-broken").getTextContent()).contains("malformed").contains("not a JSON object");
        assertThat(parse(out.resolve("index.html")).getDocumentElement().getTextContent()).contains("0 passed, 2 failed");
        assertThat(elements(parse(out.resolve("rules.html")), "tr").stream()
                .filter(tr -> tr.getAttribute("class").equals("uncovered"))).hasSize(router.rules().size());
    }

    @Test
    void withoutCasesThereIsNoCasesPageAndAnEarlierOneIsRemoved() throws Exception {
        Path out = work.resolve("again");
        assertThat(SiteCheck.cli("report", "--cases", CaseFolders.project().toString(), "--out", out.toString())
                .status()).isZero();
        assertThat(out.resolve("cases.html")).exists();
        SiteCheck.Run run = SiteCheck.cli("report", "--out", out.toString());
        assertThat(run.status()).isZero();
        assertThat(out.resolve("cases.html")).doesNotExist();
        Document rules = parse(out.resolve("rules.html"));
        assertThat(rules.getDocumentElement().getTextContent()).contains("no cases run").doesNotContain("no case fires this rule");
        assertThat(SiteCheck.checkLinks(out, router.sources().stream().map(Source::url).collect(Collectors.toSet())))
                .isPositive();
    }

    @Test
    void theSameRuleSetAndCasesMakeTheSamePages() throws IOException {
        Path again = work.resolve("same");
        assertThat(SiteCheck.cli("report", "--cases", CaseFolders.project().toString(), "--out", again.toString())
                .status()).isZero();
        for (String name : PAGES) {
            assertThat(SiteCheck.read(again.resolve(name))).as(name).isEqualTo(SiteCheck.read(site.resolve(name)));
        }
    }

    @Test
    void aFolderHoldingSomethingElseIsRefused() throws IOException {
        Path busy = work.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("notes.txt"), "mine");
        SiteCheck.Run run = SiteCheck.cli("report", "--out", busy.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("cee-rules: cannot write the report to " + busy + ": " + busy
                + " is not empty and holds no earlier report: give a new or empty folder\n");
        assertThat(busy.resolve("index.html")).doesNotExist();
        assertThat(SiteCheck.cli("report").err()).contains("Missing required option: '--out=DIR'");
        assertThat(SiteCheck.cli("report", "--out", busy.resolve("x").toString(), "--cases",
                work.resolve("none").toString()).status()).isEqualTo(2);
    }

    @Test
    void textIsEscapedWhereverItComesFrom() throws Exception {
        String name = "a \"quoted\" <b>rule</b> & 'its' </td> sentence";
        String drl = String.join("\n", "package x;",
                "// <script>alert('x')</script> & \"more\" ]]> <!-- -->",
                "rule \"hostile\"",
                "    @cite(\"src-a\", \"<pin> & point\")",
                "    salience 300",
                "when",
                "    $e : Entry( regime == \"TEST\", portTraits contains \"USVI\" )",
                "then",
                "end", "");
        Source source = new Source("src-a", "Title <i>x</i> & \"y\"", "Issuer & co", "2020", "Cite <&>",
                "https://example.gov/a?b=1&c='2'", Source.Kind.OFFICIAL);
        KnowledgeBaseRule rule = new KnowledgeBaseRule(name, "Cite <&>, <pin> & point", "drl/x.drl", 3,
                List.of(Citation.of("src-a", "<pin> & point")), org.ceerules.api.Certainty.CONFIRMED);
        RuleSetText text = new RuleSetText("a <hostile> & \"set\"", Map.of(
                "drl/x.drl", drl,
                "data/center-timeline.csv", "team,opened,status,source,note\n"
                        + "001,2011-10-20,inferred,\"src-a, <p> & q\",\"note <b>&</b> \"\"quoted\"\" ]]>\"\n",
                "data/hts-scope.csv", "first,last,team,from,to,status,source,note\n"
                        + "01,24,002,2013-06-03,,secondary,src-a,\"a <note> & more\"\n",
                "data/regimes.csv", "regime,from,to,status,source,note\nTEST,1900-01-01,,confirmed,src-a,\n"));
        Path out = work.resolve("hostile");
        Site.write(out, new Book(new StubRouter(List.of(rule), List.of(source)), text, Optional.empty(),
                Optional.empty()));
        for (String file : List.of("index.html", "rules.html", "timeline.html", "hts.html", "sources.html")) {
            Document page = parse(out.resolve(file));
            assertThat(elements(page).stream().map(Element::getLocalName))
                    .as(file).doesNotContain("script", "b", "i", "pin", "p-", "note");
            assertThat(page.getDocumentElement().getTextContent()).as(file).contains("a <hostile> & \"set\"");
        }
        String rules = parse(out.resolve("rules.html")).getDocumentElement().getTextContent();
        assertThat(rules).contains(name).contains("<script>alert('x')</script> & \"more\" ]]> <!-- -->")
                .contains("Cite <&>, <pin> & point").contains("data/port-exceptions.csvdata/regimes.csv");
        assertThat(parse(out.resolve("timeline.html")).getDocumentElement().getTextContent())
                .contains("note <b>&</b> \"quoted\" ]]>").contains("Cite <&>, <p> & q");
        assertThat(parse(out.resolve("hts.html")).getDocumentElement().getTextContent()).contains("a <note> & more");
        Document sources = parse(out.resolve("sources.html"));
        assertThat(links(byId(sources, "src-src-a"))).contains("https://example.gov/a?b=1&c='2'");
        assertThat(SiteCheck.checkLinks(out, Set.of(source.url()))).isPositive();
    }

    // ---- helpers ----

    /** The data rows of an embedded data file, read apart from the report's own reading. */
    private static List<String[]> rows(String file) throws IOException {
        List<String> lines = lines(file);
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1))
                .toList();
    }

    private static List<String> header(String file) throws IOException {
        return Arrays.asList(lines(file).get(0).split(","));
    }

    private static List<String> lines(String file) throws IOException {
        try (InputStream in = ReportSiteTest.class.getClassLoader().getResourceAsStream(DATA + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    /** The rows of the embedded data files with a first day ({@code from}, or {@code opened}). */
    private static int datedRows() throws IOException {
        int dated = 0;
        for (String file : List.of("center-timeline.csv", "regimes.csv", "measures.csv", "entry-types.csv",
                "center-entry-types.csv", "port-exceptions.csv", "port-names.csv", "port-lists.csv",
                "delegations.csv", "hts-scope.csv", "sources.csv")) {
            List<String> header = header(file);
            int column = header.contains("from") ? header.indexOf("from") : header.indexOf("opened");
            if (column >= 0) {
                dated += (int) rows(file).stream().filter(r -> !r[column].isBlank()).count();
            }
        }
        assertThat(dated).isGreaterThan(100);
        return dated;
    }

    private static List<Element> cells(Element tr) {
        List<Element> cells = new ArrayList<>();
        for (org.w3c.dom.Node n = tr.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals("td")) {
                cells.add(e);
            }
        }
        return cells;
    }

    private static List<String> links(Element element) {
        List<String> links = new ArrayList<>();
        org.w3c.dom.NodeList anchors = element.getElementsByTagNameNS("*", "a");
        for (int i = 0; i < anchors.getLength(); i++) {
            links.add(((Element) anchors.item(i)).getAttribute("href"));
        }
        return links;
    }

    private static Element byId(Document page, String id) {
        return elements(page).stream().filter(e -> e.getAttribute("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no element with id " + id + " in "
                        + page.getDocumentElement().getTextContent()));
    }

    /** The text of an element itself, without its children's (an SVG text's tooltip). */
    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                text.append(n.getNodeValue());
            }
        }
        return text.toString();
    }

    /** A router that only lists rules and sources: the report's text, without a knowledge base. */
    private record StubRouter(List<KnowledgeBaseRule> rules, List<Source> sources) implements Router {

        @Override
        public org.ceerules.api.RoutingResult route(org.ceerules.api.RoutingRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.ceerules.api.RoutingResult explain(org.ceerules.api.RoutingRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String rulesVersion() {
            return "1 <&> \"v\"";
        }

        @Override
        public Optional<org.ceerules.api.IndustryScope> industryScope(org.ceerules.api.HtsNumber hts,
                                                                        java.time.LocalDate asOf) {
            return Optional.empty();
        }
    }
}
