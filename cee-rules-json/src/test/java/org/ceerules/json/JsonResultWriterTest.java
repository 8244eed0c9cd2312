package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ceerules.api.Center;
import org.ceerules.api.CenterOpening;
import org.ceerules.api.Certainty;
import org.ceerules.api.Citation;
import org.ceerules.api.DrawbackCenter;
import org.ceerules.api.FiredRule;
import org.ceerules.api.Jurisdiction;
import org.ceerules.api.Office;
import org.ceerules.api.PortOfEntry;
import org.ceerules.api.RegulationsAndRulings;
import org.ceerules.api.Route;
import org.ceerules.api.SubjectAbbreviation;
import org.ceerules.api.Submission;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.Source;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;
import org.junit.jupiter.api.Test;

/** The writer against hand-built decisions: the JSON shape of the contract, exactly. */
class JsonResultWriterTest {

    private static final PortOfEntry LOS_ANGELES = new PortOfEntry("2704");

    /** The citation of the jurisdiction of {@link #decision}: a section of a source and a whole source. */
    static final List<Citation> JURISDICTION_CITATIONS = List.of(
            Citation.of("tpd-2013", "Participating Account Responsibilities"), Citation.of("cedaily-2012-06-21"));

    /** The sources those citations name, as an explanation carries them in full. */
    static final List<Source> SOURCES = List.of(
            new Source("cedaily-2012-06-21", "CBP targeting September for next two CEEs", "Consumer Electronics Daily",
                    "2012-06-21", "Consumer Electronics Daily, 2012-06-21",
                    "https://example.org/cedaily/2012/06/21", Source.Kind.SECONDARY),
            new Source("tpd-2013", "Centers Trade Process Document", "U.S. Customs and Border Protection", "2013",
                    "CBP Trade Process Document v1.3 (2013)", "https://www.cbp.gov/document/guidance/tpd",
                    Source.Kind.OFFICIAL));

    /**
     * A route's citations: the procedures' section named after the function, and for the Center's
     * entry summary review a whole source besides; every route confirmed but the prior disclosure,
     * inferred.
     */
    static List<Citation> citations(TradeFunction function) {
        return function == TradeFunction.ENTRY_SUMMARY_REVIEW
                ? List.of(Citation.of("tpd-2013", "Entry Summary Processes"), Citation.of("19-cfr-101.1"))
                : List.of(Citation.of("tpd-2013", "section of " + function));
    }

    static Certainty certainty(TradeFunction function) {
        return function == TradeFunction.PRIOR_DISCLOSURE ? Certainty.INFERRED : Certainty.CONFIRMED;
    }

    /** A decision as the rules give it for the sample request: Center 007, ports, R&amp;R, any Drawback Center. */
    static RoutingDecision decision(Optional<Center> center, List<FiredRule> firedRules) {
        return decision(center, firedRules, List.of());
    }

    static RoutingDecision decision(Optional<Center> center, List<FiredRule> firedRules, List<Source> sources) {
        List<Route> routes = new ArrayList<>();
        for (TradeFunction function : TradeFunction.values()) {
            Office office = LOS_ANGELES;
            List<Office> alternatives = List.of();
            switch (function) {
                case ENTRY_SUMMARY_REVIEW, LIQUIDATION -> office = center.<Office>map(c -> c).orElse(LOS_ANGELES);
                case FURTHER_REVIEW -> office = new RegulationsAndRulings();
                case DRAWBACK -> {
                    office = DrawbackCenter.any();
                    alternatives = DrawbackCenter.all();
                }
                case PRIOR_DISCLOSURE -> alternatives = center.<Office>map(c -> c).map(List::of).orElse(List.of());
                default -> {
                }
            }
            routes.add(new Route(function, office, alternatives, "rule of " + function, "authority of " + function,
                    citations(function), certainty(function), Optional.empty()));
        }
        return new RoutingDecision("345-6789012-3", LocalDate.of(2016, 5, 2),
                new Jurisdiction(center, "participating account", "002 \"Participating Account\"",
                        JURISDICTION_CITATIONS, Certainty.SECONDARY),
                routes, "2025.1", firedRules, sources);
    }

    private static String written(WriterAction action) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonResultWriter writer = JsonResultWriter.to(out)) {
            action.write(writer);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface WriterAction {
        void write(JsonResultWriter writer) throws IOException;
    }

    @Test
    void aDecisionIsOneLineInTheContractsShape() throws IOException {
        String json = written(w -> w.writeDecision(decision(Optional.of(Center.ELECTRONICS), List.of())));

        assertThat(json).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        assertThat(json).startsWith("{\"entryNumber\":\"345-6789012-3\",\"asOf\":\"2016-05-02\",\"center\":\"007\","
                + "\"jurisdiction\":{\"rule\":\"participating account\",\"authority\":\"002 \\\"Participating Account\\\"\","
                + "\"citations\":[{\"source\":\"tpd-2013\",\"pinpoint\":\"Participating Account Responsibilities\"},"
                + "{\"source\":\"cedaily-2012-06-21\"}],\"certainty\":\"secondary\"},"
                + "\"routes\":[{\"function\":\"CARGO_RELEASE\",\"office\":{\"type\":\"PORT\",\"code\":\"2704\"},"
                + "\"alternatives\":[],\"rule\":\"rule of CARGO_RELEASE\",\"authority\":\"authority of CARGO_RELEASE\","
                + "\"citations\":[{\"source\":\"tpd-2013\",\"pinpoint\":\"section of CARGO_RELEASE\"}],"
                + "\"certainty\":\"confirmed\"},"
                + "{\"function\":\"ENTRY_SUMMARY_REVIEW\",\"office\":{\"type\":\"CENTER\",\"code\":\"007\"},"
                + "\"alternatives\":[],\"rule\":\"rule of ENTRY_SUMMARY_REVIEW\","
                + "\"authority\":\"authority of ENTRY_SUMMARY_REVIEW\","
                + "\"citations\":[{\"source\":\"tpd-2013\",\"pinpoint\":\"Entry Summary Processes\"},"
                + "{\"source\":\"19-cfr-101.1\"}],\"certainty\":\"confirmed\"},");
        assertThat(json).endsWith("],\"rulesVersion\":\"2025.1\"}\n").doesNotContain("firedRules")
                .doesNotContain("\"sources\"");
    }

    @Test
    void everyOfficeTypeHasItsCodeOrNone() throws IOException {
        Map<String, Object> decision = JsonTree.object(
                written(w -> w.writeDecision(decision(Optional.of(Center.ELECTRONICS), List.of()))));
        Map<String, Map<String, Object>> routes = byFunction(decision);

        assertThat(routes).hasSize(TradeFunction.values().length);
        assertThat(routes.keySet()).containsExactly(java.util.Arrays.stream(TradeFunction.values())
                .map(Enum::name).toArray(String[]::new));
        assertThat(routes.get("ENTRY_SUMMARY_REVIEW").get("office")).isEqualTo(Map.of("type", "CENTER", "code", "007"));
        assertThat(routes.get("PAYMENT").get("office")).isEqualTo(Map.of("type", "PORT", "code", "2704"));
        assertThat(routes.get("FURTHER_REVIEW").get("office")).isEqualTo(Map.of("type", "REGULATIONS_AND_RULINGS"));
        assertThat(routes.get("DRAWBACK").get("office")).isEqualTo(Map.of("type", "DRAWBACK_CENTER"));
        assertThat(routes.get("DRAWBACK").get("alternatives")).isEqualTo(List.of(
                Map.of("type", "DRAWBACK_CENTER", "code", "NEW_YORK"),
                Map.of("type", "DRAWBACK_CENTER", "code", "CHICAGO"),
                Map.of("type", "DRAWBACK_CENTER", "code", "SAN_FRANCISCO"),
                Map.of("type", "DRAWBACK_CENTER", "code", "HOUSTON")));
        assertThat(routes.get("PRIOR_DISCLOSURE").get("alternatives"))
                .isEqualTo(List.of(Map.of("type", "CENTER", "code", "007")));
    }

    @Test
    void noCenterIsNull() throws IOException {
        String json = written(w -> w.writeDecision(decision(Optional.empty(), List.of())));
        assertThat(json).contains("\"center\":null,");
        assertThat(JsonTree.object(json)).containsEntry("center", null);
    }

    @Test
    void anExplanationListsTheFiredRulesAndTheRulesOfEachRoute() throws IOException {
        List<FiredRule> fired = List.of(
                new FiredRule("jurisdiction", "002", List.of(TradeFunction.ENTRY_SUMMARY_REVIEW, TradeFunction.LIQUIDATION)),
                new FiredRule("port default", "002 ports", List.of(TradeFunction.CARGO_RELEASE, TradeFunction.PAYMENT)),
                new FiredRule("overruled", "none", List.of()),
                new FiredRule("liquidation", "19 CFR", List.of(TradeFunction.LIQUIDATION)));
        Map<String, Object> explanation = JsonTree.object(
                written(w -> w.writeExplanation(decision(Optional.of(Center.ELECTRONICS), fired, SOURCES))));

        assertThat(explanation.get("firedRules")).isEqualTo(List.of(
                Map.of("rule", "jurisdiction", "authority", "002",
                        "functions", List.of("ENTRY_SUMMARY_REVIEW", "LIQUIDATION")),
                Map.of("rule", "port default", "authority", "002 ports", "functions", List.of("CARGO_RELEASE", "PAYMENT")),
                Map.of("rule", "overruled", "authority", "none", "functions", List.of()),
                Map.of("rule", "liquidation", "authority", "19 CFR", "functions", List.of("LIQUIDATION"))));
        Map<String, Map<String, Object>> routes = byFunction(explanation);
        assertThat(routes.get("LIQUIDATION").get("firedRules")).isEqualTo(List.of("jurisdiction", "liquidation"));
        assertThat(routes.get("PAYMENT").get("firedRules")).isEqualTo(List.of("port default"));
        assertThat(routes.get("PROTEST").get("firedRules")).isEqualTo(List.of());
        // the decision's own fields are all there too, citations and certainty included
        assertThat(explanation).containsKeys("entryNumber", "asOf", "center", "jurisdiction", "routes", "rulesVersion");
        assertThat(routes.get("ENTRY_SUMMARY_REVIEW").get("citations")).isEqualTo(List.of(
                Map.of("source", "tpd-2013", "pinpoint", "Entry Summary Processes"), Map.of("source", "19-cfr-101.1")));
        assertThat(routes.get("PRIOR_DISCLOSURE").get("certainty")).isEqualTo("inferred");
        // and the sources its citations name, in full, in the decision's order (by id)
        assertThat(explanation.get("sources")).isEqualTo(List.of(
                Map.of("id", "cedaily-2012-06-21", "title", "CBP targeting September for next two CEEs",
                        "issuer", "Consumer Electronics Daily", "date", "2012-06-21",
                        "citation", "Consumer Electronics Daily, 2012-06-21",
                        "url", "https://example.org/cedaily/2012/06/21", "kind", "secondary"),
                Map.of("id", "tpd-2013", "title", "Centers Trade Process Document",
                        "issuer", "U.S. Customs and Border Protection", "date", "2013",
                        "citation", "CBP Trade Process Document v1.3 (2013)",
                        "url", "https://www.cbp.gov/document/guidance/tpd", "kind", "official")));
    }

    @Test
    void anExplanationWithoutSourcesHasAnEmptyListAndADecisionNone() throws IOException {
        Map<String, Object> explanation = JsonTree.object(
                written(w -> w.writeExplanation(decision(Optional.empty(), List.of()))));
        assertThat(explanation.get("sources")).isEqualTo(List.of());
        Map<String, Object> decision = JsonTree.object(
                written(w -> w.writeDecision(decision(Optional.of(Center.ELECTRONICS), List.of(), SOURCES))));
        assertThat(decision).doesNotContainKeys("sources", "firedRules");
    }

    @Test
    void aSourceIsOneLineOfItsFields() throws IOException {
        String json = written(w -> w.writeSource(SOURCES.get(1)));
        assertThat(json).isEqualTo("{\"id\":\"tpd-2013\",\"title\":\"Centers Trade Process Document\","
                + "\"issuer\":\"U.S. Customs and Border Protection\",\"date\":\"2013\","
                + "\"citation\":\"CBP Trade Process Document v1.3 (2013)\","
                + "\"url\":\"https://www.cbp.gov/document/guidance/tpd\",\"kind\":\"official\"}\n");
    }

    /** A route with a submission: the route's fields, then the submission, raw-written, valid JSON with any name. */
    @Test
    void aSubmissionFollowsTheRoutesFieldsInDecisionsAndExplanations() throws IOException {
        Submission f28 = new Submission(SubjectAbbreviation.FORM_28, Center.PHARMACEUTICALS_HEALTH_CHEMICALS,
                Submission.accountNameField("Société Générale"), "345-67890123", "2704");
        List<Route> routes = new ArrayList<>(decision(Optional.of(Center.ELECTRONICS), List.of()).routes());
        Route plain = routes.get(TradeFunction.REQUEST_FOR_INFORMATION.ordinal());
        routes.set(plain.function().ordinal(), new Route(plain.function(), Center.PHARMACEUTICALS_HEALTH_CHEMICALS,
                List.of(), plain.rule(), plain.authority(), plain.citations(), plain.certainty(), Optional.of(f28)));
        RoutingDecision decision = new RoutingDecision("345-6789012-3", LocalDate.of(2016, 5, 2),
                new Jurisdiction(Optional.of(Center.ELECTRONICS), "r", "a"), routes, "2025.1", List.of());
        String expected = "{\"function\":\"REQUEST_FOR_INFORMATION\",\"office\":{\"type\":\"CENTER\",\"code\":\"001\"},"
                + "\"alternatives\":[],\"rule\":\"rule of REQUEST_FOR_INFORMATION\","
                + "\"authority\":\"authority of REQUEST_FOR_INFORMATION\","
                + "\"citations\":[{\"source\":\"tpd-2013\",\"pinpoint\":\"section of REQUEST_FOR_INFORMATION\"}],"
                + "\"certainty\":\"confirmed\",\"submission\":{\"to\":"
                + "[\"CEE-Pharmaceuticals@cbp.dhs.gov\",\"CEE-Chemicals@cbp.dhs.gov\"],"
                + "\"subject\":\"F28,SocieteGen,345-67890123,2704\",\"certainty\":\"confirmed\"}}";
        for (int round = 0; round < 2; round++) {
            String json = written(w -> w.writeDecision(decision));
            assertThat(json).contains(expected);
            assertThat(JsonTree.parse(json)).isInstanceOf(Map.class);
        }
        String explained = written(w -> w.writeExplanation(decision));
        assertThat(JsonTree.write(JsonTree.parse(explained))).contains("\"submission\":{\"to\":"
                + "[\"CEE-Pharmaceuticals@cbp.dhs.gov\",\"CEE-Chemicals@cbp.dhs.gov\"],"
                + "\"subject\":\"F28,SocieteGen,345-67890123,2704\",\"certainty\":\"confirmed\"},\"firedRules\":[]");
        // the subject-line format of the 2013 procedures is our reading for work routed after 2017-06-29
        RoutingDecision later = new RoutingDecision("345-6789012-3", LocalDate.of(2017, 6, 30),
                decision.jurisdiction(), routes, "2025.1", List.of());
        assertThat(written(w -> w.writeDecision(later))).contains("\"subject\":\"F28,SocieteGen,345-67890123,2704\","
                + "\"certainty\":\"inferred\"}");
        assertThat(JsonTree.write(JsonTree.parse(written(w -> w.writeExplanation(later)))))
                .contains("\"subject\":\"F28,SocieteGen,345-67890123,2704\",\"certainty\":\"inferred\"}");
    }

    @Test
    void anErrorObjectNamesEveryField() throws IOException {
        String json = written(w -> w.writeErrors(List.of(
                new Violation("entrySummary.portOfEntry", "must be 4 digits, was \"27A4\""),
                new Violation("$", "is not valid JSON"))));

        assertThat(json).isEqualTo("{\"errors\":[{\"field\":\"entrySummary.portOfEntry\",\"message\":"
                + "\"must be 4 digits, was \\\"27A4\\\"\"},{\"field\":\"$\",\"message\":\"is not valid JSON\"}]}\n");
    }

    @Test
    void aCenterHasItsReferenceDataAndTheRulesVersion() throws IOException {
        Map<String, Object> center = JsonTree.object(written(w -> w.writeCenter(Center.PHARMACEUTICALS_HEALTH_CHEMICALS,
                Optional.empty(), "v1")));

        assertThat(center).containsExactly(
                Map.entry("teamCode", "001"),
                Map.entry("name", "PHARMACEUTICALS_HEALTH_CHEMICALS"),
                Map.entry("industry", "Pharmaceuticals, Health & Chemicals"),
                Map.entry("headquarters", "New York"),
                Map.entry("emailAddresses", List.of("CEE-Pharmaceuticals@cbp.dhs.gov", "CEE-Chemicals@cbp.dhs.gov")),
                Map.entry("source", Center.PHARMACEUTICALS_HEALTH_CHEMICALS.source()),
                new AbstractMap.SimpleEntry<>("opened", null),
                Map.entry("rulesVersion", "v1"));
    }

    @Test
    void aCenterDatedByTheRuleSetHasItsOpeningWithItsSources() throws IOException {
        CenterOpening opening = new CenterOpening(Center.AUTOMOTIVE_AEROSPACE, LocalDate.parse("2012-09-27"),
                Certainty.SECONDARY, List.of(Citation.of("cedaily-2012-09-04")));

        Map<String, Object> center = JsonTree.object(written(w -> w.writeCenter(Center.AUTOMOTIVE_AEROSPACE,
                Optional.of(opening), "v1")));

        assertThat(center).containsEntry("opened", Map.of("date", "2012-09-27",
                "citations", List.of(Map.of("source", "cedaily-2012-09-04")), "certainty", "secondary"));
        assertThat(List.copyOf(center.keySet())).containsSubsequence("source", "opened", "rulesVersion");
    }

    @Test
    void successiveObjectsAreSuccessiveLinesWithoutSeparators() throws IOException {
        String json = written(w -> {
            w.writeErrors(List.of(new Violation("$", "é \u2028 \t \"")));
            w.writeDecision(decision(Optional.empty(), List.of()));
            w.writeErrors(List.of(new Violation("a", "b")));
        });

        assertThat(List.of(json.split("\n", -1))).hasSize(4).last().isEqualTo("");
        assertThat(JsonTree.lines(json)).hasSize(3);
        assertThat(json).doesNotContain("\n ").doesNotStartWith(" ");
        assertThat(((List<?>) JsonTree.lines(json).get(0).get("errors")).get(0))
                .isEqualTo(Map.of("field", "$", "message", "é \u2028 \t \""));
    }

    @Test
    void closingTheWriterLeavesTheStreamOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (JsonResultWriter writer = JsonResultWriter.to(out)) {
            writer.writeErrors(List.of(new Violation("a", "b")));
        }
        assertThat(closed[0]).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8)).hasLineCount(1);
    }

    @Test
    void wholeLinesReachTheStreamInChunksAndOnFlush() throws IOException {
        List<Integer> writes = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                assertThat(b[off + len - 1]).as("a write ends a line").isEqualTo((byte) '\n');
                writes.add(len);
                super.write(b, off, len);
            }
        };
        RoutingDecision decision = decision(Optional.of(Center.ELECTRONICS), List.of());
        try (JsonResultWriter writer = JsonResultWriter.to(out)) {
            writer.writeDecision(decision);
            writer.writeErrors(List.of(new Violation("a", "b")));
            assertThat(out.size()).as("kept until a chunk is complete").isZero();
            writer.flush();
            assertThat(writes).hasSize(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).hasLineCount(2);
            while (out.size() < 3 * JsonResultWriter.CHUNK) {
                writer.writeDecision(decision);
            }
            assertThat(writes).hasSizeGreaterThan(2).allSatisfy(n -> assertThat(n).isLessThan(2 * JsonResultWriter.CHUNK));
        }
    }

    @Test
    void linesWrittenInMemoryAreTakenOnceAndWrittenAsTheyAre() throws IOException {
        JsonResultWriter memory = JsonResultWriter.inMemory();
        memory.writeErrors(List.of(new Violation("a", "b")));
        memory.writeErrors(List.of(new Violation("c", "d")));
        byte[] taken = memory.takeLines();
        assertThat(new String(taken, StandardCharsets.UTF_8)).hasLineCount(2);
        assertThat(memory.takeLines()).isEmpty();

        assertThat(written(w -> w.writeLines(taken))).isEqualTo(new String(taken, StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> written(w -> w.writeLines(new byte[] {'{', '}'})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> byFunction(Map<String, Object> decision) {
        Map<String, Map<String, Object>> routes = new java.util.LinkedHashMap<>();
        for (Object route : (List<Object>) decision.get("routes")) {
            Map<String, Object> map = (Map<String, Object>) route;
            routes.put((String) map.get("function"), map);
        }
        return routes;
    }
}
