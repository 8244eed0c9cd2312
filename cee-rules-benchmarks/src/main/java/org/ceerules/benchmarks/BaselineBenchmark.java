package org.ceerules.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ceerules.api.Router;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.drools.DroolsRouter;
import org.ceerules.json.JsonRequestReader;
import org.ceerules.json.JsonResultWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link RouteBenchmark} is measured against, on the same 1-line request:
 * <ul>
 *   <li>{@code jsonCopy}: parsing the request's JSON and writing it again with jackson-core's
 *       streaming API, the project's JSON library (what {@code jq -c .} does per line);</li>
 *   <li>{@code mapLookup}: plain Java finding the same answer in a {@code HashMap} keyed by the
 *       request, the floor of any router;</li>
 *   <li>{@code readRequest} and {@code writeDecision}: the CLI's own JSON mapping, reading the
 *       request (with validation) and writing its decision, the two ends of {@code cee-rules route}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class BaselineBenchmark {

    private final JsonFactory json = new JsonFactory();
    private byte[] requestJson;
    private String requestText;
    private RoutingRequest request;
    private RoutingDecision decision;
    private Map<RoutingRequest, RoutingDecision> answers;
    private JsonResultWriter writer;

    /**
     * Routes the request once, for the answer the map holds and the decision to write.
     *
     * @throws IOException never: nothing is written yet
     */
    @Setup
    public void setUp() throws IOException {
        request = Workload.oneLine();
        Router router = new DroolsRouter();
        decision = ((RoutingResult.Routed) router.route(request)).decision();
        answers = new HashMap<>();
        for (RoutingRequest sample : Workload.samples()) {
            RoutingResult result = router.route(sample);
            if (result instanceof RoutingResult.Routed routed) {
                answers.put(sample, routed.decision());
            }
        }
        requestText = "{\"asOf\":\"2016-05-02\",\"account\":{\"importerNumber\":\"12-345678900\",\"name\":\"Nokia Inc\","
                + "\"center\":\"007\",\"participationStart\":\"2014-03-01\",\"withdrawalEffective\":\"2017-01-01\"},"
                + "\"entrySummary\":{\"entryNumber\":\"345-6789012-3\",\"entryType\":\"01\",\"portOfEntry\":\"2704\","
                + "\"entryDate\":\"2016-04-20\",\"lines\":[{\"hts\":\"8517.62.0090\",\"enteredValue\":\"125000.00\","
                + "\"adcvdCase\":\"A-570-000\"}]}}";
        requestJson = requestText.getBytes(StandardCharsets.UTF_8);
        writer = JsonResultWriter.to(OutputStream.nullOutputStream());
    }

    /** @throws IOException never: the output is a null stream */
    @TearDown
    public void tearDown() throws IOException {
        writer.close();
    }

    /**
     * @return the generator's output position
     * @throws IOException never: the input is well-formed
     */
    @Benchmark
    public long jsonCopy() throws IOException {
        try (JsonParser parser = json.createParser(requestJson);
             JsonGenerator generator = json.createGenerator(OutputStream.nullOutputStream())) {
            parser.nextToken();
            generator.copyCurrentStructure(parser);
            generator.writeRaw('\n');
            generator.flush();
            return parser.currentLocation().getCharOffset();
        }
    }

    /** @return the answer, looked up */
    @Benchmark
    public RoutingDecision mapLookup() {
        return answers.get(request);
    }

    /** @return the request, read from its JSON and validated */
    @Benchmark
    public RoutingRequest readRequest() {
        return JsonRequestReader.read(requestText);
    }

    /** @throws IOException never: the output is a null stream */
    @Benchmark
    public void writeDecision() throws IOException {
        writer.writeDecision(decision);
    }
}
