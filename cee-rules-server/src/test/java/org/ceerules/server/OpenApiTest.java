package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ceerules.api.Routers;
import org.ceerules.testing.CaseFolders;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI 3.1 document of {@code /openapi.json}: it embeds the contract's JSON Schemas as
 * cee-rules-json publishes them, it describes every endpoint, and the real answers of every
 * operation validate against the schemas it gives for their status and content type, with no
 * schema but those of the document itself.
 */
class OpenApiTest {

    private static final String DOCUMENT = "https://openapi.test/openapi.json";
    private static final List<String> CONTRACT = List.of("request", "decision", "error", "source", "center", "assign",
            "subject", "lookup");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static DecisionServer server;
    private static Http http;
    private static JsonNode document;
    private static SchemaRegistry registry;

    @BeforeAll
    static void start() throws IOException {
        server = DecisionServer.start(Routers.defaultRouter(), ServerSettings.defaults().withPort(0));
        http = new Http(server.uri());
        Http.Answer answer = http.get("openapi.json");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        document = MAPPER.readTree(answer.bytes());
        Map<String, String> texts = new HashMap<>();
        texts.put(DOCUMENT, answer.body());
        // the embedded schemas, by their $id, as the document holds them: nothing from elsewhere
        document.path("components").path("schemas").forEach(schema -> {
            if (schema.has("$id")) {
                texts.put(schema.get("$id").asText(), schema.toString());
            }
        });
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(texts::get)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void isAnOpenApi31DocumentEmbeddingTheContractsSchemas() throws IOException {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("jsonSchemaDialect").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(document.path("info").path("version").asText()).isEqualTo(Version.VALUE).isNotEqualTo("unknown");
        for (String name : CONTRACT) {
            try (InputStream in = OpenApiTest.class.getResourceAsStream("/org/ceerules/json/schema/" + name
                    + ".schema.json")) {
                assertThat(document.path("components").path("schemas").path(name)).as(name)
                        .isEqualTo(MAPPER.readTree(in));
            }
        }
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(ref.startsWith("#/components/")
                || ref.startsWith("#/$defs/") || ref.startsWith("https://ceerules.org/schema/v1/")
                || CONTRACT.contains(ref.replaceFirst("\\.schema\\.json(#/\\$defs/\\w+)?$", ""))).as(ref).isTrue());
        Set<String> paths = new TreeSet<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/v1/route", "/v1/explain", "/v1/subject/{abbreviation}",
                "/v1/assign", "/v1/lookup/{hts}", "/v1/team/{number}", "/v1/centers", "/v1/sources", "/v1/rules",
                "/v1/version", "/healthz", "/readyz", "/metrics", "/openapi.json", "/", "/centers/{code}");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    private record Call(String method, String template, String path, String contentType, String body) {
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws IOException {
        String batch = Files.readString(CaseFolders.samples().resolve("batch.jsonl"));
        String entries = Files.readString(CaseFolders.samples().resolve("importer-entries.jsonl"));
        String noCenter = Requests.change(Requests.change(Requests.change(Requests.VALID, "account.center",
                Requests.REMOVE), "account.participationStart", Requests.REMOVE), "account.withdrawalEffective",
                Requests.REMOVE);
        String json = "application/json";
        String lines = "application/x-ndjson";
        List<Call> calls = List.of(
                new Call("POST", "/v1/route", "v1/route", json, Requests.VALID),
                new Call("POST", "/v1/route", "v1/route", lines, batch),
                new Call("POST", "/v1/route", "v1/route", json, Requests.with("entrySummary.entryType", "\"9\"")),
                new Call("POST", "/v1/route", "v1/route", "text/plain", Requests.VALID),
                new Call("GET", "/v1/route", "v1/route", null, null),
                new Call("POST", "/v1/explain", "v1/explain?asOf=2016-06-01", json, Requests.VALID),
                new Call("POST", "/v1/explain", "v1/explain", lines, batch),
                new Call("POST", "/v1/subject/{abbreviation}", "v1/subject/F28", json, Requests.VALID),
                new Call("POST", "/v1/subject/{abbreviation}", "v1/subject/I?asOf=2018-01-02", json, noCenter),
                new Call("POST", "/v1/subject/{abbreviation}", "v1/subject/ZZ", json, Requests.VALID),
                new Call("POST", "/v1/subject/{abbreviation}", "v1/subject/F28", json, Requests.without("account")),
                new Call("POST", "/v1/assign", "v1/assign?asOf=2020-01-01&center=007", lines, entries),
                new Call("POST", "/v1/assign", "v1/assign", lines, "{\"lines\":[]}\n"),
                new Call("GET", "/v1/lookup/{hts}", "v1/lookup/8517.62.0090?asOf=2016-05-02", null, null),
                new Call("GET", "/v1/lookup/{hts}", "v1/lookup/9999999999?asOf=2016-05-02", null, null),
                new Call("GET", "/v1/lookup/{hts}", "v1/lookup/85", null, null),
                new Call("GET", "/v1/team/{number}", "v1/team/673", null, null),
                new Call("GET", "/v1/team/{number}", "v1/team/CEE007", null, null),
                new Call("GET", "/v1/team/{number}", "v1/team/!", null, null),
                new Call("GET", "/v1/centers", "v1/centers", null, null),
                new Call("GET", "/v1/sources", "v1/sources", null, null),
                new Call("GET", "/v1/rules", "v1/rules", null, null),
                new Call("GET", "/v1/version", "v1/version", null, null),
                new Call("GET", "/v1/version", "v1/version?x=1", null, null),
                new Call("GET", "/healthz", "healthz", null, null),
                new Call("GET", "/readyz", "readyz", null, null),
                new Call("GET", "/metrics", "metrics", null, null),
                new Call("GET", "/openapi.json", "openapi.json", null, null),
                new Call("GET", "/", "", null, null),
                new Call("GET", "/centers/{code}", "centers/001", null, null),
                new Call("GET", "/centers/{code}", "centers/011", null, null),
                new Call("DELETE", "/healthz", "healthz", null, null));
        Set<String> called = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Call call : calls) {
            Http.Answer answer = call.body() == null ? http.method(call.method(), call.path())
                    : http.post(call.path(), call.contentType(), call.body());
            String what = call.method() + " /" + call.path() + " -> " + answer.status();
            JsonNode operation = document.path("paths").path(call.template())
                    .path(call.method().toLowerCase(Locale.ROOT));
            if (operation.isMissingNode()) {
                // a method the path does not take: 405 is documented under the path's own operation
                operation = document.path("paths").path(call.template()).elements().next();
                assertThat(answer.status()).as(what).isEqualTo(405);
            } else {
                called.add(call.method() + " " + call.template());
            }
            String pointer = responsePointer(call, operation, answer.status());
            JsonNode response = at(pointer);
            assertThat(response.isMissingNode()).as("%s is documented", what).isFalse();
            String mediaType = answer.contentType().split(";")[0].strip();
            String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
            assertThat(at(schemaPointer).isMissingNode()).as("%s: %s is documented", what, mediaType).isFalse();
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + schemaPointer));
            List<String> instances = mediaType.equals("application/x-ndjson") ? answer.body().lines().toList()
                    : mediaType.equals("application/json") ? List.of(answer.body()) : List.of();
            if (instances.isEmpty()) {
                assertThat(at(schemaPointer).path("type").asText()).as(what).isEqualTo("string");
            }
            for (String instance : instances) {
                List<Error> errors = schema.validate(MAPPER.readTree(instance));
                if (!errors.isEmpty()) {
                    problems.add(what + ": " + errors + " in " + instance);
                }
            }
        }
        assertThat(problems).isEmpty();
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        assertThat(called).isEqualTo(documented);
    }

    /** The pointer to the response object of a status, following a $ref to components/responses. */
    private static String responsePointer(Call call, JsonNode operation, int status) {
        String pointer = "/paths/" + escape(call.template()) + "/" + operationMethod(call, operation)
                + "/responses/" + status;
        JsonNode response = at(pointer);
        if (response.has("$ref")) {
            return response.get("$ref").asText().substring(1);
        }
        return pointer;
    }

    private static String operationMethod(Call call, JsonNode operation) {
        Iterator<Map.Entry<String, JsonNode>> methods = document.path("paths").path(call.template()).fields();
        while (methods.hasNext()) {
            Map.Entry<String, JsonNode> method = methods.next();
            if (method.getValue() == operation) {
                return method.getKey();
            }
        }
        throw new IllegalStateException("no operation");
    }

    private static JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
