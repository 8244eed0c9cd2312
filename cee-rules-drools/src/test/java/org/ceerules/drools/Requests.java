package org.ceerules.drools;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.Account;
import org.ceerules.api.Center;
import org.ceerules.api.EntryLine;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.RoutingRequest;

/** Terse construction of requests for tests: a participating Electronics account by default. */
final class Requests {

    private LocalDate asOf = LocalDate.parse("2016-05-02");
    private Center center = Center.ELECTRONICS;
    private LocalDate participationStart = LocalDate.parse("2014-03-01");
    private LocalDate withdrawal;
    private String entryType = "01";
    private String port = "2704";
    private LocalDate entryDate = LocalDate.parse("2016-04-20");
    private String adcvdCase;
    private final List<String[]> lines = new java.util.ArrayList<>();

    static Requests participant() {
        return new Requests();
    }

    /** Assigned to a Center, never in the test. */
    static Requests assigned(Center center) {
        Requests r = new Requests();
        r.center = center;
        r.participationStart = null;
        return r;
    }

    static Requests unassigned() {
        Requests r = new Requests();
        r.center = null;
        r.participationStart = null;
        return r;
    }

    Requests center(Center value) {
        center = value;
        return this;
    }

    Requests asOf(String date) {
        asOf = LocalDate.parse(date);
        return this;
    }

    Requests filed(String date) {
        entryDate = LocalDate.parse(date);
        return this;
    }

    /** Filed and routed on the same day. */
    Requests on(String date) {
        return filed(date).asOf(date);
    }

    Requests participating(String date) {
        participationStart = LocalDate.parse(date);
        return this;
    }

    Requests withdrawn(String date) {
        withdrawal = LocalDate.parse(date);
        return this;
    }

    Requests type(String code) {
        entryType = code;
        return this;
    }

    Requests port(String code) {
        port = code;
        return this;
    }

    Requests adcvdCase(String caseNumber) {
        adcvdCase = caseNumber;
        return this;
    }

    /**
     * Adds a line; a request with none has one line, 8517.62.0090 (Electronics) worth 125,000.00.
     *
     * @param hts   the line's tariff number
     * @param value its entered value
     */
    Requests line(String hts, String value) {
        lines.add(new String[] {hts, value});
        return this;
    }

    /** What a failing property prints: the request's fields. */
    @Override
    public String toString() {
        return "asOf " + asOf + ", center " + center + ", participation " + participationStart + ", withdrawal "
                + withdrawal + ", type " + entryType + ", port " + port + ", filed " + entryDate + ", AD/CVD " + adcvdCase
                + (lines.isEmpty() ? "" : ", lines " + lines.stream().map(l -> l[0] + "=" + l[1]).toList());
    }

    RoutingRequest build() {
        Account account = new Account("12-345678900", "Nokia Inc", Optional.ofNullable(center),
                Optional.ofNullable(participationStart), Optional.ofNullable(withdrawal));
        List<EntryLine> entryLines = lines.isEmpty()
                ? List.of(new EntryLine("8517.62.0090", new BigDecimal("125000.00"), Optional.ofNullable(adcvdCase)))
                : lines.stream().map(l -> new EntryLine(l[0], new BigDecimal(l[1]), Optional.ofNullable(adcvdCase)))
                        .toList();
        EntrySummary summary = new EntrySummary("345-6789012-3", entryType, port, entryDate, entryLines);
        return new RoutingRequest(asOf, account, summary);
    }
}
