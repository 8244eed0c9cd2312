package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Valid values for the request records (the sample request, {@code cee-rules-examples/samples/participant-consumption.json}) and helpers to read violations. */
final class Fixtures {

    static final String IMPORTER = "12-345678900";
    static final String NAME = "Nokia Inc";
    static final String ENTRY_NUMBER = "345-6789012-3";
    static final String ENTRY_TYPE = "01";
    static final String PORT = "2704";
    static final String HTS = "8517.62.0090";
    static final BigDecimal VALUE = new BigDecimal("125000.00");
    static final String ADCVD = "A-570-000";
    static final LocalDate AS_OF = LocalDate.of(2016, 5, 2);
    static final LocalDate ENTRY_DATE = LocalDate.of(2016, 4, 20);
    static final LocalDate PARTICIPATION = LocalDate.of(2014, 3, 1);
    static final LocalDate WITHDRAWAL = LocalDate.of(2017, 1, 1);

    private Fixtures() {
    }

    static EntryLine line() {
        return new EntryLine(HTS, VALUE, Optional.of(ADCVD));
    }

    static List<EntryLine> lines(int count) {
        return Collections.nCopies(count, EntryLine.of(HTS, VALUE));
    }

    static Account account() {
        return new Account(IMPORTER, NAME, Optional.of(Center.ELECTRONICS), Optional.of(PARTICIPATION),
                Optional.of(WITHDRAWAL));
    }

    static EntrySummary summary() {
        return new EntrySummary(ENTRY_NUMBER, ENTRY_TYPE, PORT, ENTRY_DATE, List.of(line()));
    }

    static RoutingRequest request() {
        return new RoutingRequest(AS_OF, account(), summary());
    }

    /** A builder holding the sample request, every field set and valid. */
    static RoutingRequest.Builder builder() {
        return RoutingRequest.builder()
                .asOf("2016-05-02")
                .importerNumber(IMPORTER)
                .accountName(NAME)
                .center("007")
                .participationStart("2014-03-01")
                .withdrawalEffective("2017-01-01")
                .entryNumber(ENTRY_NUMBER)
                .entryType(ENTRY_TYPE)
                .portOfEntry(PORT)
                .entryDate("2016-04-20")
                .line(HTS, "125000.00", ADCVD);
    }

    /** Runs {@code call}, which must throw an {@link InvalidRequestException}, and returns its violations. */
    static List<Violation> violations(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("an InvalidRequestException").isInstanceOf(InvalidRequestException.class);
        return ((InvalidRequestException) thrown).violations();
    }

    /** The field paths {@code call} reports, in order. */
    static List<String> fields(ThrowingCallable call) {
        return violations(call).stream().map(Violation::field).toList();
    }

    /** The one violation {@code call} reports. */
    static Violation onlyViolation(ThrowingCallable call) {
        List<Violation> violations = violations(call);
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    /** A list holding {@code count} copies of {@code element}, with {@code null} allowed. */
    static <T> List<T> listWithNull(T element, int nullAt, int count) {
        List<T> list = new ArrayList<>(Collections.nCopies(count, element));
        list.set(nullAt, null);
        return list;
    }
}
