package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.RoutingRequest;
import org.ceerules.testing.ErrorContract;
import org.ceerules.testing.Requests;

/**
 * Fuzzes the JSON-to-request mapping ({@link JsonRequestReader}) with Jazzer, structure-aware: the
 * fuzzer's bytes choose, field by field, a value that passes the contract's checks, one at their
 * edges (dates that do not exist, year 0000, numbers with exponents of any size, codes one digit
 * off), a value of another JSON type, random text, or no value; fields are sometimes repeated or
 * unknown. Whatever the request, reading it either gives a request that the contract's JSON of it
 * reads back to, or names at least one field, every one a path the contract can have; nothing
 * else escapes. (Raw bytes, invalid UTF-8 and line splitting are fuzzed by {@link RequestStreamFuzzTest}.)
 *
 * <p>Run by the surefire execution {@code fuzz}; past crashes are the files under
 * {@code src/test/resources/org/ceerules/json/JsonRequestReaderFuzzTestInputs/}.
 */
class JsonRequestReaderFuzzTest {

    private static final LocalDate OVERRIDE = LocalDate.of(2017, 1, 19);

    private static final List<String> DATES = List.of("2016-05-02", "2016-04-20", "2014-03-01", "2017-01-19",
            "2016-02-29", "2016-02-30", "2015-02-29", "0000-01-01", "1899-12-31", "1900-01-01", "2199-12-31",
            "2200-01-01", "2016-5-2", "20160502", "+2016-05-02", "2016-05-02T00:00", "");
    private static final List<String> IMPORTERS = List.of("12-345678900", "12-3456789AB", "12-3456789OI",
            "123456-12345", "123-45-6789", "12-34567890", "");
    private static final List<String> CENTERS = List.of("001", "007", "010", "000", "011", "7", "0007", "");
    private static final List<String> ENTRY_NUMBERS = List.of("345-6789012-3", "34567890123", "ABC-1234567-6",
            "abc12345676", "999-9999999-0", "SP7-0000001-4", "345-6789012-4", "345-678901-3", "");
    private static final List<String> ENTRY_TYPES = List.of("01", "02", "03", "06", "09", "23", "45", "62", "10",
            "99", "1", "001", "");
    private static final List<String> PORTS = List.of("2704", "5101", "27A4", "270", "27044", "");
    private static final List<String> HTS = List.of("8517.62.0090", "8517620090", "0017.62.0090", "7717620090",
            "8517.62.009", "8517-62-0090", "");
    private static final List<String> CASES = List.of("A-570-000", "C-570-910", "B-570-000", "A570000", "");

    @FuzzTest(maxDuration = "5s")
    void readsARequestOrNamesItsProblems(FuzzedDataProvider data) {
        boolean override = data.consumeBoolean();
        String json = request(data);
        Optional<LocalDate> asOf = override ? Optional.of(OVERRIDE) : Optional.empty();
        RoutingRequest request;
        try {
            request = JsonRequestReader.read(json, asOf);
        } catch (InvalidRequestException e) {
            ErrorContract.namesFields(e.violations());
            return;
        }
        if (override) {
            assertThat(request.asOf()).isEqualTo(OVERRIDE);
        }
        assertThat(JsonRequestReader.read(Requests.json(request))).as("the request's own JSON reads back to it")
                .isEqualTo(request);
    }

    private static String request(FuzzedDataProvider data) {
        StringBuilder json = new StringBuilder("{");
        field(json, data, "asOf", DATES);
        object(json, data, "account", () -> {
            StringBuilder account = new StringBuilder("{");
            field(account, data, "importerNumber", IMPORTERS);
            field(account, data, "name", List.of("Nokia Inc", " ", "x".repeat(257), "a\u0000b"));
            field(account, data, "center", CENTERS);
            field(account, data, "participationStart", DATES);
            field(account, data, "withdrawalEffective", DATES);
            return close(account, data);
        });
        object(json, data, "entrySummary", () -> {
            StringBuilder summary = new StringBuilder("{");
            field(summary, data, "entryNumber", ENTRY_NUMBERS);
            field(summary, data, "entryType", ENTRY_TYPES);
            field(summary, data, "portOfEntry", PORTS);
            field(summary, data, "entryDate", DATES);
            object(summary, data, "lines", () -> {
                // mostly a few lines; rarely as many as ACE allows, one more, or many more
                int count = data.consumeInt(0, 63) == 0 ? data.pickValue(new int[] {999, 1000, 5000})
                        : data.pickValue(new int[] {0, 1, 1, 1, 2, 3});
                StringBuilder lines = new StringBuilder("[");
                for (int i = 0; i < count; i++) {
                    lines.append(i > 0 ? "," : "");
                    if (data.consumeInt(0, 15) == 0) {
                        lines.append(value(data, List.of()));
                        continue;
                    }
                    StringBuilder line = new StringBuilder("{");
                    field(line, data, "hts", HTS);
                    numberField(line, data, "enteredValue");
                    field(line, data, "adcvdCase", CASES);
                    lines.append(close(line, data));
                }
                return lines.append(']').toString();
            });
            return close(summary, data);
        });
        return close(json, data);
    }

    /** A field with a value of the list, another value or none; sometimes given twice. */
    private static void field(StringBuilder object, FuzzedDataProvider data, String name, List<String> typical) {
        int times = data.pickValue(new int[] {0, 1, 1, 1, 1, 1, 1, 2});
        for (int i = 0; i < times; i++) {
            comma(object).append(JsonTree.write(name)).append(':').append(value(data, typical));
        }
    }

    private static void numberField(StringBuilder object, FuzzedDataProvider data, String name) {
        if (data.consumeInt(0, 9) == 0) {
            return;
        }
        String number = number(data);
        String value = switch (data.consumeInt(0, 3)) {
            case 0 -> JsonTree.write(number);
            case 1 -> value(data, List.of("125000.00"));
            default -> number;
        };
        comma(object).append(JsonTree.write(name)).append(':').append(value);
    }

    /** A JSON number's text: sign, digits, fraction and exponent of any size. */
    private static String number(FuzzedDataProvider data) {
        StringBuilder number = new StringBuilder();
        if (data.consumeBoolean()) {
            number.append('-');
        }
        number.append(Long.toUnsignedString(data.consumeLong() >>> data.consumeInt(0, 63)));
        if (data.consumeBoolean()) {
            number.append('.').append(Long.toUnsignedString(data.consumeLong() >>> data.consumeInt(0, 63)));
        }
        if (data.consumeBoolean()) {
            number.append(data.consumeBoolean() ? 'e' : 'E').append(data.consumeBoolean() ? "" : "+")
                    .append(data.consumeInt());
        }
        return number.toString();
    }

    private static void object(StringBuilder object, FuzzedDataProvider data, String name,
                               java.util.function.Supplier<String> inner) {
        switch (data.consumeInt(0, 11)) {
            case 0 -> {
                // absent
            }
            case 1 -> comma(object).append(JsonTree.write(name)).append(':').append(value(data, List.of()));
            default -> comma(object).append(JsonTree.write(name)).append(':').append(inner.get());
        }
    }

    /** Closes an object, sometimes after an unknown field. */
    private static String close(StringBuilder object, FuzzedDataProvider data) {
        if (data.consumeInt(0, 15) == 0) {
            comma(object).append(JsonTree.write(data.consumeString(8))).append(':').append(value(data, List.of()));
        }
        return object.append('}').toString();
    }

    /** A value: mostly one of {@code typical}, else another JSON type or random text. */
    private static String value(FuzzedDataProvider data, List<String> typical) {
        int kind = data.consumeInt(0, typical.isEmpty() ? 7 : 15);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> data.consumeBoolean() ? "true" : "false";
            case 2 -> number(data);
            case 3 -> "[" + (data.consumeBoolean() ? "" : "1,\"x\",{}") + "]";
            case 4 -> "{\"x\":[{\"y\":null}]}";
            case 5 -> "[".repeat(data.consumeInt(1, 40)) + "]".repeat(data.consumeInt(0, 40));
            case 6, 7 -> JsonTree.write(data.consumeString(24));
            default -> JsonTree.write(data.pickValue(typical));
        };
    }

    private static StringBuilder comma(StringBuilder object) {
        char last = object.charAt(object.length() - 1);
        return last == '{' || last == '[' ? object : object.append(',');
    }
}
