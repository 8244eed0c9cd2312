package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.ceerules.api.Fixtures.HTS;
import static org.ceerules.api.Fixtures.VALUE;
import static org.ceerules.api.Fixtures.fields;
import static org.ceerules.api.Fixtures.onlyViolation;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryLineTest {

    private static EntryLine withHts(String hts) {
        return EntryLine.of(hts, VALUE);
    }

    private static EntryLine withValue(String value) {
        return EntryLine.of(HTS, new BigDecimal(value));
    }

    private static EntryLine withCase(String adcvdCase) {
        return new EntryLine(HTS, VALUE, Optional.of(adcvdCase));
    }

    @Nested
    class Hts {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "8517.62.0090, 8517.62.0090",
            "8517620090, 8517.62.0090",
            "0101.21.0010, 0101.21.0010",
            "0101210010, 0101.21.0010",
            "9701.21.0000, 9701.21.0000",
            "9801.00.1012, 9801.00.1012",
            "9903.88.0300, 9903.88.0300",
            "7601.10.3000, 7601.10.3000",
            "7801.10.0000, 7801.10.0000"
        })
        void acceptsTenDigitsWithOrWithoutDotsAndHoldsThemDotted(String given, String held) {
            assertThat(withHts(given).hts()).isEqualTo(held);
        }

        @Test
        void chapterIsTheFirstTwoDigits() {
            assertThat(withHts("8517620090").chapter()).isEqualTo("85");
            assertThat(withHts("0101.21.0010").chapter()).isEqualTo("01");
        }

        @ParameterizedTest(name = "chapter {0}")
        @ValueSource(strings = {"0012.34.5678", "0000000000", "7701.00.0000", "7799999999"})
        void rejectsChapters00And77(String value) {
            Violation v = onlyViolation(() -> withHts(value));
            assertThat(v.field()).isEqualTo("hts");
            assertThat(v.message()).isEqualTo("chapter " + value.substring(0, 2) + " does not exist in the HTS, was \""
                    + value + "\"");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "8517", "8517.62", "8517.62.009", "8517.62.00900", "85176200900", "851762009",
                "85.17.62.0090", "8517-62-0090", "8517 62 0090", "8517..62.0090", ".8517.62.0090", "8517.62.0090.",
                "851762009A", " 8517620090"})
        void rejectsAnythingButTenDigits(String value) {
            Violation v = onlyViolation(() -> withHts(value));
            assertThat(v.field()).isEqualTo("hts");
            assertThat(v.message()).isEqualTo("must be 10 digits, dots optional (NNNN.NN.NNNN), was "
                    + Checks.quote(value));
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> withHts(null))).isEqualTo(new Violation("hts", "is required"));
        }
    }

    @Nested
    class EnteredValue {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"0", "0.00", "-0", "0.001", "125000.00", "1E+3", "999999999999999",
                "999999999999999.99", "1e-6"})
        void acceptsNonNegativeValuesBelow10To15(String value) {
            assertThat(withValue(value).enteredValue()).isEqualTo(new BigDecimal(value));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"-5", "-0.01", "-1E+20", "-125000.00"})
        void rejectsNegativeValues(String value) {
            Violation v = onlyViolation(() -> withValue(value));
            assertThat(v).isEqualTo(new Violation("enteredValue",
                    "must not be negative, was " + new BigDecimal(value).toPlainString()));
        }

        /** Regression: the plain form of -1E+2147483647 has 2^31 digits; building it threw. */
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "-1e2147483647  | -1E+2147483647",
                "-1e-2147483647 | -1E-2147483647",
                "-1e999999      | -1E+999999",
                "-1e41          | -1E+41",
                "-1e40          | -1" + "0000000000" + "0000000000" + "0000000000" + "0000000000"})
        void aNegativeValueWithAHugeExponentIsNamedWithoutWritingOutItsDigits(String value, String shown) {
            Violation v = onlyViolation(() -> withValue(value));
            assertThat(v).isEqualTo(new Violation("enteredValue", "must not be negative, was " + shown));
        }

        @Test
        void aNegativeValueWithVeryManyDigitsIsShownCut() {
            BigDecimal manyDigits = new BigDecimal("-" + "7".repeat(100_000) + "E+5");
            assertThat(onlyViolation(() -> new EntryLine(HTS, manyDigits, Optional.empty())).message())
                    .isEqualTo("must not be negative, was -7." + "7".repeat(37) + "...E+100004");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1e999999", "1E+15", "1000000000000000", "1000000000000000.00", "1e2147483646",
                "9.99E+999999999"})
        void rejectsHugeValues(String value) {
            Violation v = onlyViolation(() -> withValue(value));
            assertThat(v).isEqualTo(new Violation("enteredValue", "must be below 10^15 U.S. dollars"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1e2147483647", "10e2147483647", "123E+2147483647"})
        void rejectsValuesWhoseExponentOverflowsTheDigitCount(String value) {
            assertThat(onlyViolation(() -> withValue(value)))
                    .isEqualTo(new Violation("enteredValue", "must be below 10^15 U.S. dollars"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"0E+16", "0e20", "0.0E+30"})
        void acceptsZeroWrittenWithAPositiveExponent(String value) {
            assertThat(withValue(value).enteredValue()).isZero();
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> EntryLine.of(HTS, null)))
                    .isEqualTo(new Violation("enteredValue", "is required"));
        }
    }

    @Nested
    class AdcvdCase {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"A-570-000", "C-570-001", "A-122-853"})
        void acceptsCommerceCaseNumbers(String value) {
            assertThat(withCase(value).adcvdCase()).contains(value);
        }

        @Test
        void isOptional() {
            assertThat(EntryLine.of(HTS, VALUE).adcvdCase()).isEmpty();
            assertThat(EntryLine.of(HTS, VALUE)).isEqualTo(new EntryLine(HTS, VALUE, Optional.empty()));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "B-570-000", "a-570-000", "A-570-00", "A-5700-000", "A570000", "A-570-000 ",
                "AC-570-000", "A-57O-000"})
        void rejectsAnythingElse(String value) {
            Violation v = onlyViolation(() -> withCase(value));
            assertThat(v).isEqualTo(new Violation("adcvdCase",
                    "must be a Commerce case number A-NNN-NNN or C-NNN-NNN, was " + Checks.quote(value)));
        }

        @Test
        void nullOptionalIsRefused() {
            assertThatNullPointerException().isThrownBy(() -> new EntryLine(HTS, VALUE, null)).withMessage("adcvdCase");
        }
    }

    @Test
    void reportsEveryInvalidComponentAtOnce() {
        assertThat(fields(() -> new EntryLine("8517", new BigDecimal("-5"), Optional.of("X-1"))))
                .containsExactly("hts", "enteredValue", "adcvdCase");
        assertThat(fields(() -> new EntryLine(null, null, Optional.of("")))).containsExactly("hts", "enteredValue",
                "adcvdCase");
    }

    @Test
    void equalWhenGivenWithOrWithoutDots() {
        assertThat(withHts("8517620090")).isEqualTo(withHts("8517.62.0090"));
    }
}
