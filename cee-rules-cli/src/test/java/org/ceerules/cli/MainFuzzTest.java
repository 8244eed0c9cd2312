package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ceerules.api.Routers;
import org.ceerules.api.TradeFunction;
import org.ceerules.api.Violation;
import org.ceerules.testing.ErrorContract;
import org.ceerules.json.JsonTree;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;

/**
 * Fuzzes the command line's handling of its input ({@code cee-rules route -} and {@code explain}
 * on any bytes), through {@link Main#run} with the embedded router: it exits 0 or 1, never 2 for
 * bad input; standard output is valid UTF-8, whole JSON lines only, one per request in the input
 * (a decision or an error object, status 1 exactly when there is an error); standard error stays
 * empty.
 *
 * <p>Run by the surefire execution {@code fuzz}; seeds and past crashes are the files under
 * {@code src/test/resources/org/ceerules/cli/MainFuzzTestInputs/}.
 */
class MainFuzzTest {

    @DictionaryFile(resourcePath = "/org/ceerules/requests.dict")
    @FuzzTest(maxDuration = "5s")
    void everyRequestGetsOneWholeLine(byte[] input) throws IOException {
        String[] args = switch (input.length % 3) {
            case 0 -> new String[] {"route", "-"};
            case 1 -> new String[] {"explain"};
            default -> new String[] {"route", "--as-of", "2017-01-19"};
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Routers::defaultRouter);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(status).isIn(ExitStatus.ROUTED, ExitStatus.REJECTED);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        List<Map<String, Object>> lines = JsonTree.lines(text);
        assertThat(lines).hasSize(requests(input));
        boolean errors = false;
        for (Map<String, Object> line : lines) {
            if (line.containsKey("errors")) {
                errors = true;
                ErrorContract.namesFields(violations(line));
            } else {
                assertThat((List<?>) line.get("routes")).hasSize(TradeFunction.values().length);
            }
        }
        assertThat(status).isEqualTo(errors ? ExitStatus.REJECTED : ExitStatus.ROUTED);
    }

    private static int requests(byte[] input) throws IOException {
        RequestStream stream = new RequestStream(new ByteArrayInputStream(input), Optional.empty());
        int count = 0;
        Optional<ReadResult> next;
        while ((next = stream.next()).isPresent()) {
            count++;
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static List<Violation> violations(Map<String, Object> line) {
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> error : (List<Map<String, Object>>) line.get("errors")) {
            assertThat(error).containsOnlyKeys("field", "message");
            violations.add(new Violation((String) error.get("field"), (String) error.get("message")));
        }
        return violations;
    }
}
