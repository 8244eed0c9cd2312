package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * {@code test-cases --junit-xml FILE}: the run as a JUnit XML report in the Surefire format, well
 * formed (read by the JDK's strict XML parser), one test case per case, named and classed as a CI
 * server shows them, with every difference in its failure.
 */
class JUnitXmlTest {

    @TempDir
    Path work;
    private Path cases;

    @BeforeEach
    void cases() throws IOException {
        cases = work.resolve("my-cases");
        Files.createDirectories(cases.resolve("hts"));
        Files.createDirectories(cases.resolve("a/b"));
        Files.writeString(cases.resolve("hts-0201-agriculture.json"), """
                {"name": "hts-0201-agriculture", "source": "cbp-cocoa-2015",
                 "lookup": {"hts": "0201.10.0000", "asOf": "2016-01-01"}, "expect": {"center": "002"}}
                """);
        // a name with the characters XML escapes, and an expectation that fails
        Files.writeString(cases.resolve("hts/q\"&<'>.json"), """
                {"name": "q\\"&<'>", "source": "tpd-2013, \\"Center\\" & <Team>",
                 "lookup": {"hts": "8543.70.9960", "asOf": "2027-01-01"}, "expect": {"center": "010"}}
                """);
        Files.writeString(cases.resolve("a/b/broken.json"), "{not json\u0001");
    }

    @Test
    void writesOneTestCasePerCaseWithItsFailureOrError() throws Exception {
        Path xml = work.resolve("reports/TEST-cases.xml");
        CliRun run = CliRun.run("", "test-cases", "--junit-xml", xml.toString(), cases.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).endsWith("1 passed, 2 failed\n");
        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("my-cases");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        assertThat(suite.getAttribute("time")).matches("\\d+\\.\\d{3}");
        assertThat(properties(suite)).contains("rulesVersion=" + org.ceerules.api.Routers.defaultRouter().rulesVersion());

        List<Element> testCases = children(suite, "testcase");
        assertThat(testCases).extracting(e -> e.getAttribute("classname") + " / " + e.getAttribute("name"))
                .containsExactly("my-cases.a.b / broken", "my-cases / hts-0201-agriculture", "my-cases.hts / q\"&<'>");
        assertThat(testCases).allSatisfy(e -> assertThat(e.getAttribute("time")).matches("\\d+\\.\\d{3}"));

        Element broken = testCases.get(0);
        assertThat(children(broken, "failure")).isEmpty();
        assertThat(children(broken, "error")).singleElement().satisfies(e -> {
            assertThat(e.getAttribute("type")).isEqualTo("malformed case");
            assertThat(e.getAttribute("message")).startsWith("the case file breaks the format: not a JSON object");
        });
        assertThat(testCases.get(1).getChildNodes().getLength()).as("a passing case is empty").isZero();
        Element failing = testCases.get(2);
        assertThat(children(failing, "failure")).singleElement().satisfies(f -> {
            assertThat(f.getAttribute("message")).isEqualTo("1 difference(s): center: expected 010, got 007");
            assertThat(f.getTextContent()).endsWith("q\"&<'>.json\n  center: expected 010, got 007");
        });
    }

    @Test
    void withCoverageRequiredALastTestCaseNamesTheRulesNoCaseFired() throws Exception {
        Files.delete(cases.resolve("a/b/broken.json"));
        Files.delete(cases.resolve("hts/q\"&<'>.json"));
        Path xml = work.resolve("TEST-coverage.xml");
        CliRun run = CliRun.run("", "test-cases", "--require-coverage", "--junit-xml", xml.toString(),
                cases.toString());

        assertThat(run.status()).isEqualTo(1);
        Element suite = parse(xml).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        Element coverage = children(suite, "testcase").get(1);
        assertThat(coverage.getAttribute("name")).isEqualTo("every rule fired for some case");
        int rules = org.ceerules.api.Routers.defaultRouter().rules().size();
        assertThat(children(coverage, "failure")).singleElement().satisfies(f -> {
            assertThat(f.getAttribute("message")).isEqualTo(rules + " rule(s) fired for no case");
            assertThat(f.getTextContent().lines()).hasSize(rules).allMatch(l -> l.startsWith("drl/"));
        });
    }

    @Test
    void aReportThatCannotBeWrittenIsStatusTwoAfterThePeoplesReport() throws IOException {
        Path file = Files.writeString(work.resolve("a-file"), "x");
        CliRun run = CliRun.run("", "test-cases", "--junit-xml", file.resolve("TEST.xml").toString(),
                cases.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).endsWith("1 passed, 2 failed\n");
        assertThat(run.err()).startsWith("cee-rules: cannot write the JUnit XML report ");
    }

    @Test
    void escapingKeepsEveryCharacterXmlCanHoldAndNamesTheOthers() {
        assertThat(JUnitXml.escape("a&b<c>\"d'e\nf\tg")).isEqualTo("a&amp;b&lt;c&gt;&quot;d&apos;e&#10;f&#9;g");
        assertThat(JUnitXml.text("x\ny\u0000z\uD800")).isEqualTo("x\ny\\u0000z\\uD800");
        assertThat(JUnitXml.text("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }

    /** Parses strictly: no DTD, no external entity, every error fatal. */
    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(file.toFile());
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static List<String> properties(Element suite) {
        List<String> properties = new ArrayList<>();
        for (Element holder : children(suite, "properties")) {
            for (Element p : children(holder, "property")) {
                properties.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
            }
        }
        return properties;
    }
}
