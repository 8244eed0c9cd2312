package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ceerules.api.Fixtures.ENTRY_DATE;
import static org.ceerules.api.Fixtures.ENTRY_NUMBER;
import static org.ceerules.api.Fixtures.ENTRY_TYPE;
import static org.ceerules.api.Fixtures.PORT;
import static org.ceerules.api.Fixtures.fields;
import static org.ceerules.api.Fixtures.line;
import static org.ceerules.api.Fixtures.lines;
import static org.ceerules.api.Fixtures.onlyViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntrySummaryTest {

    private static EntrySummary withEntryNumber(String entryNumber) {
        return new EntrySummary(entryNumber, ENTRY_TYPE, PORT, ENTRY_DATE, List.of(line()));
    }

    private static EntrySummary withEntryType(String entryType) {
        return new EntrySummary(ENTRY_NUMBER, entryType, PORT, ENTRY_DATE, List.of(line()));
    }

    private static EntrySummary withPort(String port) {
        return new EntrySummary(ENTRY_NUMBER, ENTRY_TYPE, port, ENTRY_DATE, List.of(line()));
    }

    private static EntrySummary withEntryDate(LocalDate date) {
        return new EntrySummary(ENTRY_NUMBER, ENTRY_TYPE, PORT, date, List.of(line()));
    }

    private static EntrySummary withLines(List<EntryLine> lines) {
        return new EntrySummary(ENTRY_NUMBER, ENTRY_TYPE, PORT, ENTRY_DATE, lines);
    }

    @Nested
    class EntryNumber {

        @ParameterizedTest(name = "vector {0}")
        @ValueSource(strings = {"ABC-1234567-6", "999-9999999-0", "SP7-0000001-4", "345-6789012-3"})
        void acceptsTheCheckDigitVectors(String value) {
            assertThat(withEntryNumber(value).entryNumber()).isEqualTo(value);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "ABC12345676, ABC-1234567-6",
            "99999999990, 999-9999999-0",
            "SP700000014, SP7-0000001-4",
            "34567890123, 345-6789012-3",
            "abc-1234567-6, ABC-1234567-6",
            "abc12345676, ABC-1234567-6",
            "sp7-0000001-4, SP7-0000001-4",
            "Sp700000014, SP7-0000001-4"
        })
        void normalizesToFilerSerialCheckWithDashesAndUpperCase(String given, String held) {
            assertThat(withEntryNumber(given).entryNumber()).isEqualTo(held);
        }

        @Test
        void rejectsTheSharedCaseWithAWrongCheckDigit() {
            Violation v = onlyViolation(() -> withEntryNumber("345-6789012-4"));
            assertThat(v).isEqualTo(new Violation("entryNumber", "check digit must be 3, was \"345-6789012-4\""));
        }

        @ParameterizedTest(name = "every wrong check digit of {0}")
        @CsvSource({"ABC-1234567, 6", "999-9999999, 0", "SP7-0000001, 4", "345-6789012, 3"})
        void rejectsEveryOtherCheckDigit(String filerAndSerial, int check) {
            for (int digit = 0; digit <= 9; digit++) {
                if (digit == check) {
                    continue;
                }
                String value = filerAndSerial + "-" + digit;
                Violation v = onlyViolation(() -> withEntryNumber(value));
                assertThat(v.field()).isEqualTo("entryNumber");
                assertThat(v.message()).isEqualTo("check digit must be " + check + ", was \"" + value + "\"");
            }
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", " ", "345-6789012", "3456789012", "345-6789012-", "345-6789012-34",
                "3456-789012-3", "34-56789012-3", "345-678901-23", "345 6789012 3", "345_6789012_3",
                "345--6789012-3", " 345-6789012-3", "345-6789012-3 ", "345-678901A-3", "345-6789012-X",
                "34$-6789012-3", "\u00c9BC-1234567-6"})
        void rejectsMalformedNumbers(String value) {
            Violation v = onlyViolation(() -> withEntryNumber(value));
            assertThat(v.field()).isEqualTo("entryNumber");
            assertThat(v.message()).startsWith("must be a filer code (3 letters or digits), 7 digits and a check digit");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"\u017Fp7-0000001-4", "\u017FP7-0000001-4", "\u0131BC-1234567-8",
                "\uFB001-1234567-4", "\u00DFA-1234567-7"})
        void rejectsNonAsciiLettersInTheFilerCode(String value) {
            Violation v = onlyViolation(() -> withEntryNumber(value));
            assertThat(v.field()).isEqualTo("entryNumber");
            assertThat(v.message()).startsWith("must be a filer code");
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withEntryNumber(null))).isEqualTo(new Violation("entryNumber", "is required"));
        }
    }

    @Nested
    class EntryType {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"01", "03", "23", "47", "99", "00"})
        void acceptsTwoDigits(String value) {
            assertThat(withEntryType(value).entryType()).isEqualTo(value);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "1", "001", "A1", "0A", " 1", "01 ", "1.", "-1", "\u0661\u0662"})
        void rejectsAnythingButTwoDigits(String value) {
            Violation v = onlyViolation(() -> withEntryType(value));
            assertThat(v).isEqualTo(new Violation("entryType", "must be 2 digits, was " + Checks.quote(value)));
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withEntryType(null))).isEqualTo(new Violation("entryType", "is required"));
        }
    }

    @Nested
    class PortOfEntryComponent {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2704", "5101", "0101", "0000"})
        void acceptsFourDigits(String value) {
            EntrySummary summary = withPort(value);
            assertThat(summary.portOfEntry()).isEqualTo(value);
            assertThat(summary.port()).isEqualTo(new PortOfEntry(value));
        }

        @Test
        void rejectsTheContractExample() {
            assertThat(onlyViolation(() -> withPort("27A4")))
                    .isEqualTo(new Violation("portOfEntry", "must be 4 digits, was \"27A4\""));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "270", "27040", " 2704", "2704 ", "27-04", "ABCD"})
        void rejectsAnythingButFourDigits(String value) {
            Violation v = onlyViolation(() -> withPort(value));
            assertThat(v.field()).isEqualTo("portOfEntry");
            assertThat(v.message()).startsWith("must be 4 digits");
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withPort(null))).isEqualTo(new Violation("portOfEntry", "is required"));
        }
    }

    @Nested
    class EntryDate {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1900-01-01", "2016-04-20", "2199-12-31"})
        void acceptsDatesInRange(String date) {
            assertThat(withEntryDate(LocalDate.parse(date)).entryDate()).isEqualTo(date);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1899-12-31", "2200-01-01", "0000-01-01", "-0001-12-31", "+10000-01-01"})
        void rejectsDatesOutOfRange(String date) {
            Violation v = onlyViolation(() -> withEntryDate(LocalDate.parse(date)));
            assertThat(v.field()).isEqualTo("entryDate");
            assertThat(v.message()).startsWith("must be on or after 1900-01-01 and before 2200-01-01, was ");
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withEntryDate(null))).isEqualTo(new Violation("entryDate", "is required"));
        }
    }

    @Nested
    class Lines {

        @Test
        void acceptsOneLine() {
            assertThat(withLines(List.of(line())).lines()).containsExactly(line());
        }

        @Test
        void accepts999Lines() {
            assertThat(withLines(lines(999)).lines()).hasSize(999);
        }

        @Test
        void rejectsNoLines() {
            assertThat(onlyViolation(() -> withLines(List.of())))
                    .isEqualTo(new Violation("lines", "must hold at least one line"));
        }

        @Test
        void rejects1000Lines() {
            assertThat(onlyViolation(() -> withLines(lines(1000))))
                    .isEqualTo(new Violation("lines", "must hold at most 999 lines, held 1000"));
        }

        @Test
        void namesEveryMissingLineByIndex() {
            List<EntryLine> withNulls = Fixtures.listWithNull(line(), 1, 4);
            withNulls.set(3, null);
            assertThat(fields(() -> withLines(withNulls))).containsExactly("lines[1]", "lines[3]");
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withLines(null))).isEqualTo(new Violation("lines", "is required"));
        }

        @Test
        void areCopiedAndUnmodifiable() {
            List<EntryLine> given = new ArrayList<>(List.of(line()));
            EntrySummary summary = withLines(given);
            given.add(line());
            assertThat(summary.lines()).hasSize(1);
            assertThatThrownBy(() -> summary.lines().add(line())).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void reportsEveryInvalidComponentAtOnceInTheOrderOfTheRecord() {
        assertThat(fields(() -> new EntrySummary("345-6789012-4", "1", "27A4", LocalDate.of(1899, 12, 31), List.of())))
                .containsExactly("entryNumber", "entryType", "portOfEntry", "entryDate", "lines");
        assertThat(fields(() -> new EntrySummary(null, null, null, null, null)))
                .containsExactly("entryNumber", "entryType", "portOfEntry", "entryDate", "lines");
    }

    @Test
    void equalWhenGivenWithOrWithoutDashes() {
        assertThat(withEntryNumber("34567890123")).isEqualTo(withEntryNumber("345-6789012-3"))
                .hasSameHashCodeAs(withEntryNumber("345-6789012-3"));
    }
}
