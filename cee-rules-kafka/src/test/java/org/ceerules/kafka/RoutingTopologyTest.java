package org.ceerules.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.ceerules.testing.CaseFolders;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.testing.Requests;
import org.ceerules.testing.ThrowingRouter;
import org.ceerules.cli.Main;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing topology in Kafka's {@link TopologyTestDriver}, with the application's own
 * properties (exactly-once included): every input record yields exactly one record, a decision or
 * a dead letter, in input order; decisions are the CLI's lines; dead letters keep the record as it
 * came.
 */
class RoutingTopologyTest {

    private static final Path SAMPLES = CaseFolders.samples();
    private static final StreamsSettings SETTINGS = StreamsSettings.of(Map.of(), Map.of());
    private static Router router;

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> requests;
    private TestOutputTopic<byte[], byte[]> decisions;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeAll
    static void buildTheRouter() {
        router = Routers.defaultRouter();
    }

    @AfterEach
    void closeTheDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private void start(Router routing) {
        Properties properties = SETTINGS.streamsProperties();
        driver = new TopologyTestDriver(RoutingTopology.build(routing, SETTINGS), properties);
        requests = driver.createInputTopic(SETTINGS.inputTopic(), new ByteArraySerializer(), new ByteArraySerializer());
        decisions = driver.createOutputTopic(SETTINGS.outputTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        deadLetters = driver.createOutputTopic(SETTINGS.deadLetterTopic(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private void start() {
        start(router);
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    /** What {@code cee-rules route} writes for each of these requests, each line without its line feed. */
    private static List<String> cli(List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String input = String.join("\n", lines) + "\n";
        Main.run(new String[] {"route", "-"}, new ByteArrayInputStream(input.getBytes(UTF_8)),
                new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return Arrays.asList(out.toString(UTF_8).split("\n"));
    }

    @Test
    void aValidRequestGivesItsDecisionKeyedByItsEntryNumber() {
        start();
        String request = Requests.with("entrySummary.entryNumber", "\"34567890123\"");

        requests.pipeInput("any key".getBytes(UTF_8), request.getBytes(UTF_8));

        TestRecord<byte[], byte[]> decision = decisions.readRecord();
        assertThat(new String(decision.key(), UTF_8)).isEqualTo("345-6789012-3");
        assertThat(new String(decision.value(), UTF_8)).isEqualTo(cli(List.of(request)).get(0))
                .startsWith("{\"entryNumber\":\"345-6789012-3\"");
        assertThat(decisions.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aNullKeyIsFineAndThePrettyPrintedSampleIsRouted() throws IOException {
        start();
        byte[] sample = Files.readAllBytes(SAMPLES.resolve("participant-consumption.json"));

        requests.pipeInput(null, sample);

        TestRecord<byte[], byte[]> decision = decisions.readRecord();
        assertThat(JsonTree.parse(new String(decision.value(), UTF_8))).isInstanceOfSatisfying(Map.class,
                d -> assertThat(d).containsEntry("center", "007"));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void decisionsAndErrorsAreTheLinesOfTheCliForTheSameRequests() throws IOException {
        start();
        List<String> lines = Files.readAllLines(SAMPLES.resolve("batch.jsonl"), UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            requests.pipeInput(null, line.getBytes(UTF_8));
        }

        List<String> expected = cli(lines);
        List<String> decided = decisions.readValuesToList().stream().map(v -> new String(v, UTF_8)).toList();
        List<String> rejected = deadLetters.readRecordsToList().stream()
                .map(r -> header(r, RoutingTopology.ERRORS_HEADER)).toList();
        assertThat(expected).hasSize(lines.size());
        assertThat(decided).containsExactlyElementsOf(expected.stream().filter(l -> !l.startsWith("{\"errors\"")).toList());
        assertThat(rejected).containsExactlyElementsOf(expected.stream().filter(l -> l.startsWith("{\"errors\"")).toList());
        assertThat(rejected).hasSize(2);
    }

    @Test
    void anInvalidRequestIsADeadLetterAsItCameWithItsFieldErrorsAndWhereItWasRead() {
        start();
        String request = Requests.with("entrySummary.portOfEntry", "\"27A4\"");
        Headers headers = new RecordHeaders().add("trace-id", "t-1".getBytes(UTF_8));
        requests.pipeInput(new TestRecord<>("k".getBytes(UTF_8), request.getBytes(UTF_8), headers, 1_000L));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("k".getBytes(UTF_8));
        assertThat(dead.value()).isEqualTo(request.getBytes(UTF_8));
        assertThat(dead.timestamp()).isEqualTo(1_000L);
        assertThat(header(dead, "trace-id")).isEqualTo("t-1");
        assertThat(header(dead, RoutingTopology.ERRORS_HEADER)).isEqualTo(cli(List.of(request)).get(0))
                .contains("\"field\":\"entrySummary.portOfEntry\"");
        assertThat(header(dead, RoutingTopology.SOURCE_TOPIC_HEADER)).isEqualTo(SETTINGS.inputTopic());
        assertThat(header(dead, RoutingTopology.SOURCE_PARTITION_HEADER)).isEqualTo("0");
        assertThat(header(dead, RoutingTopology.SOURCE_OFFSET_HEADER)).isEqualTo("0");
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void unparseableValuesAreDeadLettersWithTheirBytesKeptExactly() {
        start();
        byte[] notJson = "this is not JSON".getBytes(UTF_8);
        byte[] notUtf8 = {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'};
        byte[] empty = {};
        byte[] twoRequests = (Requests.VALID + "\n" + Requests.VALID).getBytes(UTF_8);
        for (byte[] value : List.of(notJson, notUtf8, empty, twoRequests)) {
            requests.pipeInput(null, value);
        }
        requests.pipeInput("tombstone".getBytes(UTF_8), (byte[]) null);

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::value).containsExactly(notJson, notUtf8, empty, twoRequests, null);
        assertThat(dead.get(4).key()).isEqualTo("tombstone".getBytes(UTF_8));
        assertThat(dead).extracting(r -> header(r, RoutingTopology.ERRORS_HEADER)).containsExactly(
                cli(List.of("this is not JSON")).get(0),
                "{\"errors\":[{\"field\":\"$\",\"message\":\"is not valid UTF-8: byte 3 (0xFF) does not start or "
                        + "continue a character\"}]}",
                "{\"errors\":[{\"field\":\"$\",\"message\":\"is empty: a request is a JSON object\"}]}",
                "{\"errors\":[{\"field\":\"$\",\"message\":\"holds more than one JSON value: give one request per "
                        + "line\"}]}",
                "{\"errors\":[{\"field\":\"$\",\"message\":\"is null: a record's value must be one JSON request\"}]}");
        assertThat(dead).extracting(r -> header(r, RoutingTopology.SOURCE_OFFSET_HEADER))
                .containsExactly("0", "1", "2", "3", "4");
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void anyBytesYieldExactlyOneRecordAndADeadLetterKeepsThem() {
        start();
        java.util.Random random = new java.util.Random(8);
        byte[] valid = Requests.VALID.getBytes(UTF_8);
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            byte[] value;
            if (i % 2 == 0) {
                // a valid request with a few bytes changed, or cut short
                value = Arrays.copyOf(valid, i % 10 == 0 ? random.nextInt(valid.length) : valid.length);
                for (int changes = random.nextInt(4); changes > 0 && value.length > 0; changes--) {
                    value[random.nextInt(value.length)] = (byte) random.nextInt(256);
                }
            } else {
                value = new byte[random.nextInt(64)];
                random.nextBytes(value);
            }
            values.add(value);
            requests.pipeInput(null, value);
        }

        List<byte[]> decided = decisions.readValuesToList();
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(decided.size() + dead.size()).isEqualTo(values.size());
        for (TestRecord<byte[], byte[]> record : dead) {
            int offset = Integer.parseInt(header(record, RoutingTopology.SOURCE_OFFSET_HEADER));
            assertThat(record.value()).isEqualTo(values.get(offset));
            assertThat(header(record, RoutingTopology.ERRORS_HEADER)).startsWith("{\"errors\":[{\"field\":");
        }
    }

    @Test
    void aByteOrderMarkIsDroppedAsTheCliDropsIt() {
        start();
        byte[] request = Requests.VALID.getBytes(UTF_8);
        byte[] marked = new byte[request.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(request, 0, marked, 3, request.length);

        requests.pipeInput(null, marked);

        assertThat(new String(decisions.readValue(), UTF_8)).isEqualTo(cli(List.of(Requests.VALID)).get(0));
    }

    @Test
    void aValueLongerThanOneMebibyteIsADeadLetterKeptWhole() {
        start();
        byte[] large = new byte[(1 << 20) + 1];
        Arrays.fill(large, (byte) ' ');

        requests.pipeInput(null, large);

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(large);
        assertThat(header(dead, RoutingTopology.ERRORS_HEADER)).isEqualTo("{\"errors\":[{\"field\":\"$\",\"message\":"
                + "\"is longer than 1048576 bytes: a request must be at most 1 MiB\"}]}");
    }

    @Test
    void anErrorObjectBeyondSixtyFourKibibytesIsCutAndSaysHowManyErrorsWereLeftOut() throws Exception {
        // the codec names at most 20 problems of a kind and 100 unknown fields, so no request read from
        // JSON makes so large an object today; a router's own rejection still can: 2,000 problems, each
        // of a field of its own
        List<org.ceerules.api.Violation> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add(new org.ceerules.api.Violation("account.reference" + i, "is refused by this router's own check "
                    + "number " + i + " of the account's references"));
        }
        start(new org.ceerules.api.Router() {
            @Override
            public org.ceerules.api.RoutingResult route(org.ceerules.api.RoutingRequest request) {
                return new org.ceerules.api.RoutingResult.Rejected(many);
            }

            @Override
            public org.ceerules.api.RoutingResult explain(org.ceerules.api.RoutingRequest request) {
                return route(request);
            }

            @Override
            public String rulesVersion() {
                return "rejecting";
            }

            @Override
            public java.util.Optional<org.ceerules.api.IndustryScope> industryScope(org.ceerules.api.HtsNumber hts,
                                                                                  java.time.LocalDate asOf) {
                return java.util.Optional.empty();
            }

            @Override
            public List<org.ceerules.api.KnowledgeBaseRule> rules() {
                return List.of();
            }
        });

        requests.pipeInput(null, Requests.VALID.getBytes(UTF_8));

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.ceerules.json.JsonResultWriter writer = org.ceerules.json.JsonResultWriter.to(out)) {
            writer.writeErrors(many);
        }
        String whole = out.toString(UTF_8).strip();
        String errors = header(deadLetters.readRecord(), RoutingTopology.ERRORS_HEADER);
        assertThat(whole.length()).isGreaterThan(RoutingProcessor.MAX_ERRORS_BYTES);
        assertThat(errors.getBytes(UTF_8).length).isLessThanOrEqualTo(RoutingProcessor.MAX_ERRORS_BYTES);
        Map<?, ?> object = (Map<?, ?>) JsonTree.parse(errors);
        List<?> kept = (List<?>) object.get("errors");
        List<?> all = (List<?>) ((Map<?, ?>) JsonTree.parse(whole)).get("errors");
        assertThat(kept.subList(0, kept.size() - 1)).isEqualTo(all.subList(0, kept.size() - 1));
        assertThat(kept.get(kept.size() - 1)).isEqualTo(Map.of("field", "$", "message", (all.size() - kept.size() + 1)
                + " more errors not shown: a dead letter carries at most 65536 bytes of errors"));
    }

    @Test
    void aRouterThatFailsOnARequestMakesADeadLetterOfItAndTheNextRecordsAreRead() {
        start(new ThrowingRouter(new IllegalStateException("boom")));

        requests.pipeInput(null, Requests.VALID.getBytes(UTF_8));
        requests.pipeInput(null, "not JSON".getBytes(UTF_8));

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, RoutingTopology.ERRORS_HEADER)).containsExactly(
                "{\"errors\":[{\"field\":\"$\",\"message\":\"internal error of the router: IllegalStateException: "
                        + "boom\"}]}",
                cli(List.of("not JSON")).get(0));
        assertThat(decisions.isEmpty()).isTrue();
    }

    @Test
    void aKnowledgeBaseThatFailsStopsTheTaskAndNothingOfTheRecordIsWritten() {
        KnowledgeBaseException broken = new KnowledgeBaseException(List.of(new KnowledgeBaseProblem("rules.drl", 1,
                "broken")));
        start(new ThrowingRouter(broken));

        assertThatThrownBy(() -> requests.pipeInput(null, Requests.VALID.getBytes(UTF_8)))
                .hasRootCauseInstanceOf(KnowledgeBaseException.class);
        assertThat(decisions.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void decisionsForOneEntryNumberKeepTheirInputOrder() {
        start();
        List<String> entries = List.of("345-6789012-3", "234-5678901-7", "C77-1002003-5");
        List<String> asOfs = new ArrayList<>();
        for (int day = 1; day <= 28; day++) {
            asOfs.add(String.format("2016-06-%02d", day));
        }
        // interleaved: entry after entry, each entry's requests on increasing dates
        for (String asOf : asOfs) {
            for (String entry : entries) {
                String request = Requests.change(Requests.with("asOf", "\"" + asOf + "\""),
                        "entrySummary.entryNumber", JsonTree.parse("\"" + entry + "\""));
                requests.pipeInput(entry.getBytes(UTF_8), request.getBytes(UTF_8));
            }
        }

        List<TestRecord<byte[], byte[]>> out = decisions.readRecordsToList();
        assertThat(out).hasSize(asOfs.size() * entries.size());
        for (String entry : entries) {
            List<?> dates = out.stream().filter(r -> entry.equals(new String(r.key(), UTF_8)))
                    .map(r -> (Object) ((Map<?, ?>) JsonTree.parse(new String(r.value(), UTF_8))).get("asOf")).toList();
            assertThat(dates).as(entry).isEqualTo(asOfs);
        }
    }

    @Test
    void everyRecordOfABatchOfThousandsYieldsExactlyOneRecordInInputOrder() throws IOException {
        start();
        List<byte[]> kinds = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve("batch.jsonl"), UTF_8)) {
            kinds.add(line.getBytes(UTF_8));
        }
        kinds.add(new byte[] {(byte) 0xC0, (byte) 0x80});
        kinds.add(null);
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            Headers headers = new RecordHeaders().add("seq", String.valueOf(i).getBytes(UTF_8));
            requests.pipeInput(new TestRecord<>(null, kinds.get(i % kinds.size()), headers, (long) i));
        }

        List<Integer> decided = decisions.readRecordsToList().stream().map(r -> Integer.valueOf(header(r, "seq")))
                .toList();
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        List<Integer> rejected = dead.stream().map(r -> Integer.valueOf(header(r, "seq"))).toList();
        assertThat(decided).isSorted();
        assertThat(rejected).isSorted();
        List<Integer> all = new ArrayList<>(decided);
        all.addAll(rejected);
        assertThat(all).hasSize(count).doesNotHaveDuplicates();
        // which kinds the CLI routes: each line of batch.jsonl is one request; the two added ones are not
        List<String> cli = cli(kinds.subList(0, kinds.size() - 2).stream().map(k -> new String(k, UTF_8)).toList());
        assertThat(decided).allMatch(i -> i % kinds.size() < cli.size() && !cli.get(i % kinds.size()).startsWith("{\"errors\""));
        assertThat(rejected).allMatch(i -> i % kinds.size() >= cli.size() || cli.get(i % kinds.size()).startsWith("{\"errors\""));
        assertThat(dead).allMatch(r -> header(r, RoutingTopology.SOURCE_OFFSET_HEADER).equals(header(r, "seq")));
    }
}
