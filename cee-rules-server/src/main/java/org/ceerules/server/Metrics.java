package org.ceerules.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's counters, written in the Prometheus text format (version 0.0.4) for {@code GET
 * /metrics}: requests by endpoint and status, requests refused at a limit by reason, the requests
 * in flight, a latency histogram by endpoint, the lines of batches by outcome, and readiness.
 *
 * <p>Labels take few values: an endpoint is its path template ({@code /v1/subject/{abbreviation}}),
 * every page and static file is {@code static}, any other path {@code unmatched}.
 *
 * <p>Thread-safe.
 */
final class Metrics {

    /** Why a request was refused, as the {@code reason} label says it. */
    enum Rejection {
        /** More requests at once than the limit. */
        CONCURRENCY("concurrency"),
        /** A body larger than the limit. */
        BODY_TOO_LARGE("body_too_large"),
        /** A batch with more requests than the limit. */
        TOO_MANY_LINES("too_many_lines"),
        /** A body of another content type. */
        UNSUPPORTED_MEDIA_TYPE("unsupported_media_type"),
        /** The knowledge base was not built (yet). */
        NOT_READY("not_ready"),
        /** The body did not come within the read timeout. */
        READ_TIMEOUT("read_timeout");

        private final String label;

        Rejection(String label) {
            this.label = label;
        }
    }

    /** The upper bounds of the latency histogram's buckets, in seconds. */
    static final List<Double> BUCKETS = List.of(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            5.0, 10.0, 30.0, 60.0);

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Rejection, LongAdder> rejections = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> lines = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final IntSupplier ready;

    /** @param ready 1 when the server routes, 0 otherwise */
    Metrics(IntSupplier ready) {
        this.ready = ready;
        for (Rejection rejection : Rejection.values()) {
            rejections.put(rejection, new LongAdder());
        }
    }

    /** A request of {@code /v1/} began. */
    void begin() {
        inFlight.incrementAndGet();
    }

    /** A request of {@code /v1/} ended. */
    void end() {
        inFlight.decrementAndGet();
    }

    /**
     * Counts one request answered.
     *
     * @param endpoint its endpoint's label
     * @param status   the status of its answer
     * @param nanos    how long it took, from its dispatch to its last byte handed to the connection
     */
    void answered(String endpoint, int status, long nanos) {
        requests.computeIfAbsent(endpoint + '\u0000' + status, key -> new LongAdder()).increment();
        latencies.computeIfAbsent(endpoint, key -> new Histogram()).observe(nanos / 1e9);
    }

    /** Counts one request refused at a limit. */
    void rejected(Rejection why) {
        rejections.get(why).increment();
    }

    /**
     * Counts one line of a batch.
     *
     * @param endpoint the endpoint's label
     * @param outcome  {@code decision}, {@code error} or {@code internal_error}
     */
    void line(String endpoint, String outcome) {
        lines.computeIfAbsent(endpoint + '\u0000' + outcome, key -> new LongAdder()).increment();
    }

    /** @return the requests of {@code /v1/} being handled */
    int inFlight() {
        return inFlight.get();
    }

    /** @return every metric in the Prometheus text format, version 0.0.4 */
    String render() {
        StringBuilder out = new StringBuilder(4096);
        header(out, "ceerules_http_requests_total", "counter", "Requests answered, by endpoint and status.");
        for (Map.Entry<String, Long> entry : sorted(requests).entrySet()) {
            String[] key = entry.getKey().split("\u0000", 2);
            out.append("ceerules_http_requests_total{endpoint=\"").append(escape(key[0])).append("\",status=\"")
                    .append(key[1]).append("\"} ").append(entry.getValue()).append('\n');
        }
        header(out, "ceerules_http_rejections_total", "counter",
                "Requests refused at a limit of the server, by reason.");
        for (Rejection rejection : Rejection.values()) {
            out.append("ceerules_http_rejections_total{reason=\"").append(rejection.label).append("\"} ")
                    .append(rejections.get(rejection).sum()).append('\n');
        }
        header(out, "ceerules_http_requests_in_flight", "gauge", "Requests of /v1/ being handled.");
        out.append("ceerules_http_requests_in_flight ").append(inFlight.get()).append('\n');
        header(out, "ceerules_http_request_duration_seconds", "histogram",
                "Time from a request's dispatch to the last byte of its answer, by endpoint.");
        new TreeMap<>(latencies).forEach((endpoint, histogram) -> histogram.render(out, escape(endpoint)));
        header(out, "ceerules_batch_lines_total", "counter",
                "Lines answered in route and explain, by endpoint and outcome (decision, error, internal_error).");
        for (Map.Entry<String, Long> entry : sorted(lines).entrySet()) {
            String[] key = entry.getKey().split("\u0000", 2);
            out.append("ceerules_batch_lines_total{endpoint=\"").append(escape(key[0])).append("\",outcome=\"")
                    .append(key[1]).append("\"} ").append(entry.getValue()).append('\n');
        }
        header(out, "ceerules_ready", "gauge", "1 when the knowledge base is built and the server routes, else 0.");
        out.append("ceerules_ready ").append(ready.getAsInt()).append('\n');
        return out.toString();
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> counters) {
        Map<String, Long> sorted = new TreeMap<>();
        counters.forEach((key, counter) -> sorted.put(key, counter.sum()));
        return sorted;
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** A label value: backslash, double quote and line feed escaped. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** One endpoint's latencies: a count per bucket (not cumulative), their sum and count. */
    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.size()];
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder count = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < buckets.length; i++) {
                if (seconds <= BUCKETS.get(i)) {
                    buckets[i].increment();
                    break;
                }
            }
            sum.add(seconds);
            count.increment();
        }

        void render(StringBuilder out, String endpoint) {
            long total = count.sum();
            long cumulative = 0;
            for (int i = 0; i < buckets.length; i++) {
                cumulative += buckets[i].sum();
                out.append("ceerules_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint)
                        .append("\",le=\"").append(BUCKETS.get(i)).append("\"} ").append(Math.min(cumulative, total))
                        .append('\n');
            }
            out.append("ceerules_http_request_duration_seconds_bucket{endpoint=\"").append(endpoint)
                    .append("\",le=\"+Inf\"} ").append(total).append('\n');
            out.append("ceerules_http_request_duration_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(String.format(Locale.ROOT, "%.6f", sum.sum())).append('\n');
            out.append("ceerules_http_request_duration_seconds_count{endpoint=\"").append(endpoint).append("\"} ")
                    .append(total).append('\n');
        }
    }
}
