package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ceerules.api.Violation;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestStreamTest {

    private static final String A = Requests.VALID;
    private static final String B = Requests.change(A, "entrySummary.entryNumber", "345-6789020-6");
    private static final String C = Requests.change(A, "entrySummary.entryNumber", "345-6789038-8");

    static List<ReadResult> readAll(String input) throws IOException {
        return readAll(utf8(input), Optional.empty());
    }

    static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<ReadResult> readAll(InputStream input, Optional<LocalDate> asOf) throws IOException {
        RequestStream stream = new RequestStream(input, asOf);
        List<ReadResult> results = new ArrayList<>();
        Optional<ReadResult> next;
        while ((next = stream.next()).isPresent()) {
            results.add(next.get());
        }
        return results;
    }

    /** "345-..." for a request, the violated fields for an invalid one. */
    static List<String> summary(List<ReadResult> results) {
        return results.stream().map(r -> r instanceof ReadResult.Request request
                ? request.request().entrySummary().entryNumber()
                : ((ReadResult.Invalid) r).violations().stream().map(Violation::field).toList().toString()).toList();
    }

    /** A line without its account or entry summary names the object, and the lines around it are read. */
    @Test
    void aLineWithoutAccountOrEntrySummaryNamesIt() throws IOException {
        String noAccount = Requests.without("account");
        String nullEntrySummary = Requests.change(Requests.with("entrySummary", "null"), "asOf", "x");
        assertThat(summary(readAll(A + "\n" + noAccount + "\n" + nullEntrySummary + "\n" + B + "\n")))
                .containsExactly("345-6789012-3", "[account]", "[asOf, entrySummary]", "345-6789020-6");
        List<ReadResult> results = readAll(noAccount + "\n");
        assertThat(((ReadResult.Invalid) results.get(0)).violations())
                .containsExactly(new Violation("account", "is required"));
    }

    @Test
    void jsonLinesYieldOneResultPerLineInOrder() throws IOException {
        assertThat(summary(readAll(A + "\n" + B + "\n" + C + "\n")))
                .containsExactly("345-6789012-3", "345-6789020-6", "345-6789038-8");
    }

    @Test
    void blankLinesAreSkippedAndTheLastNewlineIsOptional() throws IOException {
        assertThat(summary(readAll("\n  \n" + A + "\n\n\t\n" + B + "\n \n" + C)))
                .containsExactly("345-6789012-3", "345-6789020-6", "345-6789038-8");
    }

    /** Only JSON's white space makes a line blank: spaces, tabs and carriage returns, in any mix. */
    @Test
    void aLineOfSpacesTabsAndCarriageReturnsIsBlank() throws IOException {
        assertThat(summary(readAll(A + "\n \t\r \r\n\t\n" + B + "\n"))).containsExactly("345-6789012-3", "345-6789020-6");
    }

    /**
     * Characters that look blank but are not JSON's white space make a line a request, never a
     * blank line skipped: alone on a line, before or after a request, or as the first line, the
     * request is an error naming the character, and the lines around it are read.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a vertical tab,        000B, LINE TABULATION",
            "a form feed,           000C, FORM FEED (FF)",
            "a next line (NEL),     0085, NEXT LINE (NEL)",
            "a line separator,      2028, LINE SEPARATOR",
            "a paragraph separator, 2029, PARAGRAPH SEPARATOR",
            "a no-break space,      00A0, NO-BREAK SPACE",
            "a byte order mark,     FEFF, ZERO WIDTH NO-BREAK SPACE"})
    void aCharacterThatOnlyLooksBlankIsAnErrorNamingIt(String what, String hex, String name) throws IOException {
        String c = Character.toString(Integer.parseInt(hex, 16));
        String named = "is not valid JSON: U+" + hex + " (" + name + ") outside a string: JSON allows only space, tab, "
                + "line feed and carriage return there (line 1, column ";

        List<ReadResult> alone = readAll(A + "\n" + c + "\n" + B + "\n");
        assertThat(summary(alone)).containsExactly("345-6789012-3", "[$]", "345-6789020-6");
        assertThat(message(alone.get(1))).isEqualTo(named + "1)");

        List<ReadResult> around = readAll(A + "\n" + c + B + "\n" + B + c + "\n \t" + c + " \n" + C + "\n");
        assertThat(summary(around)).containsExactly("345-6789012-3", "[$]", "[$]", "[$]", "345-6789038-8");
        assertThat(message(around.get(1))).isEqualTo(named + "1)");
        assertThat(message(around.get(2))).isEqualTo(named + (B.length() + 1) + ")");
        assertThat(message(around.get(3))).isEqualTo(named + "3)");

        // the first line of the input (U+FEFF there is the byte order mark, dropped), and a line
        // after a pretty-printed request: not blank either
        assertThat(summary(readAll(c + "\n" + A + "\n"))).containsExactly(
                hex.equals("FEFF") ? new String[] {"345-6789012-3"} : new String[] {"[$]", "345-6789012-3"});
        assertThat(readAll(prettyPrint(A) + c + "\n")).last()
                .satisfies(last -> assertThat(message(last)).isEqualTo(named + "1)"));
    }

    private static String message(ReadResult result) {
        return ((ReadResult.Invalid) result).violations().get(0).message();
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() throws IOException {
        assertThat(summary(readAll("\uFEFF" + A + "\r\n" + B + "\r\n")))
                .containsExactly("345-6789012-3", "345-6789020-6");
    }

    @Test
    void anEmptyInputHasNoRequests() throws IOException {
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\n \n")).isEmpty();
    }

    @Test
    void aBadLineIsReportedInPlaceAndTheLinesAfterItAreRead() throws IOException {
        String badPort = Requests.change(B, "entrySummary.portOfEntry", "27A4");
        assertThat(summary(readAll(A + "\nnot json at all\n" + badPort + "\n{\"asOf\":\n" + C + "\n")))
                .containsExactly("345-6789012-3", "[$]", "[entrySummary.portOfEntry]", "[$]", "345-6789038-8");
    }

    @Test
    void aBrokenFirstLineDoesNotSwallowTheLinesAfterIt() throws IOException {
        assertThat(summary(readAll("{\"asOf\": \"2016-05-02\",\n" + B + "\n" + C + "\n")))
                .containsExactly("[$]", "345-6789020-6", "345-6789038-8");
        assertThat(summary(readAll("{\"lines\": [\n" + B + "\n" + C + "\n")))
                .containsExactly("[$]", "345-6789020-6", "345-6789038-8");
    }

    @Test
    void aPrettyPrintedRequestIsOneRequest() throws IOException {
        String pretty = prettyPrint(A);
        assertThat(pretty.lines().count()).isGreaterThan(10);

        assertThat(summary(readAll(pretty))).containsExactly("345-6789012-3");
        assertThat(summary(readAll("\n\n" + pretty + "\n\n  \n"))).containsExactly("345-6789012-3");
    }

    @Test
    void anInvalidPrettyPrintedRequestIsOneInvalidRequest() throws IOException {
        String pretty = prettyPrint(Requests.with("account.foo", "1"));
        assertThat(summary(readAll(pretty))).containsExactly("[account.foo]");
    }

    @Test
    void aTruncatedPrettyPrintedRequestIsReadAsJsonLinesOneErrorPerLine() throws IOException {
        String pretty = prettyPrint(A);
        String truncated = pretty.substring(0, pretty.indexOf("\"entrySummary\""));
        long lines = truncated.lines().filter(l -> !l.isBlank()).count();
        List<ReadResult> results = readAll(truncated);
        assertThat(results).hasSize((int) lines).allMatch(r -> r instanceof ReadResult.Invalid);
    }

    @Test
    void aValidRequestAfterAnUnfinishedFirstLineIsNotLost() throws IOException {
        assertThat(summary(readAll("{\"asOf\":\n" + A + "\n"))).containsExactly("[$]", "345-6789012-3");
        assertThat(summary(readAll("[\n" + A + "\n"))).containsExactly("[$]", "345-6789012-3");
        assertThat(summary(readAll("[\n" + A + "\n]\n"))).containsExactly("[$]", "345-6789012-3", "[$]");
    }

    @Test
    void morePrettyPrintedRequestsThanOneAreReadAsJsonLines() throws IOException {
        String pretty = prettyPrint(A);
        long lines = pretty.lines().filter(l -> !l.isBlank()).count();
        List<ReadResult> results = readAll(pretty + pretty);
        assertThat(results).hasSize((int) (2 * lines)).allMatch(r -> r instanceof ReadResult.Invalid);
        assertThat(summary(readAll(pretty + A + "\n"))).hasSize((int) lines + 1).last().isEqualTo("345-6789012-3");
    }

    @Test
    void aLineLongerThanTheBoundIsReportedAndSkipped() throws IOException {
        String longLine = "{\"x\":\"" + "y".repeat(JsonRequestReader.MAX_REQUEST_CHARS) + "\"}";
        List<ReadResult> results = readAll(A + "\n" + longLine + "\n" + B + "\n");
        assertThat(summary(results)).containsExactly("345-6789012-3", "[$]", "345-6789020-6");
        assertThat(((ReadResult.Invalid) results.get(1)).violations().get(0).message())
                .isEqualTo("line 2 is longer than 1048576 bytes: a request must be at most 1 MiB");
    }

    /** Regression: malformed UTF-8 inside a string became U+FFFD and the request was routed as if valid. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a byte that starts nothing,     FF,       1",
            "a lone continuation byte,       80,       1",
            "an overlong slash,              C0 AF,    1",
            "an overlong three-byte form,    E0 80 AF, 1",
            "a UTF-16 surrogate,             ED A0 80, 1",
            "a code point above U+10FFFF,    F4 90 80 80, 1",
            "a sequence cut short,           E2 82,    1",
            "a two-byte start before ASCII,  C3 28,    1"})
    void aLineThatIsNotUtf8IsAnErrorInPlace(String what, String hex, int offset) throws IOException {
        byte[] bad = bytes(hex);
        String before = A.substring(0, A.indexOf("Nokia") + 5);
        byte[] line = concat(before.getBytes(StandardCharsets.UTF_8), bad,
                A.substring(before.length()).getBytes(StandardCharsets.UTF_8));
        byte[] input = concat((A + "\n").getBytes(StandardCharsets.UTF_8), line, ("\n" + B + "\n").getBytes(StandardCharsets.UTF_8));

        List<ReadResult> results = readAll(new ByteArrayInputStream(input), Optional.empty());

        assertThat(summary(results)).containsExactly("345-6789012-3", "[$]", "345-6789020-6");
        int at = before.getBytes(StandardCharsets.UTF_8).length + offset;
        assertThat(((ReadResult.Invalid) results.get(1)).violations().get(0).message())
                .startsWith("line 2 is not valid UTF-8: byte " + at + " (0x" + hex.substring(0, 2) + ")");
    }

    @Test
    void aFirstLineThatIsNotUtf8IsJsonLinesToo() throws IOException {
        byte[] input = concat(new byte[] {'{', (byte) 0xFF, '\n'}, (A + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(summary(readAll(new ByteArrayInputStream(input), Optional.empty())))
                .containsExactly("[$]", "345-6789012-3");
    }

    /**
     * An input in UTF-16 or UTF-32 ({@code iconv -t UTF-16}), with or without a byte order mark,
     * gets one hint, in the error of its first line that is not blank; the lines after it get
     * their own errors, as any line that is not UTF-8 or not JSON does.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "UTF-16 with a mark (iconv -t UTF-16), UTF-16LE, true,  'UTF-16 (little-endian, with a byte order mark)', UTF-16LE",
            "UTF-16BE with a mark,                 UTF-16BE, true,  'UTF-16 (big-endian, with a byte order mark)',    UTF-16BE",
            "UTF-16LE,                             UTF-16LE, false, UTF-16 (little-endian),                           UTF-16LE",
            "UTF-16BE,                             UTF-16BE, false, UTF-16 (big-endian),                              UTF-16BE",
            "UTF-32LE with a mark,                 UTF-32LE, true,  'UTF-32 (little-endian, with a byte order mark)', UTF-32LE",
            "UTF-32BE,                             UTF-32BE, false, UTF-32 (big-endian),                              UTF-32BE"})
    void aWideInputGetsOneHintToConvertIt(String what, String charset, boolean mark, String looks, String iconv)
            throws IOException {
        String hint = "line 1 is not UTF-8: the input looks like " + looks + ": convert it to UTF-8, e.g. iconv -f "
                + iconv + " -t UTF-8";
        byte[] input = ((mark ? "\uFEFF" : "") + A + "\n" + B + "\n").getBytes(java.nio.charset.Charset.forName(charset));

        List<ReadResult> results = readAll(new ByteArrayInputStream(input), Optional.empty());

        assertThat(results).isNotEmpty().allMatch(r -> r instanceof ReadResult.Invalid);
        assertThat(message(results.get(0))).isEqualTo(hint);
        assertThat(results.subList(1, results.size())).noneMatch(r -> message(r).contains("looks like"));

        // the same one byte at a time, and after a blank first line
        InputStream dribbling = new java.io.FilterInputStream(new ByteArrayInputStream(input)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
        assertThat(message(readAll(dribbling, Optional.empty()).get(0))).isEqualTo(hint);
        byte[] blankFirst = ((mark ? "\uFEFF" : "") + "\n" + A + "\n").getBytes(java.nio.charset.Charset.forName(charset));
        assertThat(readAll(new ByteArrayInputStream(blankFirst), Optional.empty()))
                .filteredOn(r -> message(r).contains("looks like")).hasSize(1);
    }

    /** A message of a broker in UTF-16 gets the same hint. */
    @Test
    void aWideMessageGetsTheHintToo() {
        ReadResult read = MessageReader.read(A.getBytes(StandardCharsets.UTF_16), fault -> { });
        assertThat(message(read)).isEqualTo("is not UTF-8: the message looks like UTF-16 (big-endian, with a byte "
                + "order mark): convert it to UTF-8, e.g. iconv -f UTF-16BE -t UTF-8");
        assertThat(MessageReader.read(("\uFEFF" + A).getBytes(StandardCharsets.UTF_8), fault -> { }))
                .isInstanceOf(ReadResult.Request.class);
    }

    @Test
    void everyValidUtf8CharacterIsRead() throws IOException {
        String name = "Soci\u00e9t\u00e9 \u65e5\u672c \ud83d\ude00 \ufeff\uffff";
        String request = Requests.change(A, "account.name", name);
        List<ReadResult> results = readAll(request + "\n");
        assertThat(((ReadResult.Request) results.get(0)).request().account().name()).isEqualTo(name);
    }

    @Test
    void aByteOrderMarkArrivingOneByteAtATimeIsDropped() throws IOException {
        InputStream dribbling = new java.io.FilterInputStream(utf8("\uFEFF" + A + "\n")) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
        assertThat(summary(readAll(dribbling, Optional.empty()))).containsExactly("345-6789012-3");
    }

    @Test
    void theLineLimitIsInBytesWithoutTheLineEnd() throws IOException {
        // a JSON string of multi-byte characters: its bytes, not its characters, count
        String atLimit = "\"" + "\u00e9".repeat((RequestStream.MAX_LINE_BYTES - 2) / 2) + "\"";
        assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(RequestStream.MAX_LINE_BYTES);
        List<ReadResult> results = readAll(A + "\n" + atLimit + "\r\n" + atLimit + " \n" + B);
        assertThat(summary(results)).containsExactly("345-6789012-3", "[$]", "[$]", "345-6789020-6");
        assertThat(((ReadResult.Invalid) results.get(1)).violations().get(0).message())
                .isEqualTo("must be a JSON object, was a string");
        assertThat(((ReadResult.Invalid) results.get(2)).violations().get(0).message())
                .isEqualTo("line 3 is longer than 1048576 bytes: a request must be at most 1 MiB");
    }

    @Test
    void aFaultOfTheReaderCostsItsRequestOnly() throws IOException {
        RequestStream stream = new RequestStream(utf8(A + "\n" + B + "\n" + C + "\n"), Optional.empty(),
                (json, asOf) -> {
                    if (json.contains("345-6789020-6")) {
                        throw new NegativeArraySizeException("-2147483629");
                    }
                    return JsonRequestReader.read(json, asOf);
                });
        List<ReadResult> results = new ArrayList<>();
        Optional<ReadResult> next;
        while ((next = stream.next()).isPresent()) {
            results.add(next.get());
        }

        assertThat(summary(results)).containsExactly("345-6789012-3", "[$]", "345-6789038-8");
        assertThat(((ReadResult.Invalid) results.get(1)).violations().get(0).message()).isEqualTo("could not be "
                + "read: internal error of the JSON reader (NegativeArraySizeException: -2147483629); please report it");
        assertThat(stream.internalErrors()).isOne();
    }

    private static byte[] bytes(String hex) {
        String[] parts = hex.trim().split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void anOverlongFirstLineIsJsonLinesToo() throws IOException {
        String longLine = "{\"x\":[" + "1,".repeat(JsonRequestReader.MAX_REQUEST_CHARS / 2) + "1]}";
        assertThat(summary(readAll(longLine + "\n" + A + "\n"))).containsExactly("[$]", "345-6789012-3");
    }

    @Test
    void aPrettyPrintedValueLongerThanTheBoundIsReadAsJsonLines() throws IOException {
        StringBuilder huge = new StringBuilder("{\n\"x\": [\n");
        String element = "\"" + "z".repeat(1000) + "\",\n";
        while (huge.length() <= JsonRequestReader.MAX_REQUEST_CHARS) {
            huge.append(element);
        }
        huge.append("1]\n}\n");
        long lines = huge.toString().lines().count();
        assertThat(readAll(huge.toString())).hasSize((int) lines);
    }

    @Test
    void theAsOfOverrideAppliesToEveryRequest() throws IOException {
        List<ReadResult> results = readAll(utf8(A + "\n" + B + "\n"), Optional.of(LocalDate.of(2018, 3, 1)));
        assertThat(results).hasSize(2).allSatisfy(r ->
                assertThat(((ReadResult.Request) r).request().asOf()).isEqualTo(LocalDate.of(2018, 3, 1)));
    }

    @Test
    void theInputIsStreamedNotReadWhole() throws IOException {
        String input = (A + "\n").repeat(2_000);
        long[] consumed = {0};
        InputStream counting = new java.io.FilterInputStream(utf8(input)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                consumed[0] += Math.max(read, 0);
                return read;
            }
        };
        RequestStream stream = new RequestStream(counting, Optional.empty());

        assertThat(stream.next()).get().isInstanceOf(ReadResult.Request.class);
        assertThat(consumed[0]).isLessThan(input.length() / 10);
        int count = 1;
        while (stream.next().isPresent()) {
            count++;
        }
        assertThat(count).isEqualTo(2_000);
        assertThat(consumed[0]).isEqualTo(input.length());
    }

    /** The request pretty-printed, one field per line. */
    private static String prettyPrint(String json) {
        Object tree = JsonTree.parse(json);
        StringBuilder out = new StringBuilder();
        pretty(tree, "", out);
        return out.append('\n').toString();
    }

    private static void pretty(Object value, String indent, StringBuilder out) {
        if (value instanceof java.util.Map<?, ?> map) {
            out.append("{\n");
            int i = 0;
            for (var entry : map.entrySet()) {
                out.append(indent).append("  ").append(JsonTree.write(entry.getKey())).append(": ");
                pretty(entry.getValue(), indent + "  ", out);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append("}");
        } else if (value instanceof List<?> list) {
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                pretty(list.get(i), indent + "  ", out);
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append("]");
        } else {
            out.append(JsonTree.write(value));
        }
    }
}
