package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * B5: an entered value has at most {@value Checks#MAX_VALUE_DECIMALS} decimal places, so that no
 * sum of entered values can grow to the digits of its scale ({@code 1 + 1e-99999999} has a
 * hundred million digits): a value with more is refused, naming its field, before any arithmetic.
 */
class EnteredValueScaleTest {

    /** The builder of the fixtures holds one line already. */
    private static final String FIELD = "entrySummary.lines[1].enteredValue";
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    private static EntryLine line(String value) {
        return EntryLine.of(Fixtures.HTS, new BigDecimal(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1e-999999     | 1E-999999",
            "1e-99999999   | 1E-99999999",
            "1e-999999999  | 1E-999999999",
            "1e-2147483647 | 1E-2147483647",
            "1.0000001     | 1.0000001",
            "0.0000005     | 0.0000005",
            "12345.1234567 | 12345.1234567"})
    void aValueWithMoreThanSixDecimalPlacesIsRefused(String value, String shown) {
        Violation v = assertTimeoutPreemptively(QUICKLY, () -> Fixtures.onlyViolation(() -> line(value)));
        assertThat(v).isEqualTo(new Violation("enteredValue", "must have at most 6 decimal places, was " + shown));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e-99999999", "1e-999999999", "0.0000001"})
    void theBuilderNamesTheLinesField(String value) {
        List<Violation> found = assertTimeoutPreemptively(QUICKLY, () -> Fixtures.violations(() ->
                Fixtures.builder().line(Fixtures.HTS, value).build()));
        assertThat(found).extracting(Violation::field).containsExactly(FIELD);
        assertThat(found.get(0).message()).startsWith("must have at most 6 decimal places");
    }

    @Test
    void aHugeManyDigitValueWithTooManyDecimalsIsRefusedQuickly() {
        BigDecimal value = new BigDecimal(BigDecimal.ONE.unscaledValue().shiftLeft(100_000), 30_100);
        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(
                () -> new EntryLine(Fixtures.HTS, value, Optional.empty()))
                .isInstanceOf(InvalidRequestException.class));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "0.000001", "125000.00", "999999999999999.999999", "1.5", "1E+3"})
    void aValueWithAtMostSixDecimalPlacesIsHeldAsGiven(String value) {
        assertThat(line(value).enteredValue()).isEqualTo(new BigDecimal(value));
    }

    /** Zeros beyond the sixth place change nothing: they are dropped, so that the scale held is bounded too. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0E-99999999      | 0.000000",
            "0E-2147483647    | 0.000000",
            "0.00000000000000 | 0.000000",
            "125.50000000000  | 125.500000",
            "1000000000E-13   | 0.000100",
            "1000000000E-14   | 0.000010"})
    void zerosBeyondTheSixthPlaceAreDropped(String value, String held) {
        BigDecimal got = assertTimeoutPreemptively(QUICKLY, () -> line(value).enteredValue());
        assertThat(got).isEqualTo(new BigDecimal(held));
        assertThat(got.scale()).isEqualTo(6);
    }
}
