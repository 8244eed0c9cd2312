package org.ceerules.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to plain Java values and back, with jackson-core only (objects are
 * {@link LinkedHashMap}s in document order, arrays {@link List}s, numbers {@link BigDecimal}s,
 * JSON null is Java null). Strict: duplicate names and trailing content fail.
 */
public final class JsonTree {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonTree() {
    }

    /**
     * @param json one JSON value
     * @return the value as maps, lists, strings, big decimals, booleans and nulls
     */
    public static Object parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IllegalArgumentException("no JSON value in: " + json);
            }
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value in: " + json);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /**
     * @param json one JSON object
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String json) {
        Object value = parse(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        return (Map<String, Object>) value;
    }

    /**
     * @param jsonLines JSON Lines text, every line an object
     * @return the objects, in order
     */
    public static List<Map<String, Object>> lines(String jsonLines) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (jsonLines.isEmpty()) {
            return objects;
        }
        if (!jsonLines.endsWith("\n")) {
            throw new IllegalArgumentException("JSON Lines end with a newline: " + jsonLines);
        }
        for (String line : jsonLines.split("\n", -1)) {
            if (!line.isEmpty()) {
                objects.add(object(line));
            }
        }
        return objects;
    }

    /**
     * @param value maps, lists, strings, numbers, booleans and nulls
     * @return compact JSON on one line
     */
    public static String write(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A deep copy, to change a tree without touching the original.
     *
     * @param value maps, lists, strings, numbers, booleans and nulls
     * @return an equal tree that shares no map or list with {@code value}
     */
    public static Object copy(Object value) {
        return parse(write(value));
    }

    private static Object read(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new BigDecimal(parser.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected " + parser.currentToken());
        }
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName((String) entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Number number) {
            generator.writeNumber(number.toString());
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }
}
