package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.ceerules.api.Fixtures.fields;
import static org.ceerules.api.Fixtures.onlyViolation;
import static org.ceerules.api.Fixtures.violations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingRequestBuilderTest {

    private static final String LINE_HTS = "entrySummary.lines[0].hts";
    private static final String LINE_VALUE = "entrySummary.lines[0].enteredValue";
    private static final String LINE_CASE = "entrySummary.lines[0].adcvdCase";

    /** The sample request, field path to text, as a JSON reader would hand it over. */
    private static Map<String, String> example() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("asOf", "2016-05-02");
        fields.put("account.importerNumber", "12-345678900");
        fields.put("account.name", "Nokia Inc");
        fields.put("account.center", "007");
        fields.put("account.participationStart", "2014-03-01");
        fields.put("account.withdrawalEffective", "2017-01-01");
        fields.put("entrySummary.entryNumber", "345-6789012-3");
        fields.put("entrySummary.entryType", "01");
        fields.put("entrySummary.portOfEntry", "2704");
        fields.put("entrySummary.entryDate", "2016-04-20");
        fields.put(LINE_HTS, "8517.62.0090");
        fields.put(LINE_VALUE, "125000.00");
        fields.put(LINE_CASE, "A-570-000");
        return fields;
    }

    /** The example with one field replaced, or removed where {@code value} is null. */
    private static Map<String, String> with(String field, String value) {
        Map<String, String> fields = example();
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return fields;
    }

    private static Map<String, String> without(String... removed) {
        Map<String, String> fields = example();
        for (String field : removed) {
            fields.remove(field);
        }
        return fields;
    }

    private static RoutingRequest.Builder builderOf(Map<String, String> fields) {
        RoutingRequest.Builder b = RoutingRequest.builder();
        Optional.ofNullable(fields.get("asOf")).ifPresent(b::asOf);
        Optional.ofNullable(fields.get("account.importerNumber")).ifPresent(b::importerNumber);
        Optional.ofNullable(fields.get("account.name")).ifPresent(b::accountName);
        Optional.ofNullable(fields.get("account.center")).ifPresent(b::center);
        Optional.ofNullable(fields.get("account.participationStart")).ifPresent(b::participationStart);
        Optional.ofNullable(fields.get("account.withdrawalEffective")).ifPresent(b::withdrawalEffective);
        Optional.ofNullable(fields.get("entrySummary.entryNumber")).ifPresent(b::entryNumber);
        Optional.ofNullable(fields.get("entrySummary.entryType")).ifPresent(b::entryType);
        Optional.ofNullable(fields.get("entrySummary.portOfEntry")).ifPresent(b::portOfEntry);
        Optional.ofNullable(fields.get("entrySummary.entryDate")).ifPresent(b::entryDate);
        if (fields.containsKey(LINE_HTS) || fields.containsKey(LINE_VALUE) || fields.containsKey(LINE_CASE)) {
            b.line(Optional.ofNullable(fields.get(LINE_HTS)), Optional.ofNullable(fields.get(LINE_VALUE)),
                    Optional.ofNullable(fields.get(LINE_CASE)));
        }
        return b;
    }

    private static RoutingRequest build(Map<String, String> fields) {
        return builderOf(fields).build();
    }

    @Test
    void aValidBuildEqualsTheRecordsBuiltByHand() {
        RoutingRequest expected = new RoutingRequest(LocalDate.of(2016, 5, 2),
                new Account("12-345678900", "Nokia Inc", Optional.of(Center.ELECTRONICS),
                        Optional.of(LocalDate.of(2014, 3, 1)), Optional.of(LocalDate.of(2017, 1, 1))),
                new EntrySummary("345-6789012-3", "01", "2704", LocalDate.of(2016, 4, 20),
                        List.of(new EntryLine("8517.62.0090", new BigDecimal("125000.00"), Optional.of("A-570-000")))));
        assertThat(build(example())).isEqualTo(expected);
        assertThat(Fixtures.builder().build()).isEqualTo(expected).isEqualTo(Fixtures.request());
    }

    @Test
    void aRequestWithoutOptionalFieldsBuilds() {
        RoutingRequest request = build(without("account.center", "account.participationStart",
                "account.withdrawalEffective", LINE_CASE));
        assertThat(request.account()).isEqualTo(Account.unassigned("12-345678900", "Nokia Inc"));
        assertThat(request.entrySummary().lines()).containsExactly(EntryLine.of("8517.62.0090",
                new BigDecimal("125000.00")));
    }

    @Test
    void normalizesTheEntryNumberAndTheHts() {
        RoutingRequest request = builderOf(with("entrySummary.entryNumber", "abc12345676"))
                .line("8517620090", "1", "C-570-001").build();
        assertThat(request.entrySummary().entryNumber()).isEqualTo("ABC-1234567-6");
        assertThat(request.entrySummary().lines()).extracting(EntryLine::hts)
                .containsExactly("8517.62.0090", "8517.62.0090");
    }

    /** The shared routing case every-bad-field-named.json, transcribed. */
    @Test
    void theCaseEveryBadFieldNamedNamesExactlyItsFourFields() {
        RoutingRequest.Builder b = RoutingRequest.builder()
                .asOf("2016-05-02")
                .importerNumber("12-345678900")
                .accountName("Nokia Inc")
                .center("011")
                .participationStart("2014-03-01")
                .entryNumber("345-6789012-3")
                .entryType("01")
                .portOfEntry("27A4")
                .entryDate("2016-04-20")
                .line("8517", "-5");
        List<Violation> violations = violations(b::build);
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder(
                "account.center", "entrySummary.portOfEntry", LINE_HTS, LINE_VALUE);
        assertThat(violations).contains(
                new Violation("account.center", "must be a Center's team code, 001 to 010, was \"011\""),
                new Violation("entrySummary.portOfEntry", "must be 4 digits, was \"27A4\""),
                new Violation(LINE_VALUE, "must not be negative, was -5"));
    }

    @Test
    void theCaseEveryBadFieldNamedListsItsFieldsInTheOrderOfTheContract() {
        Map<String, String> bad = without("account.withdrawalEffective", LINE_CASE);
        bad.put("account.center", "011");
        bad.put("entrySummary.portOfEntry", "27A4");
        bad.put(LINE_HTS, "8517");
        bad.put(LINE_VALUE, "-5");
        assertThat(fields(() -> build(bad)))
                .containsExactly("account.center", "entrySummary.portOfEntry", LINE_HTS, LINE_VALUE);
    }

    @Test
    void reportsViolationsInTheOrderOfTheJsonContract() {
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> noAsOf = with("asOf", null);
        noAsOf.put("entrySummary.portOfEntry", "27A4");
        softly.assertThat(fields(() -> build(noAsOf))).as("missing asOf")
                .containsExactly("asOf", "entrySummary.portOfEntry");
        Map<String, String> lateAsOf = with("asOf", "2200-01-01");
        lateAsOf.put("account.name", " ");
        softly.assertThat(fields(() -> build(lateAsOf))).as("asOf out of range")
                .containsExactly("asOf", "account.name");
        Map<String, String> line = with(LINE_HTS, "8517");
        line.put(LINE_VALUE, "x");
        softly.assertThat(fields(() -> build(line))).as("unreadable value").containsExactly(LINE_HTS, LINE_VALUE);
        Map<String, String> account = with("account.importerNumber", "1");
        account.put("account.center", "011");
        account.put("account.name", " ");
        softly.assertThat(fields(() -> build(account))).as("center")
                .containsExactly("account.importerNumber", "account.name", "account.center");
        Map<String, String> start = with("account.participationStart", "2014-3-1");
        start.put("account.name", " ");
        softly.assertThat(fields(() -> build(start))).as("unreadable participationStart")
                .containsExactly("account.name", "account.participationStart");
        Map<String, String> entry = with("entrySummary.entryDate", "2016-4-20");
        entry.put("entrySummary.entryNumber", "345-6789012-4");
        softly.assertThat(fields(() -> build(entry))).as("unreadable entryDate")
                .containsExactly("entrySummary.entryNumber", "entrySummary.entryDate");
        softly.assertAll();
    }

    @Nested
    class Dates {

        static Stream<Arguments> dateFieldsAndBadTexts() {
            List<String> dateFields = List.of("asOf", "account.participationStart", "account.withdrawalEffective",
                    "entrySummary.entryDate");
            Map<String, String> badTexts = new LinkedHashMap<>();
            badTexts.put("2016-02-30", "is not a date of the calendar, was \"2016-02-30\"");
            badTexts.put("2015-02-29", "is not a date of the calendar, was \"2015-02-29\"");
            badTexts.put("2016-13-01", "is not a date of the calendar, was \"2016-13-01\"");
            badTexts.put("2016-00-10", "is not a date of the calendar, was \"2016-00-10\"");
            badTexts.put("2016-04-31", "is not a date of the calendar, was \"2016-04-31\"");
            badTexts.put("0000-01-01", "must be on or after 1900-01-01 and before 2200-01-01, was 0000-01-01");
            badTexts.put("1899-12-31", "must be on or after 1900-01-01 and before 2200-01-01, was 1899-12-31");
            badTexts.put("2200-01-01", "must be on or after 1900-01-01 and before 2200-01-01, was 2200-01-01");
            badTexts.put("2016-5-2", "must be a date yyyy-MM-dd, was \"2016-5-2\"");
            badTexts.put("16-05-02", "must be a date yyyy-MM-dd, was \"16-05-02\"");
            badTexts.put("2016/05/02", "must be a date yyyy-MM-dd, was \"2016/05/02\"");
            badTexts.put("", "must be a date yyyy-MM-dd, was \"\"");
            badTexts.put(" 2016-05-02", "must be a date yyyy-MM-dd, was \" 2016-05-02\"");
            badTexts.put("2016-05-02T00:00", "must be a date yyyy-MM-dd, was \"2016-05-02T00:00\"");
            badTexts.put("+2016-05-02", "must be a date yyyy-MM-dd, was \"+2016-05-02\"");
            badTexts.put("20160502", "must be a date yyyy-MM-dd, was \"20160502\"");
            // digits of other scripts are not ASCII digits: the shape, not the calendar, refuses them
            badTexts.put("\u0662\u0660\u0661\u0666-\u0660\u0665-\u0660\u0662",
                    "must be a date yyyy-MM-dd, was \"\u0662\u0660\u0661\u0666-\u0660\u0665-\u0660\u0662\"");
            badTexts.put("\uff12\uff10\uff11\uff16-05-02", "must be a date yyyy-MM-dd, was \"\uff12\uff10\uff11\uff16-05-02\"");
            return dateFields.stream().flatMap(field -> badTexts.entrySet().stream()
                    .map(bad -> Arguments.of(field, bad.getKey(), bad.getValue())));
        }

        @ParameterizedTest(name = "{0} = \"{1}\"")
        @MethodSource("dateFieldsAndBadTexts")
        void anInvalidDateIsReportedOnceUnderItsField(String field, String text, String message) {
            Map<String, String> fields = with(field, text);
            if (text.equals("2200-01-01") && field.equals("entrySummary.entryDate")) {
                // a readable date after asOf also puts asOf before the entry date: a second, true violation
                assertThat(violations(() -> build(fields))).containsExactlyInAnyOrder(new Violation(field, message),
                        new Violation("asOf", "must not be before entrySummary.entryDate 2200-01-01, was 2016-05-02"));
            } else if (text.equals("2200-01-01") && field.equals("account.participationStart")) {
                // likewise the withdrawal of 2017-01-01 is then not after participation
                assertThat(violations(() -> build(fields))).containsExactlyInAnyOrder(new Violation(field, message),
                        new Violation("account.withdrawalEffective",
                                "must be after participationStart 2200-01-01, was 2017-01-01"));
            } else {
                assertThat(onlyViolation(() -> build(fields))).isEqualTo(new Violation(field, message));
            }
        }

        @Test
        void aLeapDayIsADate() {
            RoutingRequest request = build(with("entrySummary.entryDate", "2016-02-29"));
            assertThat(request.entrySummary().entryDate()).isEqualTo(LocalDate.of(2016, 2, 29));
        }

        /**
         * The builder reads dates without {@code DateTimeFormatter}: over every month 00-19 and day
         * 00-39 of years around the range's edges and leap rules, it agrees with the strict ISO
         * formatter on which texts are dates of the calendar, and on the date.
         */
        @Test
        void aDateIsReadAsTheStrictIsoFormatterReadsIt() {
            SoftAssertions softly = new SoftAssertions();
            for (int year : new int[] {1900, 1904, 2000, 2015, 2016, 2100, 2199}) {
                for (int month = 0; month < 20; month++) {
                    for (int day = 0; day < 40; day++) {
                        String text = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
                        Map<String, String> fields = example();
                        fields.put("account.participationStart", "1900-01-01");
                        fields.put("entrySummary.entryDate", "1900-01-01");
                        fields.put("account.withdrawalEffective", "2199-12-31");
                        fields.put("asOf", text);
                        LocalDate expected;
                        try {
                            expected = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                        } catch (DateTimeParseException e) {
                            expected = null;
                        }
                        if (expected == null) {
                            softly.assertThat(onlyViolation(() -> build(fields))).as(text)
                                    .isEqualTo(new Violation("asOf", "is not a date of the calendar, was \"" + text + "\""));
                        } else {
                            softly.assertThat(build(fields).asOf()).as(text).isEqualTo(expected);
                        }
                    }
                }
            }
            softly.assertAll();
        }

        @Test
        void theEdgesOfTheRangeAreAccepted() {
            Map<String, String> fields = example();
            fields.put("account.participationStart", "1900-01-01");
            fields.put("entrySummary.entryDate", "1900-01-01");
            fields.put("asOf", "2199-12-31");
            fields.put("account.withdrawalEffective", "2199-12-31");
            RoutingRequest request = build(fields);
            assertThat(request.asOf()).isEqualTo(LocalDate.of(2199, 12, 31));
            assertThat(request.account().participationStart()).contains(LocalDate.of(1900, 1, 1));
        }

        @Test
        void asOfBeforeTheEntryDateIsRejected() {
            assertThat(onlyViolation(() -> build(with("asOf", "2016-04-19")))).isEqualTo(new Violation("asOf",
                    "must not be before entrySummary.entryDate 2016-04-20, was 2016-04-19"));
            assertThat(build(with("asOf", "2016-04-20")).asOf()).isEqualTo(LocalDate.of(2016, 4, 20));
        }

        @Test
        void aWithdrawalNotAfterParticipationIsRejected() {
            Violation v = onlyViolation(() -> build(with("account.withdrawalEffective", "2014-03-01")));
            assertThat(v.field()).isEqualTo("account.withdrawalEffective");
            assertThat(v.message()).startsWith("must be after participationStart 2014-03-01");
            assertThat(fields(() -> build(with("account.withdrawalEffective", "2013-01-01"))))
                    .containsExactly("account.withdrawalEffective");
        }

        @Test
        void aWithdrawalWithoutParticipationIsRejected() {
            Violation v = onlyViolation(() -> build(with("account.participationStart", null)));
            assertThat(v.field()).isEqualTo("account.withdrawalEffective");
            assertThat(v.message()).startsWith("needs participationStart");
        }

        @Test
        void anUnreadableParticipationStartIsNotAlsoReportedAsAMissingOne() {
            assertThat(onlyViolation(() -> build(with("account.participationStart", "2014-3-1"))).field())
                    .isEqualTo("account.participationStart");
        }

        @ParameterizedTest(name = "withdrawalEffective {0}")
        @ValueSource(strings = {"0000-01-01", "2200-01-01"})
        void anOutOfRangeWithdrawalIsReportedEvenWhenParticipationIsUnreadable(String withdrawal) {
            Map<String, String> fields = with("account.participationStart", "2014-3-1");
            fields.put("account.withdrawalEffective", withdrawal);
            assertThat(fields(() -> build(fields)))
                    .containsExactlyInAnyOrder("account.participationStart", "account.withdrawalEffective");
        }

        @Test
        void participationWithoutACenterIsRejected() {
            Violation v = onlyViolation(() -> build(with("account.center", null)));
            assertThat(v).isEqualTo(new Violation("account.participationStart",
                    "needs center: an account participates in a Center"));
        }
    }

    @Nested
    class Numbers {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"1e9999999999", "-1e9999999999", "abc", "", " 5", "5 ", "12,5", "1_000", "NaN",
                "Infinity", "0x10", "$5", "5 USD", "1e", "--5", "1.2.3"})
        void anUnparseableNumberIsReportedOnce(String text) {
            Violation v = onlyViolation(() -> build(with(LINE_VALUE, text)));
            assertThat(v).isEqualTo(new Violation(LINE_VALUE, "must be a decimal number, was " + Checks.quote(text)));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"\u0661\u0662", "\uFF11\uFF12", "1\u0662.5"})
        void aNumberWithNonAsciiDigitsIsRejected(String text) {
            Violation v = onlyViolation(() -> build(with(LINE_VALUE, text)));
            assertThat(v.field()).isEqualTo(LINE_VALUE);
            assertThat(v.message()).startsWith("must be a decimal number");
        }

        @Test
        void aNumberLongerThan64CharactersIsNotParsed() {
            String text = "1" + "0".repeat(64);
            assertThat(onlyViolation(() -> build(with(LINE_VALUE, text)))).isEqualTo(new Violation(LINE_VALUE,
                    "must be a decimal number of at most 64 characters, was 65 characters"));
            String sixtyFour = "0." + "0".repeat(62);
            assertThat(build(with(LINE_VALUE, sixtyFour)).entrySummary().lines().get(0).enteredValue()).isZero();
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"1e999999", "1E+15", "1000000000000000"})
        void aHugeNumberIsRejected(String text) {
            assertThat(onlyViolation(() -> build(with(LINE_VALUE, text))))
                    .isEqualTo(new Violation(LINE_VALUE, "must be below 10^15 U.S. dollars"));
        }

        @Test
        void aNegativeNumberIsRejected() {
            assertThat(onlyViolation(() -> build(with(LINE_VALUE, "-0.01"))))
                    .isEqualTo(new Violation(LINE_VALUE, "must not be negative, was -0.01"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"0", "125000", "125000.00", "1E+3", "999999999999999.99"})
        void aDecimalNumberIsReadExactly(String text) {
            assertThat(build(with(LINE_VALUE, text)).entrySummary().lines().get(0).enteredValue())
                    .isEqualTo(new BigDecimal(text));
        }
    }

    @Nested
    class RequiredFields {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"asOf", "account.importerNumber", "account.name", "entrySummary.entryNumber",
                "entrySummary.entryType", "entrySummary.portOfEntry", "entrySummary.entryDate", LINE_HTS, LINE_VALUE})
        void eachMissingFieldIsNamed(String field) {
            assertThat(onlyViolation(() -> build(with(field, null)))).isEqualTo(new Violation(field, "is required"));
        }

        @Test
        void missingLinesAreNamed() {
            assertThat(onlyViolation(() -> build(without(LINE_HTS, LINE_VALUE, LINE_CASE))))
                    .isEqualTo(new Violation("entrySummary.lines", "is required"));
        }

        @Test
        void anEmptyBuilderNamesEveryRequiredField() {
            List<Violation> violations = violations(() -> RoutingRequest.builder().build());
            assertThat(violations).extracting(Violation::field).containsExactly("asOf", "account", "entrySummary");
            assertThat(violations).extracting(Violation::message).containsOnly("is required");
        }

        /** An account or entry summary of which nothing is given is named itself, not as its fields. */
        @Test
        void aMissingAccountOrEntrySummaryIsNamedItself() {
            assertThat(onlyViolation(() -> build(without("account.importerNumber", "account.name", "account.center",
                    "account.participationStart", "account.withdrawalEffective"))))
                    .isEqualTo(new Violation("account", "is required"));
            assertThat(onlyViolation(() -> build(without("entrySummary.entryNumber", "entrySummary.entryType",
                    "entrySummary.portOfEntry", "entrySummary.entryDate", LINE_HTS, LINE_VALUE, LINE_CASE))))
                    .isEqualTo(new Violation("entrySummary", "is required"));
        }

        @Test
        void theOtherProblemsAreStillAllNamed() {
            Map<String, String> fields = without("account.importerNumber", "account.name", "account.center",
                    "account.participationStart", "account.withdrawalEffective");
            fields.put("entrySummary.portOfEntry", "27A4");
            fields.put(LINE_HTS, "8517");
            assertThat(fields(() -> build(fields))).containsExactly("account", "entrySummary.portOfEntry", LINE_HTS);

            Map<String, String> noEntrySummary = without("entrySummary.entryNumber", "entrySummary.entryType",
                    "entrySummary.portOfEntry", "entrySummary.entryDate", LINE_HTS, LINE_VALUE, LINE_CASE);
            noEntrySummary.put("account.name", " ");
            assertThat(violations(() -> build(noEntrySummary))).containsExactly(
                    new Violation("account.name", "must not be blank"), new Violation("entrySummary", "is required"));
        }

        @Test
        void anAccountOrEntrySummaryDeclaredGivenNamesItsMissingFields() {
            assertThat(fields(() -> RoutingRequest.builder().accountGiven().entrySummaryGiven().build()))
                    .containsExactly("asOf", "account.importerNumber", "account.name", "entrySummary.entryNumber",
                            "entrySummary.entryType", "entrySummary.portOfEntry", "entrySummary.entryDate",
                            "entrySummary.lines");
        }

        @Test
        void aProblemReportedUnderAnObjectMakesItPresent() {
            RoutingRequest.Builder b = builderOf(without("account.importerNumber", "account.name", "account.center",
                    "account.participationStart", "account.withdrawalEffective"))
                    .invalid("account.name", "must be a string");
            assertThat(violations(b::build)).containsExactly(new Violation("account.importerNumber", "is required"),
                    new Violation("account.name", "must be a string"));
            RoutingRequest.Builder c = builderOf(example()).invalid("account", "must be an object");
            assertThat(onlyViolation(c::build)).isEqualTo(new Violation("account", "must be an object"));
        }

        @Test
        void anEntrySummaryBuiltAloneIsNamedWhenMissing() {
            assertThat(onlyViolation(() -> RoutingRequest.builder().importerNumber("12-345678900").buildEntrySummary()))
                    .isEqualTo(new Violation("entrySummary", "is required"));
            assertThat(fields(() -> RoutingRequest.builder().entrySummaryGiven().buildEntrySummary()))
                    .containsExactly("entrySummary.entryNumber", "entrySummary.entryType", "entrySummary.portOfEntry",
                            "entrySummary.entryDate", "entrySummary.lines");
        }

        @Test
        void settersRefuseNull() {
            RoutingRequest.Builder b = RoutingRequest.builder();
            assertThatNullPointerException().isThrownBy(() -> b.asOf(null));
            assertThatNullPointerException().isThrownBy(() -> b.importerNumber(null));
            assertThatNullPointerException().isThrownBy(() -> b.accountName(null));
            assertThatNullPointerException().isThrownBy(() -> b.center(null));
            assertThatNullPointerException().isThrownBy(() -> b.participationStart(null));
            assertThatNullPointerException().isThrownBy(() -> b.withdrawalEffective(null));
            assertThatNullPointerException().isThrownBy(() -> b.entryNumber(null));
            assertThatNullPointerException().isThrownBy(() -> b.entryType(null));
            assertThatNullPointerException().isThrownBy(() -> b.portOfEntry(null));
            assertThatNullPointerException().isThrownBy(() -> b.entryDate(null));
            assertThatNullPointerException().isThrownBy(() -> b.line(null, "1"));
            assertThatNullPointerException().isThrownBy(() -> b.line("8517620090", null));
            assertThatNullPointerException().isThrownBy(() -> b.line("8517620090", "1", null));
        }
    }

    @Nested
    class Lines {

        @Test
        void noLinesIsReportedAsEmptyNotMissing() {
            assertThat(onlyViolation(() -> builderOf(without(LINE_HTS, LINE_VALUE, LINE_CASE)).noLines().build()))
                    .isEqualTo(new Violation("entrySummary.lines", "must hold at least one line"));
        }

        @Test
        void noLinesThenALineBuilds() {
            assertThat(builderOf(without(LINE_HTS, LINE_VALUE, LINE_CASE)).noLines().line("8517620090", "1").build()
                    .entrySummary().lines()).hasSize(1);
        }

        @Test
        void accepts999LinesAndRejects1000() {
            RoutingRequest.Builder b = builderOf(without(LINE_HTS, LINE_VALUE, LINE_CASE));
            for (int i = 0; i < 999; i++) {
                b.line("8517620090", Integer.toString(i));
            }
            List<EntryLine> built = b.build().entrySummary().lines();
            assertThat(built).hasSize(999);
            assertThat(built.get(998).enteredValue()).isEqualTo(new BigDecimal(998));
            b.line("8517620090", "999");
            assertThat(onlyViolation(b::build))
                    .isEqualTo(new Violation("entrySummary.lines", "must hold at most 999 lines, held 1000"));
        }

        @Test
        void eachLineIsNamedByItsIndex() {
            RoutingRequest.Builder b = builderOf(example())
                    .line("8517.62.0090", "x")
                    .line("7701.00.0000", "1", "A-570-00")
                    .line("8517.62.0090", "1");
            assertThat(fields(b::build)).containsExactlyInAnyOrder("entrySummary.lines[1].enteredValue",
                    "entrySummary.lines[2].hts", "entrySummary.lines[2].adcvdCase");
        }

        @Test
        void anAdcvdCaseIsCheckedUnderItsLine() {
            assertThat(onlyViolation(() -> build(with(LINE_CASE, "B-570-000"))).field()).isEqualTo(LINE_CASE);
        }
    }

    @Nested
    class CenterField {

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"011", "000", "7", "07", "0007", "", " 007", "Electronics", "ELECTRONICS"})
        void anUnknownTeamCodeIsRejected(String code) {
            assertThat(onlyViolation(() -> build(with("account.center", code)))).isEqualTo(new Violation(
                    "account.center", "must be a Center's team code, 001 to 010, was " + Checks.quote(code)));
        }

        @Test
        void everyTeamCodeNamesItsCenter() {
            for (Center center : Center.values()) {
                assertThat(build(with("account.center", center.teamCode())).account().center()).contains(center);
            }
        }
    }

    @Nested
    class CallerReportedProblems {

        @Test
        void areReportedWithTheOthers() {
            RoutingRequest.Builder b = builderOf(with("entrySummary.portOfEntry", "27A4"))
                    .invalid("$.extra", "is not a field of a request");
            assertThat(violations(b::build)).containsExactlyInAnyOrder(
                    new Violation("$.extra", "is not a field of a request"),
                    new Violation("entrySummary.portOfEntry", "must be 4 digits, was \"27A4\""));
        }

        @Test
        void failAnOtherwiseValidRequest() {
            RoutingRequest.Builder b = builderOf(example()).invalid("$", "trailing text");
            assertThat(onlyViolation(b::build)).isEqualTo(new Violation("$", "trailing text"));
        }

        @Test
        void replaceTheMissingFieldTheCallerCouldNotRead() {
            RoutingRequest.Builder b = builderOf(with("entrySummary.portOfEntry", null))
                    .invalid("entrySummary.portOfEntry", "must be a string, was a number");
            assertThat(onlyViolation(b::build))
                    .isEqualTo(new Violation("entrySummary.portOfEntry", "must be a string, was a number"));
        }

        /**
         * Regression: the parent of an unknown field was found at its last dot, inside a quoted
         * name: {@code account["two words"]} came after every problem of the entry summary, and
         * {@code account["a.b"]} before {@code $}.
         */
        @Test
        void comeInTheContractsOrderQuotedNamesIncluded() {
            RoutingRequest.Builder b = builderOf(with("entrySummary.portOfEntry", "27A4"))
                    .invalid("entrySummary[\"x.y\"]", "unknown field")
                    .invalid("entrySummary.lines[0][\"a b\"]", "unknown field")
                    .invalid("account[\"two words\"]", "unknown field")
                    .invalid("[\"r.s\"]", "unknown field")
                    .invalid("account[\"a.b\"]", "unknown field")
                    .invalid("account.zz", "unknown field")
                    .invalid("entrySummary.lines[1][\"say \\\"hi.\\\"\"]", "unknown field")
                    .invalid("$", "holds a problem of the whole")
                    .invalid("account[\"\\\\\"]", "unknown field");
            assertThat(fields(b::build)).containsExactly("$", "account[\"two words\"]", "account[\"a.b\"]",
                    "account.zz", "account[\"\\\\\"]", "entrySummary.portOfEntry", "entrySummary.lines[0][\"a b\"]",
                    "entrySummary.lines[1][\"say \\\"hi.\\\"\"]", "entrySummary[\"x.y\"]", "[\"r.s\"]");
        }

        @Test
        void theParentOfAFieldReadsAQuotedNameWhole() {
            assertThat(RoutingRequest.Builder.parent("account.foo")).isEqualTo("account");
            assertThat(RoutingRequest.Builder.parent("account[\"a.b\"]")).isEqualTo("account");
            assertThat(RoutingRequest.Builder.parent("[\"a.b[1]\"]")).isEmpty();
            assertThat(RoutingRequest.Builder.parent("foo")).isEmpty();
            assertThat(RoutingRequest.Builder.parent("entrySummary.lines[2][\"x \\\"y.z\"]"))
                    .isEqualTo("entrySummary.lines[2]");
        }

        @Test
        void needAFieldAndAMessage() {
            RoutingRequest.Builder b = RoutingRequest.builder();
            assertThatNullPointerException().isThrownBy(() -> b.invalid(null, "m"));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> b.invalid(" ", "m"));
        }
    }

    @Test
    void noFieldIsReportedTwice() {
        Map<String, String> fields = example();
        fields.put("asOf", "2016-02-30");
        fields.put("account.importerNumber", "12-3456789O0");
        fields.put("account.center", "011");
        fields.put("account.participationStart", "2014-3-1");
        fields.put("account.withdrawalEffective", "2017-1-1");
        fields.put("entrySummary.entryNumber", "345-6789012-4");
        fields.put("entrySummary.entryDate", "x");
        fields.put(LINE_HTS, "0012.34.5678");
        fields.put(LINE_VALUE, "1e9999999999");
        fields.remove("entrySummary.portOfEntry");
        RoutingRequest.Builder b = builderOf(fields).invalid("entrySummary.portOfEntry", "must be a string")
                .invalid("account.name", "must be a string");
        List<String> reported = fields(b::build);
        assertThat(reported).doesNotHaveDuplicates().containsExactlyInAnyOrder("asOf", "account.importerNumber",
                "account.name", "account.center", "account.participationStart", "account.withdrawalEffective",
                "entrySummary.entryNumber", "entrySummary.portOfEntry", "entrySummary.entryDate", LINE_HTS,
                LINE_VALUE);
    }

    @Test
    void reportsTheSameMessagesAsTheRecords() {
        Violation fromRecord = onlyViolation(() -> new EntrySummary("345-6789012-4", "01", "2704",
                LocalDate.of(2016, 4, 20), Fixtures.lines(1)));
        Violation fromBuilder = onlyViolation(() -> build(with("entrySummary.entryNumber", "345-6789012-4")));
        assertThat(fromBuilder).isEqualTo(fromRecord.under("entrySummary"));
    }
}
