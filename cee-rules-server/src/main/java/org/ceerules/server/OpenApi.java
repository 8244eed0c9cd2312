package org.ceerules.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.ceerules.json.JsonTree;

/**
 * The OpenAPI 3.1 document of {@code GET /openapi.json}: {@code openapi.json} beside this class,
 * each of its schemas written {@code "embed:NAME"} replaced by the contract's JSON Schema {@code
 * NAME.schema.json} of {@code cee-rules-json} ({@code /org/ceerules/json/schema/}), whole, with
 * its {@code $id}: the document describes the answers by the very schemas that the contract
 * publishes, and needs nothing else to be read. Not instantiable.
 */
final class OpenApi {

    /** Where the contract's schemas are on the class path. */
    static final String SCHEMAS = "/org/ceerules/json/schema/";
    private static final String EMBED = "embed:";

    private OpenApi() {
    }

    /**
     * @return the document as one line of JSON (UTF-8), with this build's version
     * @throws IllegalStateException if a schema it names is missing
     */
    @SuppressWarnings("unchecked")
    static byte[] document() {
        Map<String, Object> document = JsonTree.object(resource("openapi.json"));
        ((Map<String, Object>) document.get("info")).put("version", Version.VALUE);
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("schemas");
        schemas.replaceAll((name, schema) -> schema instanceof String text && text.startsWith(EMBED)
                ? JsonTree.parse(resource(SCHEMAS + text.substring(EMBED.length()) + ".schema.json"))
                : schema);
        return (JsonTree.write(document) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = OpenApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
