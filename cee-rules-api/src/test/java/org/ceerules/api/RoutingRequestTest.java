package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceerules.api.Fixtures.AS_OF;
import static org.ceerules.api.Fixtures.ENTRY_DATE;
import static org.ceerules.api.Fixtures.account;
import static org.ceerules.api.Fixtures.fields;
import static org.ceerules.api.Fixtures.onlyViolation;
import static org.ceerules.api.Fixtures.summary;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingRequestTest {

    @Nested
    class AsOf {

        @Test
        void acceptsADateOnOrAfterTheEntryDate() {
            assertThat(new RoutingRequest(AS_OF, account(), summary()).asOf()).isEqualTo(AS_OF);
            assertThat(new RoutingRequest(ENTRY_DATE, account(), summary()).asOf()).isEqualTo(ENTRY_DATE);
            assertThat(new RoutingRequest(LocalDate.of(2199, 12, 31), account(), summary()).asOf())
                    .isEqualTo(LocalDate.of(2199, 12, 31));
        }

        @Test
        void rejectsADateBeforeTheEntryDate() {
            Violation v = onlyViolation(() -> new RoutingRequest(ENTRY_DATE.minusDays(1), account(), summary()));
            assertThat(v).isEqualTo(new Violation("asOf",
                    "must not be before entrySummary.entryDate 2016-04-20, was 2016-04-19"));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2200-01-01", "9999-12-31"})
        void rejectsDatesFromTheEndOfTheRange(String date) {
            Violation v = onlyViolation(() -> new RoutingRequest(LocalDate.parse(date), account(), summary()));
            assertThat(v).isEqualTo(new Violation("asOf",
                    "must be on or after 1900-01-01 and before 2200-01-01, was " + date));
        }

        @Test
        void rejectsDatesBeforeTheRange() {
            // such a date is also before the entry date: every violation found names asOf
            assertThat(Fixtures.violations(() -> new RoutingRequest(LocalDate.of(1899, 12, 31), account(), summary())))
                    .contains(new Violation("asOf", "must be on or after 1900-01-01 and before 2200-01-01, was 1899-12-31"))
                    .extracting(Violation::field).containsOnly("asOf");
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> new RoutingRequest(null, account(), summary())))
                    .isEqualTo(new Violation("asOf", "is required"));
        }
    }

    @Nested
    class AccountComponent {

        @Test
        void isHeldAsGiven() {
            assertThat(new RoutingRequest(AS_OF, account(), summary()).account()).isEqualTo(account());
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> new RoutingRequest(AS_OF, null, summary())))
                    .isEqualTo(new Violation("account", "is required"));
        }
    }

    @Nested
    class EntrySummaryComponent {

        @Test
        void isHeldAsGiven() {
            assertThat(new RoutingRequest(AS_OF, account(), summary()).entrySummary()).isEqualTo(summary());
        }

        @Test
        void isRequired() {
            assertThat(onlyViolation(() -> new RoutingRequest(AS_OF, account(), null)))
                    .isEqualTo(new Violation("entrySummary", "is required"));
        }
    }

    @Test
    void reportsEveryInvalidComponentAtOnce() {
        assertThat(fields(() -> new RoutingRequest(null, null, null))).containsExactly("asOf", "account", "entrySummary");
        assertThat(fields(() -> new RoutingRequest(LocalDate.of(2200, 1, 1), null, null)))
                .containsExactly("asOf", "account", "entrySummary");
    }

    @Test
    void withAsOfChangesOnlyTheDate() {
        RoutingRequest request = Fixtures.request();
        RoutingRequest later = request.withAsOf(LocalDate.of(2017, 2, 1));
        assertThat(later.asOf()).isEqualTo(LocalDate.of(2017, 2, 1));
        assertThat(later.account()).isSameAs(request.account());
        assertThat(later.entrySummary()).isSameAs(request.entrySummary());
        assertThat(request.asOf()).isEqualTo(AS_OF);
        assertThat(later.withAsOf(AS_OF)).isEqualTo(request);
    }

    @Test
    void withAsOfValidatesTheDate() {
        RoutingRequest request = Fixtures.request();
        assertThat(fields(() -> request.withAsOf(ENTRY_DATE.minusDays(1)))).containsExactly("asOf");
        assertThat(fields(() -> request.withAsOf(null))).containsExactly("asOf");
    }
}
