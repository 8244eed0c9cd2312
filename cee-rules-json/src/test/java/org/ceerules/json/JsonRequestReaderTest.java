package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ceerules.api.Center;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.Violation;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRequestReaderTest {

    private static final List<String> STRING_FIELDS = List.of("asOf", "account.importerNumber", "account.name",
            "account.center", "account.participationStart", "account.withdrawalEffective",
            "entrySummary.entryNumber", "entrySummary.entryType", "entrySummary.portOfEntry",
            "entrySummary.entryDate", "entrySummary.lines[0].hts", "entrySummary.lines[0].adcvdCase");

    private static final List<String> NOT_STRINGS = List.of("1", "2.5", "true", "false", "{}", "[]",
            "{\"a\":[1,{\"b\":2}]}");

    /** The violations of reading {@code json}, which must be invalid. */
    static List<Violation> violations(String json) {
        return violations(json, Optional.empty());
    }

    static List<Violation> violations(String json, Optional<LocalDate> asOf) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> JsonRequestReader.read(json, asOf));
        assertThat(e).as("reading %s must fail", json).isNotNull();
        return e.violations();
    }

    static List<String> fields(String json) {
        return violations(json).stream().map(Violation::field).toList();
    }

    @Test
    void mapsEveryFieldOfTheContract() {
        RoutingRequest request = JsonRequestReader.read(Requests.VALID);

        assertThat(request.asOf()).isEqualTo(LocalDate.of(2016, 5, 2));
        assertThat(request.account().importerNumber()).isEqualTo("12-345678900");
        assertThat(request.account().name()).isEqualTo("Nokia Inc");
        assertThat(request.account().center()).contains(Center.ELECTRONICS);
        assertThat(request.account().participationStart()).contains(LocalDate.of(2014, 3, 1));
        assertThat(request.account().withdrawalEffective()).contains(LocalDate.of(2017, 1, 1));
        assertThat(request.entrySummary().entryNumber()).isEqualTo("345-6789012-3");
        assertThat(request.entrySummary().entryType()).isEqualTo("01");
        assertThat(request.entrySummary().portOfEntry()).isEqualTo("2704");
        assertThat(request.entrySummary().entryDate()).isEqualTo(LocalDate.of(2016, 4, 20));
        assertThat(request.entrySummary().lines()).singleElement().satisfies(line -> {
            assertThat(line.hts()).isEqualTo("8517.62.0090");
            assertThat(line.enteredValue()).isEqualTo(new BigDecimal("125000.00"));
            assertThat(line.adcvdCase()).contains("A-570-000");
        });
    }

    @Test
    void readsPrettyPrintedJsonAndFieldsInAnyOrder() {
        String json = """
                {
                  "entrySummary": {
                    "lines": [ { "enteredValue": "1", "hts": "8517620090" } ],
                    "entryDate": "2016-04-20", "portOfEntry": "2704", "entryType": "01",
                    "entryNumber": "34567890123"
                  },
                  "account": { "name": "Nokia Inc", "importerNumber": "12-345678900" },
                  "asOf": "2016-05-02"
                }
                """;
        RoutingRequest request = JsonRequestReader.read(json);
        assertThat(request.entrySummary().entryNumber()).isEqualTo("345-6789012-3");
        assertThat(request.account().center()).isEmpty();
    }

    @Nested
    class WrongJsonTypes {

        static Stream<Arguments> stringFieldsWithOtherTypes() {
            return STRING_FIELDS.stream().flatMap(field -> NOT_STRINGS.stream().map(value -> Arguments.of(field, value)));
        }

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("stringFieldsWithOtherTypes")
        void aStringFieldNamesTheTypeItGot(String field, String value) {
            List<Violation> violations = violations(Requests.with(field, value));

            assertThat(violations).filteredOn(v -> v.field().equals(field)).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("must be a JSON string, was "));
            // the other fields are still read: nothing else is wrong with this request
            assertThat(violations).extracting(Violation::field)
                    .allMatch(f -> f.equals(field) || dependsOn(f, field));
        }

        /** Clearing one field can make another invalid (a withdrawal needs a participation start). */
        private static boolean dependsOn(String reported, String changed) {
            return changed.startsWith("account.") && reported.startsWith("account.")
                    || changed.equals("entrySummary.entryDate") && reported.equals("asOf")
                    || changed.equals("asOf");
        }

        @Test
        void theMessageSaysWhatWasGiven() {
            assertThat(violations(Requests.with("entrySummary.entryType", "1")))
                    .containsExactly(new Violation("entrySummary.entryType", "must be a JSON string, was the number 1"));
            assertThat(violations(Requests.with("account.name", "[\"Nokia\"]")))
                    .containsExactly(new Violation("account.name", "must be a JSON string, was an array"));
            assertThat(violations(Requests.with("entrySummary.portOfEntry", "false")))
                    .containsExactly(new Violation("entrySummary.portOfEntry", "must be a JSON string, was false"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"true", "{}", "[]", "[125000]"})
        void enteredValueIsAStringOrANumber(String value) {
            assertThat(violations(Requests.with("entrySummary.lines[0].enteredValue", value)))
                    .singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("entrySummary.lines[0].enteredValue");
                        assertThat(v.message()).startsWith("must be a decimal number, as a JSON string or number, was");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"x\"", "1", "true", "[]"})
        void accountAndEntrySummaryAreObjects(String value) {
            assertThat(fields(Requests.with("account", value))).contains("account")
                    .allMatch(f -> f.startsWith("account"));
            assertThat(fields(Requests.with("entrySummary", value))).contains("entrySummary")
                    .allMatch(f -> f.startsWith("entrySummary") || f.equals("asOf"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"x\"", "1", "true", "{}"})
        void linesIsAnArray(String value) {
            assertThat(violations(Requests.with("entrySummary.lines", value))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("entrySummary.lines");
                        assertThat(v.message()).startsWith("must be a JSON array of line objects, was");
                    });
        }

        @Test
        void aLineIsAnObjectAndTheLinesAfterItKeepTheirIndex() {
            String json = Requests.change(Requests.VALID, "entrySummary.lines",
                    JsonTree.parse("[\"x\", {\"hts\": \"8517\", \"enteredValue\": \"1\"}]"));

            // the builder cannot be told that a line exists but is unreadable: the placeholder that keeps
            // the index also has its fields reported missing
            assertThat(fields(json)).containsExactly("entrySummary.lines[0]", "entrySummary.lines[0].hts",
                    "entrySummary.lines[0].enteredValue", "entrySummary.lines[1].hts");
            assertThat(violations(json)).filteredOn(v -> v.field().equals("entrySummary.lines[0]"))
                    .singleElement().satisfies(v -> assertThat(v.message()).isEqualTo("must be a JSON object, was a string"));
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest
        @ValueSource(strings = {"125000.00", "0", "0.5", "1e3", "1.50E+2", "123456789012345"})
        void anEnteredValueNumberIsTakenAsItsExactText(String number) {
            RoutingRequest request = JsonRequestReader.read(Requests.with("entrySummary.lines[0].enteredValue", number));

            BigDecimal value = request.entrySummary().lines().get(0).enteredValue();
            assertThat(value).isEqualTo(new BigDecimal(number));
            assertThat(value.scale()).isEqualTo(new BigDecimal(number).scale());
        }

        @Test
        void aNegativeNumberIsReportedByTheRequestRules() {
            assertThat(violations(Requests.with("entrySummary.lines[0].enteredValue", "-5")))
                    .singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("entrySummary.lines[0].enteredValue");
                        assertThat(v.message()).contains("negative");
                    });
        }
    }

    @Nested
    class UnknownFields {

        @ParameterizedTest
        @ValueSource(strings = {"foo", "account.foo", "entrySummary.foo", "entrySummary.lines[0].foo"})
        void areRejectedAndNamed(String field) {
            assertThat(violations(Requests.with(field, "{\"nested\": [1, 2, {\"x\": null}]}"))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo(field);
                        assertThat(v.message()).startsWith("unknown field");
                    });
        }

        @Test
        void theMessageListsTheFieldsOfThatObject() {
            assertThat(violations(Requests.with("account.centre", "\"007\""))).singleElement()
                    .isEqualTo(new Violation("account.centre", "unknown field; the fields here are importerNumber, "
                            + "name, center, participationStart, withdrawalEffective"));
        }

        @Test
        void aNameThatIsNotAnIdentifierIsQuotedInThePath() {
            String json = Requests.VALID.replaceFirst("\\{", "{\"\":1,\"two words\":2,\"say \\\\\"hi\\\\\"\":3,");
            assertThat(fields(json)).containsExactly("[\"\"]", "[\"two words\"]", "[\"say \\\"hi\\\"\"]");
            String inAccount = Requests.VALID.replace("\"account\":{", "\"account\":{\"a.b\":1,");
            assertThat(fields(inAccount)).containsExactly("account[\"a.b\"]");
        }

        /** Regression: a quoted name's dots and brackets were read as the path's, and its error moved out of its object's place. */
        @Test
        void aQuotedNameIsNamedInItsObjectsPlace() {
            String json = Requests.with("entrySummary.portOfEntry", "\"27A4\"")
                    .replace("\"account\":{", "\"account\":{\"two words\":1,\"a.b\":2,");
            assertThat(fields(json)).containsExactly("account[\"two words\"]", "account[\"a.b\"]",
                    "entrySummary.portOfEntry");
        }

        @Test
        void nullAtAnUnknownFieldIsStillUnknown() {
            assertThat(fields(Requests.with("account.foo", "null"))).containsExactly("account.foo");
        }
    }

    @Nested
    class DuplicateNames {

        @Test
        void aRepeatedFieldIsNamedByItsPath() {
            String json = Requests.VALID.replace("\"name\":\"Nokia Inc\"", "\"name\":\"Nokia Inc\",\"name\":\"Nokia\"");

            assertThat(violations(json)).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("account.name");
                assertThat(v.message()).contains("twice");
            });
        }

        @Test
        void atTheRootAndInALine() {
            assertThat(fields(Requests.VALID.replaceFirst("\\{", "{\"asOf\":\"2016-05-03\","))).containsExactly("asOf");
            assertThat(fields(Requests.VALID.replace("\"hts\":\"8517.62.0090\"",
                    "\"hts\":\"8517.62.0090\",\"hts\":\"8517.62.0090\""))).containsExactly("entrySummary.lines[0].hts");
        }

        @Test
        void insideAnUnknownFieldTheUnknownFieldIsNamed() {
            String json = Requests.VALID.replace("\"account\":{", "\"account\":{\"foo\":{\"a\":1,\"a\":2},");
            assertThat(violations(json)).extracting(Violation::field).containsExactly("account.foo", "account.foo");
            assertThat(violations(json).get(1).message()).contains("\"a\"").contains("twice");
        }

        @Test
        void theProblemsFoundBeforeTheRepeatedFieldAreKept() {
            String json = Requests.with("asOf", "1").replace("\"portOfEntry\":\"2704\"",
                    "\"portOfEntry\":\"2704\",\"portOfEntry\":\"2705\"");
            assertThat(fields(json)).containsExactly("asOf", "entrySummary.portOfEntry");
        }
    }

    @Nested
    class NotAJsonObject {

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "hello", "{", "{\"asOf\": ", "{\"asOf\": \"2016-05-02}", "[1, 2]", "\"x\"",
                "42", "null", "true", "{} {}", "{}x", "{\"asOf\" \"x\"}", "{'asOf': 'x'}", "{\"a\":1,}",
                "{\"asOf\": 01}", "{\"asOf\": NaN}", "// comment\n{}"})
        void yieldsOneViolationOfTheWhole(String json) {
            assertThat(violations(json)).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("$");
                assertThat(v.message()).isNotBlank().doesNotContain("\n");
            });
        }

        /** Regression: the parser's internals ("[Source: REDACTED (`StreamReadFeature...` disabled)...]") reached the message. */
        @Test
        void theMessageOfATruncatedObjectSaysWhereItStartedInPlainWords() {
            assertThat(violations("{\"asOf\": \"2016-05-02\"").get(0).message()).isEqualTo("is not valid JSON: "
                    + "Unexpected end-of-input: expected close marker for Object (start marker at line 1, column 1) "
                    + "(line 1, column 22)");
        }

        /** Regression: Jackson 2.20 words the limit "(1000, from `...`)", which the clean-up did not match. */
        @Test
        void theMessageOfANumberTooLongNamesTheLimitInPlainWords() {
            assertThat(violations(Requests.VALID.replace("\"125000.00\"", "1".repeat(2_000))).get(0))
                    .isEqualTo(new Violation("$", "exceeds a limit of the reader: Number value length (2000) exceeds "
                            + "the maximum allowed (1000)"));
        }

        /**
         * No message names the parser's code: the request cut at every length, pretty-printed or
         * not, and the broken inputs above.
         */
        @Test
        void noMessageNamesTheParsersCode() {
            String pretty = Requests.VALID.replace(",", ",\n  ").replace("{", "{\n  ").replace("[", "[\n  ");
            List<String> broken = new java.util.ArrayList<>(List.of("{\"a\":[1,2", "{\"a\":{\"b\":[{}", "[1,",
                    "{\"asOf\": 1" + "2".repeat(5_000) + "}", "{\"asOf\": 1." + "5".repeat(5_000) + "}"));
            for (String request : List.of(Requests.VALID, pretty)) {
                for (int cut = 0; cut < request.length(); cut++) {
                    broken.add(request.substring(0, cut));
                }
            }
            for (String json : broken) {
                assertThat(violations(json)).as(json).allSatisfy(v -> assertThat(v.message())
                        .doesNotContain("`", "Source:", "REDACTED", "StreamRead", "Feature", "Constraints", "jackson",
                                "Jackson", "JsonToken", "()"));
            }
        }

        @Test
        void theMessageSaysWhy() {
            assertThat(violations("hello").get(0).message()).startsWith("is not valid JSON: Unrecognized token 'hello'");
            assertThat(violations("[1]").get(0).message()).isEqualTo("must be a JSON object, was an array");
            assertThat(violations("{} {}").get(0).message()).contains("one request per line");
            assertThat(violations("").get(0).message()).startsWith("is empty");
        }
    }

    @Nested
    class Limits {

        @Test
        void nestingDeeperThanTheBoundIsRefused() {
            String deep = "[".repeat(JsonRequestReader.MAX_DEPTH + 1) + "]".repeat(JsonRequestReader.MAX_DEPTH + 1);
            assertThat(violations(Requests.VALID.replaceFirst("\\{", "{\"foo\":" + deep + ",")))
                    .singleElement().isEqualTo(new Violation("$", "nests objects and arrays deeper than 32 levels"));
        }

        @Test
        void hostileNestingNeitherOverflowsTheStackNorIsReadWhole() {
            String hostile = "{\"a\":".repeat(100_000) + "[".repeat(100_000);
            assertThat(violations(hostile)).singleElement().extracting(Violation::field).isEqualTo("$");
            assertThat(violations("[".repeat(500_000))).singleElement().extracting(Violation::field).isEqualTo("$");
        }

        @Test
        void nestingWithinTheBoundIsAnUnknownFieldLikeAnyOther() {
            String nested = "[".repeat(20) + "]".repeat(20);
            assertThat(fields(Requests.VALID.replaceFirst("\\{", "{\"foo\":" + nested + ","))).containsExactly("foo");
        }

        /** Regression: 120,000 lines in under 1 MiB ran a 64 MiB CLI out of memory and lost the batch. */
        @Test
        void theLinesAfterThe999thAreCountedNotExamined() {
            String line = "{\"hts\":1,\"enteredValue\":[],\"foo\":0}";
            String json = Requests.VALID.replaceFirst("\\[\\{.*\\}\\]", "[" + String.join(",",
                    java.util.Collections.nCopies(1_000, line)) + ",0".repeat(149_000) + "]");

            List<Violation> violations = violations(json);

            assertThat(violations).startsWith(new Violation("entrySummary.lines", "must hold at most 999 lines, held 150000"))
                    .endsWith(new Violation("$", "has 899 more unknown fields than the 100 named"));
            // each of the 999 lines read is checked and named; none after them
            assertThat(violations).extracting(Violation::field)
                    .contains("entrySummary.lines[998].hts", "entrySummary.lines[998].enteredValue")
                    .noneMatch(f -> f.startsWith("entrySummary.lines[999]"));
            assertThat(violations.size()).isLessThan(4_000);
        }

        @Test
        void exactly999LinesAreAnEntry() {
            String line = "{\"hts\":\"8517.62.0090\",\"enteredValue\":\"1.00\"}";
            String json = Requests.VALID.replaceFirst("\\[\\{.*\\}\\]", "[" + String.join(",",
                    java.util.Collections.nCopies(999, line)) + "]");
            assertThat(JsonRequestReader.read(json).entrySummary().lines()).hasSize(999);
            String thousand = json.replace("[{", "[" + line + ",{");
            assertThat(violations(thousand)).containsExactly(new Violation("entrySummary.lines",
                    "must hold at most 999 lines, held 1000"));
        }

        @Test
        void aRepeatedFieldInALineBeyondThe999thIsStillNamed() {
            String line = "{\"hts\":\"8517.62.0090\",\"enteredValue\":\"1.00\"}";
            String json = Requests.VALID.replaceFirst("\\[\\{.*\\}\\]", "[" + String.join(",",
                    java.util.Collections.nCopies(1_000, line)) + ",{\"hts\":1,\"hts\":2}]");
            assertThat(violations(json)).extracting(Violation::field).contains("entrySummary.lines[1000]");
        }

        @Test
        void atMost100UnknownFieldsAreNamedTheRestCounted() {
            StringBuilder unknown = new StringBuilder();
            for (int i = 0; i < 50_000; i++) {
                unknown.append("\"f").append(i).append("\":0,");
            }
            String json = Requests.VALID.replaceFirst("\\{", "{" + unknown);

            List<Violation> violations = violations(json);

            assertThat(violations).hasSize(101);
            // the count of the rest comes after the fields it follows, not first
            assertThat(violations).last().isEqualTo(new Violation("$",
                    "has 49900 more unknown fields than the 100 named"));
            assertThat(violations.subList(0, 100)).extracting(Violation::field)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "f" + i).toList());
        }

        @Test
        void theCountOfTheUnknownFieldsNotNamedComesLastForAnEntrySummaryToo() {
            StringBuilder unknown = new StringBuilder();
            for (int i = 0; i < 150; i++) {
                unknown.append("\"f").append(i).append("\":0,");
            }
            String json = "{" + unknown + "\"entryNumber\":1}";

            List<Violation> violations = new java.util.ArrayList<>();
            try {
                JsonRequestReader.readEntrySummary(json);
            } catch (InvalidRequestException e) {
                violations.addAll(e.violations());
            }

            assertThat(violations).last().isEqualTo(new Violation("$", "has 50 more unknown fields than the 100 named"));
            assertThat(violations).extracting(Violation::field).contains("f0", "f99", "entrySummary.entryNumber")
                    .containsOnlyOnce("$");
        }

        @Test
        void aRequestLongerThanTheBoundIsRefused() {
            String longName = "x".repeat(JsonRequestReader.MAX_REQUEST_CHARS);
            assertThat(violations(Requests.with("account.name", "\"" + longName + "\""))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("$");
                        assertThat(v.message()).contains("longer than 1048576 characters");
                    });
        }
    }

    @Nested
    class NullsAndMissingFields {

        @Test
        void nullOptionalFieldsAreAbsent() {
            String json = Requests.with("account.center", "null");
            json = Requests.change(json, "account.participationStart", null);
            json = Requests.change(json, "account.withdrawalEffective", null);
            json = Requests.change(json, "entrySummary.lines[0].adcvdCase", null);

            RoutingRequest request = JsonRequestReader.read(json);

            assertThat(request.account().center()).isEmpty();
            assertThat(request.account().participationStart()).isEmpty();
            assertThat(request.account().withdrawalEffective()).isEmpty();
            assertThat(request.entrySummary().lines().get(0).adcvdCase()).isEmpty();
        }

        @Test
        void absentOptionalFieldsAreAbsent() {
            String json = Requests.without("account.withdrawalEffective");
            json = Requests.change(json, "entrySummary.lines[0].adcvdCase", Requests.REMOVE);

            RoutingRequest request = JsonRequestReader.read(json);

            assertThat(request.account().withdrawalEffective()).isEmpty();
            assertThat(request.entrySummary().lines().get(0).adcvdCase()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"asOf", "account.importerNumber", "account.name", "entrySummary.entryNumber",
                "entrySummary.entryType", "entrySummary.portOfEntry", "entrySummary.entryDate", "entrySummary.lines",
                "entrySummary.lines[0].hts", "entrySummary.lines[0].enteredValue"})
        void aRequiredFieldMissingOrNullIsReportedRequired(String field) {
            assertThat(violations(Requests.without(field)))
                    .contains(new Violation(field, "is required"));
            assertThat(violations(Requests.with(field, "null")))
                    .contains(new Violation(field, "is required"));
        }

        @Test
        void anEmptyListOfLinesIsNotAMissingOne() {
            assertThat(violations(Requests.with("entrySummary.lines", "[]"))).singleElement()
                    .satisfies(v -> {
                        assertThat(v.field()).isEqualTo("entrySummary.lines");
                        assertThat(v.message()).isNotEqualTo("is required");
                    });
        }

        /** A missing object is named itself, not as the list of its missing members. */
        @ParameterizedTest
        @ValueSource(strings = {"account", "entrySummary"})
        void aMissingOrNullAccountOrEntrySummaryIsNamedItself(String object) {
            assertThat(violations(Requests.without(object))).containsExactly(new Violation(object, "is required"));
            assertThat(violations(Requests.with(object, "null"))).containsExactly(new Violation(object, "is required"));
        }

        @Test
        void bothMissingAreBothNamed() {
            String json = Requests.change(Requests.without("account"), "entrySummary", Requests.REMOVE);
            assertThat(violations(json)).containsExactly(new Violation("account", "is required"),
                    new Violation("entrySummary", "is required"));
        }

        @Test
        void anEmptyAccountOrEntrySummaryNamesItsMissingFields() {
            assertThat(fields(Requests.with("account", "{}")))
                    .containsExactlyInAnyOrder("account.importerNumber", "account.name");
            assertThat(fields(Requests.with("entrySummary", "{}"))).containsExactlyInAnyOrder(
                    "entrySummary.entryNumber", "entrySummary.entryType", "entrySummary.portOfEntry",
                    "entrySummary.entryDate", "entrySummary.lines");
        }

        @Test
        void theOtherProblemsOfTheRequestAreStillAllNamed() {
            String json = Requests.change(Requests.without("account"), "entrySummary.portOfEntry", "27A4");
            json = Requests.change(json, "entrySummary.lines[0].hts", "8517");
            json = Requests.change(json, "foo", "1");
            assertThat(fields(json)).containsExactly("account", "entrySummary.portOfEntry",
                    "entrySummary.lines[0].hts", "foo");
            assertThat(violations(json)).contains(new Violation("account", "is required"));

            String noEntrySummary = Requests.change(Requests.with("entrySummary", "null"), "account.center", "011");
            assertThat(violations(noEntrySummary)).containsExactly(
                    new Violation("account.center", "must be a Center's team code, 001 to 010, was \"011\""),
                    new Violation("entrySummary", "is required"));
        }

        @Test
        void anObjectOfTheWrongTypeIsNamedOnceNotAsMissing() {
            assertThat(violations(Requests.with("account", "1"))).singleElement()
                    .isEqualTo(new Violation("account", "must be a JSON object, was the number 1"));
            assertThat(violations(Requests.with("entrySummary", "[]"))).singleElement()
                    .isEqualTo(new Violation("entrySummary", "must be a JSON object, was an array"));
        }

        @Test
        void anEntrySummaryReadOnItsOwnIsNamedWhenARequestLacksIt() {
            assertThat(catchThrowableOfType(InvalidRequestException.class,
                    () -> JsonRequestReader.readEntrySummary(Requests.without("entrySummary"))).violations())
                    .containsExactly(new Violation("entrySummary", "is required"));
            assertThat(catchThrowableOfType(InvalidRequestException.class,
                    () -> JsonRequestReader.readEntrySummary("{}")).violations())
                    .extracting(Violation::field).contains("entrySummary.entryNumber").doesNotContain("entrySummary");
        }
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = Requests.with("account.foo", "1");
        json = Requests.change(json, "entrySummary.entryType", new BigDecimal("1"));
        json = Requests.change(json, "entrySummary.portOfEntry", "27A4");
        json = Requests.change(json, "entrySummary.lines[0].enteredValue", Boolean.TRUE);
        json = Requests.change(json, "entrySummary.lines[0].hts", "8517");
        json = Requests.change(json, "account.center", "011");
        json = Requests.change(json, "account.name", Requests.REMOVE);

        assertThat(fields(json)).containsExactlyInAnyOrder("account.foo", "entrySummary.entryType",
                "entrySummary.portOfEntry", "entrySummary.lines[0].enteredValue", "entrySummary.lines[0].hts",
                "account.center", "account.name");
    }

    @Nested
    class AsOfOverride {

        @Test
        void replacesTheRequestsAsOf() {
            RoutingRequest request = JsonRequestReader.read(Requests.VALID, Optional.of(LocalDate.of(2018, 3, 1)));
            assertThat(request.asOf()).isEqualTo(LocalDate.of(2018, 3, 1));
        }

        @Test
        void theRequestsOwnAsOfIsThenNotChecked() {
            RoutingRequest request = JsonRequestReader.read(Requests.with("asOf", "[1]"),
                    Optional.of(LocalDate.of(2018, 3, 1)));
            assertThat(request.asOf()).isEqualTo(LocalDate.of(2018, 3, 1));
            assertThat(JsonRequestReader.read(Requests.without("asOf"), Optional.of(LocalDate.of(2018, 3, 1))).asOf())
                    .isEqualTo(LocalDate.of(2018, 3, 1));
        }

        @Test
        void anOverrideBeforeTheEntryDateIsReportedWithTheOtherProblems() {
            List<Violation> violations = violations(Requests.with("entrySummary.portOfEntry", "\"27A4\""),
                    Optional.of(LocalDate.of(2016, 1, 1)));
            assertThat(violations).extracting(Violation::field)
                    .containsExactlyInAnyOrder("asOf", "entrySummary.portOfEntry");
        }
    }
}
