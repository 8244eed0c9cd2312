package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.testing.ErrorContract;

/**
 * Fuzzes the splitting of an input into requests ({@link RequestStream}, {@link LineReader}) with
 * Jazzer, against an independent reading of the same bytes: nothing escapes, and either the input
 * is one request spread over several lines, or every non-blank line yields exactly one result, in
 * order, the one {@link JsonRequestReader} gives for that line alone. Nothing is lost, nothing is
 * added.
 *
 * <p>Run by the surefire execution {@code fuzz}; seeds and past crashes are the files under
 * {@code src/test/resources/org/ceerules/json/RequestStreamFuzzTestInputs/}.
 */
class RequestStreamFuzzTest {

    @DictionaryFile(resourcePath = "/org/ceerules/requests.dict")
    @FuzzTest(maxDuration = "5s")
    void everyLineYieldsOneResultInOrder(byte[] input) throws IOException {
        RequestStream stream = new RequestStream(new ByteArrayInputStream(input), Optional.empty());
        List<ReadResult> results = new ArrayList<>();
        Optional<ReadResult> next;
        while ((next = stream.next()).isPresent()) {
            results.add(next.get());
        }

        assertThat(stream.internalErrors()).isZero();
        for (ReadResult result : results) {
            if (result instanceof ReadResult.Invalid invalid) {
                ErrorContract.namesFields(invalid.violations());
            }
        }
        List<Optional<String>> lines = nonBlankLines(input);
        if (results.size() == 1 && lines.size() > 1) {
            // one request pretty-printed over several lines: it is a complete JSON object
            assertThat(lines).allMatch(Optional::isPresent);
            return;
        }
        assertThat(results).hasSameSizeAs(lines);
        for (int i = 0; i < lines.size(); i++) {
            // an input that looks like UTF-16 or UTF-32 gets a hint in place of its first line's own error
            boolean hinted = i == 0 && LineReader.wideEncoding(input, 0, input.length).isPresent();
            if (!hinted && lines.get(i).isPresent()
                    && lines.get(i).get().length() <= JsonRequestReader.MAX_REQUEST_CHARS) {
                assertThat(results.get(i)).as("line %d", i + 1).isEqualTo(readAlone(lines.get(i).get()));
            } else {
                assertThat(results.get(i)).isInstanceOf(ReadResult.Invalid.class);
            }
        }
    }

    private static ReadResult readAlone(String line) {
        try {
            return new ReadResult.Request(JsonRequestReader.read(line));
        } catch (InvalidRequestException e) {
            return new ReadResult.Invalid(e.violations());
        }
    }

    /**
     * The oracle: the input's non-blank lines, split on '\n' without a '\r' before it, the byte order
     * mark dropped; each decoded as UTF-8, or empty when it is not UTF-8 or longer than the limit.
     */
    static List<Optional<String>> nonBlankLines(byte[] input) {
        int start = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
                && (input[2] & 0xFF) == 0xBF ? 3 : 0;
        List<Optional<String>> lines = new ArrayList<>();
        int from = start;
        for (int i = start; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n') {
                if (i == input.length && from == i && i > start) {
                    break;
                }
                int end = i > from && input[i - 1] == '\r' ? i - 1 : i;
                byte[] line = Arrays.copyOfRange(input, from, end);
                from = i + 1;
                if (line.length > RequestStream.MAX_LINE_BYTES) {
                    lines.add(Optional.empty());
                    continue;
                }
                try {
                    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
                    // blank: JSON's white space only (a vertical tab or U+2028 makes a line a request)
                    if (!text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r')) {
                        lines.add(Optional.of(text));
                    }
                } catch (CharacterCodingException e) {
                    lines.add(Optional.empty());
                }
            }
        }
        return lines;
    }
}
