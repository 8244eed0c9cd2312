package org.ceerules.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;

/**
 * The routing topology's throughput in Kafka's {@link TopologyTestDriver}, run on request
 * ({@code scripts/bench-streams.sh}), never as a test: pipes REQUESTS records cycled from the samples
 * (the pretty-printed request, and every line of {@code batch.jsonl}: routed, rejected and not JSON)
 * through the topology with the application's own properties (exactly-once), RUNS times in one JVM,
 * reading the outputs as it goes, and prints records per second for each run. The first run includes
 * the JIT's warm-up.
 *
 * <pre>
 * java -cp ... org.ceerules.kafka.TopologyThroughput SAMPLES_DIR [REQUESTS] [RUNS]
 * </pre>
 */
public final class TopologyThroughput {

    private static final int DRAIN_EVERY = 1_000;

    private TopologyThroughput() {
    }

    /**
     * @param args the samples folder, how many records a run (100,000), how many runs (5)
     * @throws IOException if a sample cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path samples = Path.of(args.length > 0 ? args[0] : "cee-rules-examples/samples");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<byte[]> values = new ArrayList<>();
        values.add(Files.readAllBytes(samples.resolve("participant-consumption.json")));
        for (String line : Files.readAllLines(samples.resolve("batch.jsonl"), UTF_8)) {
            values.add(line.getBytes(UTF_8));
        }
        long start = System.nanoTime();
        Router router = Routers.defaultRouter();
        System.out.printf(Locale.ROOT, "router built in %d ms; %d records a run, cycled from %d samples%n",
                (System.nanoTime() - start) / 1_000_000, count, values.size());
        StreamsSettings settings = StreamsSettings.of(Map.of(), Map.of());
        for (int run = 1; run <= runs; run++) {
            try (TopologyTestDriver driver = new TopologyTestDriver(RoutingTopology.build(router, settings),
                    settings.streamsProperties())) {
                TestInputTopic<byte[], byte[]> in = driver.createInputTopic(settings.inputTopic(),
                        new ByteArraySerializer(), new ByteArraySerializer());
                TestOutputTopic<byte[], byte[]> decisions = driver.createOutputTopic(settings.outputTopic(),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer());
                TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(settings.deadLetterTopic(),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer());
                long decided = 0;
                long rejected = 0;
                long began = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    in.pipeInput(null, values.get(i % values.size()));
                    if ((i + 1) % DRAIN_EVERY == 0 || i == count - 1) {
                        decided += decisions.readValuesToList().size();
                        rejected += deadLetters.readValuesToList().size();
                    }
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                if (decided + rejected != count) {
                    throw new IllegalStateException("records in " + count + ", out " + (decided + rejected));
                }
                System.out.printf(Locale.ROOT, "run %d: %,d records in %.2f s, %,.0f records/s (%,d decisions, %,d dead "
                        + "letters)%n", run, count, seconds, count / seconds, decided, rejected);
            }
        }
    }
}
