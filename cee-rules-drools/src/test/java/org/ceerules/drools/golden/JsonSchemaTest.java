package org.ceerules.drools.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ceerules.api.Center;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Source;
import org.ceerules.api.Violation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.JsonRequestReader;

/**
 * The JSON Schemas of the contract ({@code /org/ceerules/json/schema/*.schema.json}, draft 2020-12)
 * say what the reader and the writer do:
 * <ul>
 *   <li>each schema is a valid 2020-12 schema, with its {@code $id} under
 *       {@code https://ceerules.org/schema/v1/} and a title or description on every field;</li>
 *   <li>requests: the schema and {@link JsonRequestReader} agree on every sample and case request
 *       and on requests made wrong on purpose: what the reader accepts the schema accepts, and what
 *       the reader refuses the schema refuses, but for the checks a schema cannot make (the entry
 *       number's check digit, the order of two dates, the router's reference data);</li>
 *   <li>outputs: every line {@link JsonResultWriter} writes for those requests (decisions of
 *       {@code route}, explanations of {@code explain}, error objects), and the Centers and sources
 *       it lists, validates against its schema, both as published (open to added fields, as the
 *       contract's versioning allows) and closed (every object's {@code additionalProperties}
 *       false: no field the schema does not describe);</li>
 *   <li>the schemas are not vacuous: documents made wrong on purpose are refused.</li>
 * </ul>
 * Samples and cases are read from the folders the system properties {@code cee.samples.dir},
 * {@code cee.project.cases.dir} and {@code cee.snapshot.cases.dir} name; a test whose folder is not
 * given is skipped.
 */
class JsonSchemaTest {

    private static final String BASE = "https://ceerules.org/schema/v1/";
    private static final String RESOURCES = "/org/ceerules/json/schema/";
    private static final List<String> NAMES = List.of("request", "decision", "error", "source", "center", "assign",
            "subject", "lookup");

    /** Instances are read exactly: decimals as BigDecimal, a repeated name is an error. */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Problems of a reader no schema can see; a request refused for these only may pass its schema. */
    private static final List<String> BEYOND_A_SCHEMA = List.of(
            "check digit must be",                       // entry number check digit
            "must be after participationStart",          // withdrawal after participation
            "must not be before entrySummary.entryDate", // asOf not before the entry date
            "must not be before the Center",             // router: participation before the Center opened
            "is not an entry type",                      // router: an entry type its reference data lacks
            "decimal places, was");                      // a JSON number's decimal places (a string's are checked)

    /** A valid request (the single-request sample). */
    private static final String VALID = """
            {"asOf":"2016-05-02",
             "account":{"importerNumber":"12-345678900","name":"Nokia Inc","center":"007",
                        "participationStart":"2014-03-01","withdrawalEffective":"2017-01-01"},
             "entrySummary":{"entryNumber":"345-6789012-3","entryType":"01","portOfEntry":"2704",
                             "entryDate":"2016-04-20",
                             "lines":[{"hts":"8517.62.0090","enteredValue":"125000.00","adcvdCase":"A-570-000"}]}}""";

    private static Map<String, String> texts;
    private static Map<String, Schema> schemas;
    private static Map<String, Schema> closed;
    private static Schema entrySummary;

    @BeforeAll
    static void loadSchemas() {
        texts = new LinkedHashMap<>();
        Map<String, String> closedTexts = new LinkedHashMap<>();
        for (String name : NAMES) {
            String text = resource(RESOURCES + name + ".schema.json");
            texts.put(BASE + name + ".schema.json", text);
            closedTexts.put(BASE + name + ".schema.json", close(tree(text)).toString());
        }
        SchemaRegistry published = registry(texts::get);
        SchemaRegistry closedRegistry = registry(closedTexts::get);
        schemas = new LinkedHashMap<>();
        closed = new LinkedHashMap<>();
        for (String name : NAMES) {
            schemas.put(name, published.getSchema(SchemaLocation.of(BASE + name + ".schema.json")));
            closed.put(name, closedRegistry.getSchema(SchemaLocation.of(BASE + name + ".schema.json")));
        }
        entrySummary = published.getSchema(SchemaLocation.of(BASE + "request.schema.json#/$defs/entrySummary"));
    }

    // ---------------------------------------------------------------------------------------------
    // the schemas themselves

    @Test
    void everySchemaIsAValidDraft202012SchemaWithItsIdTitleAndDescription() {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        texts.forEach((id, text) -> {
            JsonNode schema = tree(text);
            assertThat(meta.validate(schema)).as(id).isEmpty();
            assertThat(schema.path("$schema").asText()).as(id).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).as(id).isEqualTo(id);
            assertThat(schema.path("title").asText()).as(id).isNotBlank();
            assertThat(schema.path("description").asText()).as(id).isNotBlank();
        });
    }

    @Test
    void everyFieldHasATitleOrADescription() {
        List<String> bare = new ArrayList<>();
        texts.forEach((id, text) -> fields(tree(text), id + "#", bare));
        assertThat(bare).as("fields without a title or description").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // requests: the schema and the reader agree

    @Test
    void theSchemaAndTheReaderAgreeOnTheSampleRequests() throws IOException {
        Path dir = folder("cee.samples.dir");
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (Path file : files(dir, ".json", ".jsonl")) {
            for (String json : documents(file)) {
                if (!isJson(json)) {
                    // a sample line that is not JSON on purpose: the reader names $ for it
                    assertThat(readerViolations(json)).extracting(Violation::field).containsExactly("$");
                    continue;
                }
                JsonNode node = tree(json);
                if (isEntrySummary(node)) {
                    // an input line of assign: an entry summary on its own
                    agree(file + ": " + json, entrySummary, node, entrySummaryViolations(json), problems);
                } else {
                    agree(file + ": " + json, schemas.get("request"), node, readerViolations(json), problems);
                }
                requests++;
            }
        }
        assertThat(requests).as("sample requests in " + dir).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaAndTheReaderAgreeOnTheRequestsOfTheProjectCases() throws IOException {
        assertAgreementOnCases(folder("cee.project.cases.dir"));
    }

    @Test
    void theSchemaAndTheReaderAgreeOnTheRequestsOfTheSharedCases() throws IOException {
        assertAgreementOnCases(folder("cee.snapshot.cases.dir"));
    }

    private static void assertAgreementOnCases(Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (String request : caseRequests(dir)) {
            agree(dir + ": " + request, schemas.get("request"), tree(request), readerViolations(request), problems);
            requests++;
        }
        assertThat(requests).as("case requests in " + dir).isPositive();
        assertThat(problems).isEmpty();
    }

    /** Requests made wrong on purpose, one field at a time: each refused by the reader and by the schema. */
    @Test
    void theSchemaRefusesWhatTheReaderRefuses() {
        List<String> problems = new ArrayList<>();
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("missing asOf", without(VALID, "asOf"));
        wrong.put("null asOf", with(VALID, "asOf", "null"));
        wrong.put("missing account", without(VALID, "account"));
        wrong.put("missing account name", without(VALID, "account/name"));
        wrong.put("missing lines", without(VALID, "entrySummary/lines"));
        wrong.put("no lines", with(VALID, "entrySummary/lines", "[]"));
        wrong.put("missing hts", without(VALID, "entrySummary/lines/0/hts"));
        wrong.put("short hts", with(VALID, "entrySummary/lines/0/hts", "\"8517\""));
        wrong.put("hts of chapter 77", with(VALID, "entrySummary/lines/0/hts", "\"7712.34.5678\""));
        wrong.put("hts with a letter", with(VALID, "entrySummary/lines/0/hts", "\"8517.62.009O\""));
        wrong.put("unknown root field", with(VALID, "foo", "1"));
        wrong.put("unknown account field", with(VALID, "account/foo", "\"bar\""));
        wrong.put("unknown line field", with(VALID, "entrySummary/lines/0/quantity", "3"));
        wrong.put("entry type as a number", with(VALID, "entrySummary/entryType", "1"));
        wrong.put("center 011", with(VALID, "account/center", "\"011\""));
        wrong.put("center 7", with(VALID, "account/center", "\"7\""));
        wrong.put("participation without a center", without(VALID, "account/center"));
        wrong.put("withdrawal without participation", without(VALID, "account/participationStart"));
        wrong.put("port 27A4", with(VALID, "entrySummary/portOfEntry", "\"27A4\""));
        wrong.put("entry number too short", with(VALID, "entrySummary/entryNumber", "\"345-678901-3\""));
        wrong.put("importer number with an O", with(VALID, "account/importerNumber", "\"12-3456789OO\""));
        wrong.put("blank name", with(VALID, "account/name", "\"   \""));
        wrong.put("name with a control character", with(VALID, "account/name", "\"Nokia\\u0007Inc\""));
        wrong.put("name of 257 characters", with(VALID, "account/name", "\"" + "N".repeat(257) + "\""));
        wrong.put("date not of the calendar", with(VALID, "entrySummary/entryDate", "\"2016-02-30\""));
        wrong.put("date of month 13", with(VALID, "asOf", "\"2016-13-01\""));
        wrong.put("date before 1900", with(VALID, "account/participationStart", "\"1899-12-31\""));
        wrong.put("date in another shape", with(VALID, "asOf", "\"2016-5-2\""));
        wrong.put("negative value", with(VALID, "entrySummary/lines/0/enteredValue", "\"-5\""));
        wrong.put("negative number", with(VALID, "entrySummary/lines/0/enteredValue", "-5"));
        wrong.put("seven decimal places", with(VALID, "entrySummary/lines/0/enteredValue", "\"1.1234567\""));
        wrong.put("value of 10^15", with(VALID, "entrySummary/lines/0/enteredValue", "\"1000000000000000\""));
        wrong.put("value of 10^15, a number", with(VALID, "entrySummary/lines/0/enteredValue", "1000000000000000"));
        wrong.put("value with a comma", with(VALID, "entrySummary/lines/0/enteredValue", "\"125,000.00\""));
        wrong.put("value of 65 characters", with(VALID, "entrySummary/lines/0/enteredValue",
                "\"" + "0".repeat(60) + "1.000\""));
        wrong.put("value true", with(VALID, "entrySummary/lines/0/enteredValue", "true"));
        wrong.put("bad AD/CVD case", with(VALID, "entrySummary/lines/0/adcvdCase", "\"B-570-000\""));
        wrong.put("a line that is not an object", with(VALID, "entrySummary/lines/0", "\"8517.62.0090\""));
        wrong.put("1000 lines", with(VALID, "entrySummary/lines", lines(1000)));
        wrong.put("an array", "[" + VALID + "]");
        wrong.put("an empty object", "{}");
        wrong.forEach((what, json) -> {
            List<Violation> violations = readerViolations(json);
            if (violations.isEmpty()) {
                problems.add(what + ": the reader accepts it: " + json);
            }
            if (schemas.get("request").validate(tree(json)).isEmpty()) {
                problems.add(what + ": the schema accepts it, the reader says " + violations);
            }
        });
        assertThat(problems).isEmpty();
    }

    /** Requests the reader accepts though they look odd: the schema accepts them too. */
    @Test
    void theSchemaAcceptsWhatTheReaderAccepts() {
        List<String> problems = new ArrayList<>();
        List<String> valid = List.of(
                VALID,
                with(with(with(VALID, "account/center", "null"), "account/participationStart", "null"),
                        "account/withdrawalEffective", "null"),
                with(VALID, "entrySummary/lines/0/adcvdCase", "null"),
                with(VALID, "entrySummary/lines/0/enteredValue", "125000.00"),
                with(VALID, "entrySummary/lines/0/enteredValue", "0"),
                with(VALID, "entrySummary/lines/0/enteredValue", "\"-0.00\""),
                with(VALID, "entrySummary/lines/0/enteredValue", "\"125.50000000\""),
                with(VALID, "entrySummary/lines/0/enteredValue", "125.50000000"),
                with(VALID, "entrySummary/lines/0/enteredValue", "\".5\""),
                with(VALID, "entrySummary/lines/0/enteredValue", "\"5.\""),
                with(VALID, "entrySummary/lines/0/enteredValue", "\"+999999999999999.999999\""),
                with(VALID, "entrySummary/lines/0/enteredValue", "\"1.25E5\""),
                with(VALID, "entrySummary/lines/0/enteredValue", "0.1"),
                with(VALID, "entrySummary/lines/0/enteredValue", "125000.05"),
                with(VALID, "entrySummary/lines/0/hts", "\"8517620090\""),
                with(VALID, "entrySummary/lines/0/hts", "\"8517.620090\""),
                with(VALID, "entrySummary/lines/0/hts", "\"851762.0090\""),
                with(VALID, "entrySummary/entryNumber", "\"34567890123\""),
                with(VALID, "account/importerNumber", "\"123-45-6789\""),
                with(VALID, "account/importerNumber", "\"150501-12345\""),
                with(VALID, "account/name", "\"Müller GmbH\""),
                with(VALID, "entrySummary/lines", lines(999)));
        for (String json : valid) {
            agree(json, schemas.get("request"), tree(json), readerViolations(json), problems);
        }
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // outputs, produced in-process

    @Test
    void theDecisionsAndErrorsOfTheCaseRequestsValidate() throws IOException {
        List<String> requests = new ArrayList<>();
        for (String property : List.of("cee.project.cases.dir", "cee.snapshot.cases.dir")) {
            Optional<Path> dir = optionalFolder(property);
            if (dir.isPresent()) {
                requests.addAll(caseRequests(dir.get()));
            }
        }
        assumeTrue(!requests.isEmpty(), "no case folder given (cee.project.cases.dir, cee.snapshot.cases.dir)");
        assertOutputsValidate(requests);
    }

    @Test
    void theDecisionsAndErrorsOfTheSampleRequestsValidate() throws IOException {
        List<String> requests = new ArrayList<>();
        for (Path file : files(folder("cee.samples.dir"), ".json", ".jsonl")) {
            documents(file).stream().filter(json -> !isJson(json) || !isEntrySummary(tree(json))).forEach(requests::add);
        }
        assertOutputsValidate(requests);
    }

    @Test
    void theDecisionsOfTheBuiltInRequestValidate() throws IOException {
        assertOutputsValidate(List.of(VALID, with(VALID, "asOf", "\"2018-01-01\""),
                with(with(with(VALID, "account/center", "null"), "account/participationStart", "null"),
                        "account/withdrawalEffective", "null")));
    }

    @Test
    void theErrorsOfBadInputValidate() {
        List<String> bad = List.of(
                "this line is not JSON", "", "[]", "{}", "null", "{\"asOf\":\"2016-05-02\"} {}",
                without(VALID, "entrySummary"),
                with(VALID, "entrySummary/lines/0/hts", "\"8517\""),
                with(VALID, "account/foo", "1"),
                with(VALID, "account/two words", "1"),
                with(VALID, "account/a.b[1]", "1"),
                with(VALID, "account/\u0001", "1"),
                with(VALID, "account/" + "x".repeat(100), "1"),
                with(VALID, "entrySummary/lines", badLines(1000)),
                VALID.replace("\"asOf\":\"2016-05-02\",", "\"asOf\":\"2016-05-02\",\"asOf\":\"2016-05-02\","),
                "[".repeat(40) + "]".repeat(40),
                "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}",
                IntStream.range(0, 150).mapToObj(i -> "\"f" + i + "\":" + i).collect(Collectors.joining(",", "{", "}")));
        List<String> problems = new ArrayList<>();
        for (String json : bad) {
            List<Violation> violations = readerViolations(json);
            assertThat(violations).as(json).isNotEmpty();
            check("error", errorLine(violations), json, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theCentersAndSourcesListedValidate() throws IOException {
        Router router = Routers.defaultRouter();
        List<String> problems = new ArrayList<>();
        JsonResultWriter writer = JsonResultWriter.inMemory();
        for (Center center : Center.values()) {
            writer.writeCenter(center, router.opening(center), router.rulesVersion());
            check("center", new String(writer.takeLines(), StandardCharsets.UTF_8), center.teamCode(), problems);
        }
        assertThat(router.sources()).isNotEmpty();
        for (Source source : router.sources()) {
            writer.writeSource(source);
            check("source", new String(writer.takeLines(), StandardCharsets.UTF_8), source.id(), problems);
        }
        assertThat(problems).isEmpty();
    }

    /** Each request routed and explained in-process: its lines validate against decision or error. */
    private static void assertOutputsValidate(List<String> requests) throws IOException {
        Router router = Routers.defaultRouter();
        List<String> problems = new ArrayList<>();
        int decisions = 0;
        int errors = 0;
        for (String json : requests) {
            RoutingRequest request;
            try {
                request = JsonRequestReader.read(json);
            } catch (InvalidRequestException e) {
                check("error", errorLine(e.violations()), json, problems);
                errors++;
                continue;
            }
            for (boolean explain : List.of(false, true)) {
                RoutingResult result = explain ? router.explain(request) : router.route(request);
                JsonResultWriter writer = JsonResultWriter.inMemory();
                if (result instanceof RoutingResult.Routed routed) {
                    if (explain) {
                        writer.writeExplanation(routed.decision());
                    } else {
                        writer.writeDecision(routed.decision());
                    }
                    String line = new String(writer.takeLines(), StandardCharsets.UTF_8);
                    check("decision", line, json, problems);
                    assertThat(tree(line).has("firedRules")).as("explain: " + line).isEqualTo(explain);
                    decisions++;
                } else {
                    check("error", errorLine(((RoutingResult.Rejected) result).violations()), json, problems);
                    errors++;
                }
            }
        }
        assertThat(decisions).as("decisions").isPositive();
        assertThat(problems).as("%d decisions and %d error objects checked", decisions, errors).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // not vacuous: documents made wrong on purpose are refused

    @Test
    void theOutputSchemasRefuseWrongDocuments() throws IOException {
        Router router = Routers.defaultRouter();
        RoutingRequest request = JsonRequestReader.read(VALID);
        JsonResultWriter writer = JsonResultWriter.inMemory();
        writer.writeDecision(((RoutingResult.Routed) router.route(request)).decision());
        String decision = new String(writer.takeLines(), StandardCharsets.UTF_8);
        writer.writeExplanation(((RoutingResult.Routed) router.explain(request)).decision());
        String explanation = new String(writer.takeLines(), StandardCharsets.UTF_8);
        assertThat(schemas.get("decision").validate(tree(decision))).isEmpty();
        assertThat(schemas.get("decision").validate(tree(explanation))).isEmpty();

        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        wrong.put("no rulesVersion", edit(decision, d -> ((ObjectNode) d).remove("rulesVersion")));
        wrong.put("center 011", edit(decision, d -> ((ObjectNode) d).put("center", "011")));
        wrong.put("entry number without dashes", edit(decision, d -> ((ObjectNode) d).put("entryNumber", "34567890123")));
        wrong.put("19 routes", edit(decision, d -> ((ArrayNode) d.get("routes")).remove(19)));
        wrong.put("routes out of order", edit(decision, d -> {
            ArrayNode routes = (ArrayNode) d.get("routes");
            JsonNode first = routes.remove(0);
            routes.add(first);
        }));
        wrong.put("a port office of 3 digits", edit(decision, d -> route(d, 0).with("office").put("code", "270")));
        wrong.put("a Center office without code", edit(decision, d -> route(d, 1).with("office").remove("code")));
        wrong.put("an unknown office type", edit(decision, d -> route(d, 0).with("office").put("type", "AIRPORT")));
        wrong.put("certainty sure", edit(decision, d -> route(d, 0).put("certainty", "sure")));
        wrong.put("a citation without source", edit(decision, d -> ((ObjectNode) route(d, 0).get("citations").get(0))
                .remove("source")));
        wrong.put("a source id in capitals", edit(decision, d -> ((ObjectNode) route(d, 0).get("citations").get(0))
                .put("source", "TPD-2013")));
        wrong.put("a blank rule", edit(decision, d -> route(d, 0).put("rule", " ")));
        wrong.put("a submission on CARGO_RELEASE", edit(decision, d -> route(d, 0).set("submission",
                route(d, 1).get("submission").deepCopy())));
        wrong.put("a submission of another function's abbreviation", edit(decision, d ->
                ((ObjectNode) route(d, 1).get("submission")).put("subject", "F28,NokiaInc,345-67890123,2704")));
        wrong.put("a subject with spaces", edit(decision, d ->
                ((ObjectNode) route(d, 1).get("submission")).put("subject", "DR,Nokia Inc,345-67890123,2704")));
        wrong.put("fired rules in a decision of route", edit(decision, d -> route(d, 0).putArray("firedRules")));
        wrong.put("an explanation without sources", edit(explanation, d -> ((ObjectNode) d).remove("sources")));
        wrong.put("an explanation with a route without fired rules", edit(explanation, d -> route(d, 3)
                .remove("firedRules")));
        wrong.put("a source with an http URL", edit(explanation, d -> ((ObjectNode) d.get("sources").get(0))
                .put("url", "http://example.com/")));
        wrong.put("a fired rule of an unknown function", edit(explanation, d -> ((ArrayNode) d.get("firedRules").get(0)
                .get("functions")).add("SMUGGLING")));
        List<String> accepted = new ArrayList<>();
        wrong.forEach((what, node) -> {
            if (schemas.get("decision").validate(node).isEmpty()) {
                accepted.add(what);
            }
        });

        String error = errorLine(List.of(new Violation("entrySummary.lines[0].hts", "must be 10 digits")));
        assertThat(schemas.get("error").validate(tree(error))).isEmpty();
        Map<String, JsonNode> wrongErrors = new LinkedHashMap<>();
        wrongErrors.put("no errors", tree("{\"errors\":[]}"));
        wrongErrors.put("an error without field", edit(error, e -> ((ObjectNode) e.get("errors").get(0)).remove("field")));
        wrongErrors.put("a field a..b", edit(error, e -> ((ObjectNode) e.get("errors").get(0)).put("field", "a..b")));
        wrongErrors.put("a blank field", edit(error, e -> ((ObjectNode) e.get("errors").get(0)).put("field", "")));
        wrongErrors.put("a message of two lines", edit(error, e -> ((ObjectNode) e.get("errors").get(0))
                .put("message", "one\ntwo")));
        wrongErrors.put("a decision", tree(decision));
        wrongErrors.forEach((what, node) -> {
            if (schemas.get("error").validate(node).isEmpty()) {
                accepted.add("error: " + what);
            }
        });
        assertThat(accepted).as("wrong documents accepted").isEmpty();
        // closed schemas refuse an added field; the published ones accept it (v1: fields may be added)
        JsonNode added = edit(decision, d -> route(d, 0).put("addedLater", true));
        assertThat(schemas.get("decision").validate(added)).isEmpty();
        assertThat(closed.get("decision").validate(added)).isNotEmpty();
    }

    /**
     * A subject line ({@code cee-rules subject F28}) carries its route's submission as {@code route}
     * writes it, its certainty included: the subject schema describes every field of it and requires
     * the certainty, as the decision schema does.
     */
    @Test
    void aSubjectLineValidatesWithItsRoutesSubmission() throws IOException {
        JsonResultWriter writer = JsonResultWriter.inMemory();
        writer.writeDecision(((RoutingResult.Routed) Routers.defaultRouter().route(JsonRequestReader.read(VALID)))
                .decision());
        JsonNode decision = tree(new String(writer.takeLines(), StandardCharsets.UTF_8));
        JsonNode route = IntStream.range(0, decision.get("routes").size()).mapToObj(i -> decision.get("routes").get(i))
                .filter(r -> r.get("function").asText().equals("REQUEST_FOR_INFORMATION")).findFirst().orElseThrow();
        ObjectNode subject = MAPPER.createObjectNode();
        subject.put("entryNumber", decision.get("entryNumber").asText());
        subject.put("asOf", decision.get("asOf").asText());
        subject.put("abbreviation", "F28");
        subject.put("document", "Form 28");
        subject.put("function", "REQUEST_FOR_INFORMATION");
        subject.put("center", decision.get("center").asText());
        subject.set("submission", route.get("submission").deepCopy());
        subject.put("rule", route.get("rule").asText());
        subject.put("authority", route.get("authority").asText());
        subject.put("rulesVersion", decision.get("rulesVersion").asText());

        assertThat(route.get("submission").has("certainty")).isTrue();
        assertThat(schemas.get("subject").validate(subject)).isEmpty();
        assertThat(closed.get("subject").validate(subject)).as("every field described").isEmpty();
        ((ObjectNode) subject.get("submission")).remove("certainty");
        assertThat(schemas.get("subject").validate(subject)).as("the certainty required").isNotEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    /** The schema and the reader agree on a request: both accept it, or both refuse it (but for what no schema sees). */
    private static void agree(String what, Schema schema, JsonNode node, List<Violation> reader, List<String> problems) {
        List<Error> errors = schema.validate(node);
        boolean beyond = !reader.isEmpty() && reader.stream()
                .allMatch(v -> BEYOND_A_SCHEMA.stream().anyMatch(v.message()::contains));
        if (reader.isEmpty() && !errors.isEmpty()) {
            problems.add(what + ": the reader accepts it, the schema says " + errors);
        } else if (!reader.isEmpty() && !beyond && errors.isEmpty()) {
            problems.add(what + ": the reader says " + reader + ", the schema accepts it");
        }
    }

    /** A line validates against a schema, as published and closed. */
    private static void check(String name, String line, String input, List<String> problems) {
        assertThat(line).endsWith("\n").doesNotContain("\r");
        assertThat(line.indexOf('\n')).as("one line").isEqualTo(line.length() - 1);
        JsonNode node = tree(line);
        List<Error> errors = schemas.get(name).validate(node);
        if (!errors.isEmpty()) {
            problems.add(name + " of " + input + ": " + errors + "\n  " + line);
        }
        List<Error> closedErrors = closed.get(name).validate(node);
        if (errors.isEmpty() && !closedErrors.isEmpty()) {
            problems.add(name + " of " + input + ": fields the schema does not describe: " + closedErrors + "\n  " + line);
        }
    }

    /** The violations the reader finds in a request and, when it reads it, the router's rejection; empty if routed. */
    private static List<Violation> readerViolations(String json) {
        try {
            RoutingResult result = Routers.defaultRouter().route(JsonRequestReader.read(json));
            return result instanceof RoutingResult.Rejected rejected ? rejected.violations() : List.of();
        } catch (InvalidRequestException e) {
            return e.violations();
        }
    }

    private static List<Violation> entrySummaryViolations(String json) {
        try {
            JsonRequestReader.readEntrySummary(json);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.violations();
        }
    }

    private static String errorLine(List<Violation> violations) {
        try {
            JsonResultWriter writer = JsonResultWriter.inMemory();
            writer.writeErrors(violations);
            return new String(writer.takeLines(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The registry of a set of schemas given by $id; formats (date, email, uri) are asserted. */
    private static SchemaRegistry registry(Function<String, String> schemasById) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(schemasById)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /**
     * The schema with every object closed: {@code additionalProperties: false} on every schema of
     * {@code "type": "object"} that lists properties and says nothing of others.
     */
    private static JsonNode close(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode type = object.get("type");
            boolean isObject = type != null && (type.asText().equals("object")
                    || (type.isArray() && type.toString().contains("\"object\"")));
            if (isObject && object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(field -> close(field.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(JsonSchemaTest::close);
        }
        return node;
    }

    /** Collects the paths of the properties that have neither a title nor a description nor a $ref. */
    private static void fields(JsonNode node, String path, List<String> bare) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = object.get("properties");
            boolean describes = object.has("type");
            if (describes && properties instanceof ObjectNode fields) {
                fields.properties().forEach(field -> {
                    JsonNode value = field.getValue();
                    if (!value.has("title") && !value.has("description") && !value.has("$ref")) {
                        bare.add(path + "/properties/" + field.getKey());
                    }
                });
            }
            object.properties().forEach(field -> fields(field.getValue(), path + "/" + field.getKey(), bare));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                fields(array.get(i), path + "/" + i, bare);
            }
        }
    }

    private static ObjectNode route(JsonNode decision, int index) {
        return (ObjectNode) decision.get("routes").get(index);
    }

    private interface Edit {
        void apply(JsonNode node);
    }

    private static JsonNode edit(String json, Edit edit) {
        JsonNode node = tree(json);
        edit.apply(node);
        return node;
    }

    /** The request with the field at a path ({@code entrySummary/lines/0/hts}, line indexes as numbers) set to a JSON value. */
    private static String with(String json, String path, String value) {
        return change(json, path, tree(value));
    }

    private static String without(String json, String path) {
        return change(json, path, null);
    }

    private static String change(String json, String path, JsonNode value) {
        JsonNode root = tree(json);
        String[] steps = path.split("/");
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps[i])) : parent.get(steps[i]);
        }
        String name = steps[steps.length - 1];
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(name);
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove(name);
        } else {
            ((ObjectNode) parent).set(name, value);
        }
        return root.toString();
    }

    private static String lines(int count) {
        return Stream.generate(() -> "{\"hts\":\"8517.62.0090\",\"enteredValue\":\"10.00\"}").limit(count)
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String badLines(int count) {
        return Stream.generate(() -> "{\"hts\":\"8517\",\"enteredValue\":\"-1\"}").limit(count)
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static boolean isJson(String text) {
        try {
            MAPPER.readTree(text);
            return !text.isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    /** An entry summary on its own (an input line of assign) rather than a request. */
    private static boolean isEntrySummary(JsonNode node) {
        return node.has("entryNumber") && !node.has("entrySummary");
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The folder a system property names, or the test is skipped. */
    private static Path folder(String property) {
        Optional<Path> dir = optionalFolder(property);
        assumeTrue(dir.isPresent(), property + " is not set to a folder");
        return dir.get();
    }

    private static Optional<Path> optionalFolder(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.isDirectory(Path.of(value))) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value));
    }

    private static List<Path> files(Path dir, String... extensions) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> Stream.of(extensions).anyMatch(f.getFileName().toString()::endsWith))
                    .sorted().toList();
        }
    }

    /** The JSON documents of a file: the whole of a .json file, each non-blank line of a .jsonl file. */
    private static List<String> documents(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (file.getFileName().toString().endsWith(".jsonl")) {
            return text.lines().filter(line -> !line.isBlank()).toList();
        }
        return List.of(text);
    }

    /** The request of every case file of a folder (lookup cases have none), as one line of JSON each. */
    private static List<String> caseRequests(Path dir) throws IOException {
        List<String> requests = new ArrayList<>();
        for (Path file : files(dir, ".json")) {
            JsonNode request = tree(Files.readString(file, StandardCharsets.UTF_8)).get("request");
            if (request != null && !request.isNull()) {
                requests.add(request.toString());
            }
        }
        return requests;
    }

    private static String resource(String name) {
        try (InputStream in = JsonSchemaTest.class.getResourceAsStream(name)) {
            assertThat(in).as("class path resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
