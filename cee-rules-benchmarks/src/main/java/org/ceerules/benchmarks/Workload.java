package org.ceerules.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.ceerules.api.RoutingRequest;

/**
 * The requests the benchmarks route: the entries of the CLI's samples ({@code
 * cee-rules-examples/samples/}), which between them take every layer of the knowledge base
 * (participation, delegation and regulatory claims, quota, TIB and U.S. Virgin Islands
 * exceptions, an unassigned account), and an entry of 20 lines. Immutable.
 */
final class Workload {

    private static final String[] HTS = {"8517.62.0090", "8471.30.0100", "8542.31.0000", "8504.40.9580",
        "8528.72.6400", "8443.32.1000", "8523.51.0000", "8536.69.4040", "8544.42.9090", "8507.60.0020"};

    private Workload() {
    }

    /** The sample's single request: a participating Electronics account, a consumption entry of one line. */
    static RoutingRequest oneLine() {
        return entry(1);
    }

    /** The same entry with 20 lines, one of them with an AD/CVD case. */
    static RoutingRequest twentyLines() {
        return entry(20);
    }

    /**
     * An entry of today's traffic: an account assigned to the Electronics Center, one line, routed
     * under the regulations (2026).
     */
    static RoutingRequest today() {
        return RoutingRequest.builder().asOf("2026-11-02")
                .importerNumber("12-345678900").accountName("Nokia Inc").center("007")
                .entryNumber("345-6789012-3").entryType("01").portOfEntry("2704").entryDate("2026-10-20")
                .line("8517.62.0090", "125000.00").build();
    }

    private static RoutingRequest entry(int lines) {
        RoutingRequest.Builder b = RoutingRequest.builder().asOf("2016-05-02")
                .importerNumber("12-345678900").accountName("Nokia Inc").center("007")
                .participationStart("2014-03-01").withdrawalEffective("2017-01-01")
                .entryNumber("345-6789012-3").entryType("01").portOfEntry("2704").entryDate("2016-04-20");
        for (int i = 0; i < lines; i++) {
            String value = (125_000 + 1_000 * i) + ".00";
            if (i == lines - 1) {
                b.line(HTS[i % HTS.length], value, "A-570-000");
            } else {
                b.line(HTS[i % HTS.length], value);
            }
        }
        return b.build();
    }

    /** The valid requests of the samples, in their order. */
    static List<RoutingRequest> samples() {
        return List.of(
                oneLine(),
                request("2016-05-02", "12-345678900", "Nokia Inc", "007", "2014-03-01", "345-6789012-3", "01", "2704",
                        "2016-04-20", "8517.62.0090", "125000.00"),
                request("2015-03-02", "98-765432100", "Syngenta Crop Protection", "001", "2013-01-15", "234-5678901-7",
                        "02", "4601", "2015-02-20", "6109.10.0012", "22000"),
                request("2018-03-01", "36-123456700", "Acme Steel Works", "005", null, "C77-1002003-5", "01", "3901",
                        "2018-02-20", "7208.51.0030", "300000"),
                request("2018-03-01", "123-45-6789", "Corner Imports LLC", null, null, "C77-1002029-0", "01", "3901",
                        "2018-02-20", "9403.60.8081", "1200"),
                request("2015-03-02", "98-765432100", "Syngenta Crop Protection", "001", "2013-01-15", "234-5678919-9",
                        "23", "4601", "2015-02-20", "3004.90.9290", "5000"),
                request("2015-03-02", "98-765432100", "Syngenta Crop Protection", "001", "2013-01-15", "234-5678927-2",
                        "01", "5101", "2015-02-20", "3004.90.9290", "5000"),
                request("2016-04-15", "150501-12345", "American Eurocopter", "003", null, "B23-0000417-7", "01", "3801",
                        "2016-04-01", "8803.30.0030", "910000"));
    }

    /** {@code count} requests, the samples cycled. */
    static List<RoutingRequest> cycled(int count) {
        List<RoutingRequest> samples = samples();
        List<RoutingRequest> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(samples.get(i % samples.size()));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static RoutingRequest request(String asOf, String importer, String name, String center, String start,
                                          String entryNumber, String type, String port, String entryDate, String hts,
                                          String value) {
        RoutingRequest.Builder b = RoutingRequest.builder().asOf(asOf).importerNumber(importer).accountName(name)
                .entryNumber(entryNumber).entryType(type).portOfEntry(port).entryDate(entryDate).line(hts, value);
        if (center != null) {
            b.center(center);
        }
        if (start != null) {
            b.participationStart(start);
        }
        return b.build();
    }
}
