package org.ceerules.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.ceerules.cli.Main;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** Test helpers: run {@code cee-rules}, read a report's pages strictly, and follow every link of them. */
final class SiteCheck {

    private SiteCheck() {
    }

    /** One run of the command line: status, standard output, standard error. */
    record Run(int status, String out, String err) {
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, new ByteArrayInputStream(new byte[0]), o, e);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Reads a page as XML with the JDK's parser, every error fatal: an unclosed element, an
     * unescaped {@code &} or {@code <}, an entity XML does not define (HTML's {@code &nbsp;}) fail.
     * The page's {@code <!DOCTYPE html>} is its only declaration.
     */
    static Document parse(Path page) throws Exception {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).as(page + " starts as HTML5").startsWith("<!DOCTYPE html>\n<html xmlns=");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        builder.setEntityResolver((publicId, systemId) -> {
            throw new AssertionError("the page loads an external entity: " + systemId);
        });
        return builder.parse(new InputSource(new StringReader(text)));
    }

    /** Every element of a page or under an element, in document order. */
    static List<Element> elements(Node root) {
        NodeList nodes = root instanceof Document d ? d.getElementsByTagNameNS("*", "*")
                : ((Element) root).getElementsByTagNameNS("*", "*");
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }

    static List<Element> elements(Node root, String localName) {
        return elements(root).stream().filter(e -> e.getLocalName().equals(localName)).toList();
    }

    /** The {@code id}s of a page. */
    static Set<String> ids(Document page) {
        Set<String> ids = new HashSet<>();
        for (Element e : elements(page)) {
            if (e.hasAttribute("id")) {
                assertThat(ids.add(e.getAttribute("id"))).as("id %s is unique", e.getAttribute("id")).isTrue();
            }
        }
        return ids;
    }

    /**
     * Follows every {@code href} and {@code src} of every page of the folder: a relative link names
     * a file of the folder and, with a fragment, an id of that page; any other link is an https
     * address of the bibliography.
     *
     * @return how many links were followed
     */
    static int checkLinks(Path site, Set<String> bibliography) throws Exception {
        Map<String, Set<String>> idsByPage = new HashMap<>();
        List<Path> pages;
        try (Stream<Path> files = Files.list(site)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            idsByPage.put(page.getFileName().toString(), ids(parse(page)));
        }
        int links = 0;
        for (Path page : pages) {
            for (Element e : elements(parse(page))) {
                for (String attribute : List.of("href", "src", "xlink:href")) {
                    if (!e.hasAttribute(attribute)) {
                        continue;
                    }
                    String link = e.getAttribute(attribute);
                    links++;
                    String where = page.getFileName() + ": <" + e.getLocalName() + " " + attribute + "=\"" + link + "\">";
                    URI uri = URI.create(link);
                    if (uri.getScheme() != null) {
                        assertThat(uri.getScheme()).as(where).isEqualTo("https");
                        assertThat(bibliography).as(where + " is an address of the bibliography").contains(link);
                        continue;
                    }
                    String file = uri.getPath() == null || uri.getPath().isEmpty()
                            ? page.getFileName().toString() : uri.getPath();
                    assertThat(file).as(where + " stays in the folder").doesNotContain("/").doesNotStartWith(".");
                    assertThat(site.resolve(file)).as(where).isRegularFile();
                    if (uri.getFragment() != null) {
                        assertThat(idsByPage.get(file)).as(where + ": the fragment names an id of " + file)
                                .contains(uri.getFragment());
                    }
                }
            }
        }
        return links;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
