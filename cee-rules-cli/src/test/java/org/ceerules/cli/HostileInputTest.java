package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile inputs the README lists (Guarantees, Limits), each on a line between two valid
 * requests of a batch given to {@code cee-rules route}: each yields its error object in place,
 * naming the field and saying why, the requests around it are routed, the exit status is 1, and
 * standard error stays empty. The shapes of a whole input (empty, no final newline, CRLF) have
 * tests of their own. The memory each one takes is bounded by the reader's limits;
 * {@code CliUnderFaultsIT} runs them through the jar with a small heap.
 */
class HostileInputTest {

    private static final String A = Requests.VALID;
    private static final String B = Requests.change(A, "entrySummary.entryNumber", "345-6789020-6");

    static Stream<Arguments> hostileLines() {
        String name = "\"Nokia Inc\"";
        return Stream.of(
                Arguments.of("invalid UTF-8", bytes(A.replace(name, "\"Nokia \u00FF Inc\""), StandardCharsets.ISO_8859_1),
                        "$", "line 2 is not valid UTF-8: byte 79 (0xFF) does not start or continue a character"),
                Arguments.of("a NUL byte in a string", utf8(A.replace(name, "\"Nokia\u0000Inc\"")), "$",
                        "is not valid JSON: Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped using "
                                + "backslash to be included in string value (line 1, column 78)"),
                Arguments.of("a NUL byte between tokens", utf8("\u0000" + A), "$",
                        "is not valid JSON: U+0000 (NULL) outside a string: JSON allows only space, tab, line feed "
                                + "and carriage return there (line 1, column 1)"),
                Arguments.of("a vertical tab on a line of its own", utf8("\u000B"), "$",
                        "is not valid JSON: U+000B (LINE TABULATION) outside a string: JSON allows only space, tab, "
                                + "line feed and carriage return there (line 1, column 1)"),
                Arguments.of("a line separator after a request", utf8(A + "\u2028"), "$",
                        "is not valid JSON: U+2028 (LINE SEPARATOR) outside a string: JSON allows only space, tab, "
                                + "line feed and carriage return there (line 1, column " + (A.length() + 1) + ")"),
                Arguments.of("an escaped NUL in the name", utf8(A.replace(name, "\"Nokia\\u0000Inc\"")), "account.name",
                        "must not contain control characters"),
                Arguments.of("a 10 MB line", utf8("{\"account\":{\"name\":\"" + "x".repeat(10 << 20) + "\"}}"), "$",
                        "line 2 is longer than 1048576 bytes: a request must be at most 1 MiB"),
                Arguments.of("10,000-deep nesting", utf8("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                        "$", "nests objects and arrays deeper than 32 levels"),
                Arguments.of("1e999999 as an entered value", utf8(Requests.with("entrySummary.lines[0].enteredValue",
                        "1e999999")), "entrySummary.lines[0].enteredValue", "must be below 10^15 U.S. dollars"),
                Arguments.of("-1e999999 as an entered value", utf8(A.replace("\"125000.00\"", "-1e999999")),
                        "entrySummary.lines[0].enteredValue", "must not be negative, was -1E+999999"),
                Arguments.of("1e999999 for a string", utf8(A.replace("\"01\"", "1e999999")), "entrySummary.entryType",
                        "must be a JSON string, was the number 1e999999"),
                Arguments.of("a duplicate key", utf8(A.replace("{\"asOf\":\"2016-05-02\"",
                        "{\"asOf\":\"2016-05-02\",\"asOf\":\"2016-05-03\"")), "asOf",
                        "is given twice: a field may appear only once in an object"),
                Arguments.of("an unknown field", utf8(A.replace("\"name\":", "\"nickname\":\"N\",\"name\":")),
                        "account.nickname", "unknown field; the fields here are importerNumber, name, center, "
                                + "participationStart, withdrawalEffective"),
                Arguments.of("2016-02-30", utf8(A.replace("2016-05-02", "2016-02-30")), "asOf",
                        "is not a date of the calendar, was \"2016-02-30\""),
                Arguments.of("year 0000", utf8(A.replace("2016-05-02", "0000-05-02")), "asOf",
                        "must be on or after 1900-01-01 and before 2200-01-01, was 0000-05-02"),
                Arguments.of("an entry with 1,000 lines", utf8(withLines(1_000)), "entrySummary.lines",
                        "must hold at most 999 lines, held 1000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLines")
    void yieldsItsErrorObjectInPlaceAndTheRequestsAfterItAreRouted(String what, byte[] hostile, String field,
                                                                     String message) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(utf8(A + "\n"));
        input.writeBytes(hostile);
        input.writeBytes(utf8("\n" + B + "\n"));

        CliRun run = CliRun.run(input.toByteArray(), "route", "-");

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).containsEntry("entryNumber", "345-6789012-3");
        assertThat(lines.get(1)).containsOnlyKeys("errors");
        assertThat(lines.get(1).get("errors")).asList().first()
                .isEqualTo(Map.of("field", field, "message", message));
        assertThat(lines.get(2)).containsEntry("entryNumber", "345-6789020-6");
    }

    /** What {@code iconv -t UTF-16} writes (little-endian, with a byte order mark): one hint, on the first line. */
    @Test
    void aUtf16InputGetsAHintToConvertItOnItsFirstLine() {
        CliRun run = CliRun.run(bytes("\uFEFF" + A + "\n" + B + "\n", StandardCharsets.UTF_16LE), "route");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.err()).isEmpty();
        List<Map<String, Object>> lines = run.lines();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).containsOnlyKeys("errors"));
        assertThat(lines.get(0).get("errors")).isEqualTo(List.of(Map.of("field", "$", "message",
                "line 1 is not UTF-8: the input looks like UTF-16 (little-endian, with a byte order mark): convert it "
                        + "to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8")));
        assertThat(run.out().split("looks like UTF-16", -1)).hasSize(2);
    }

    @Test
    void anEntryWith999LinesIsRouted() {
        CliRun run = CliRun.run(withLines(999) + "\n", "route");

        assertThat(run.status()).isEqualTo(ExitStatus.ROUTED);
        assertThat(run.lines()).singleElement().satisfies(l -> assertThat(l).containsEntry("center", "007"));
    }

    @Test
    void anEmptyInputIsNoRequestsNoOutputAndExitsZero() {
        for (String empty : List.of("", "\n", "\r\n", " \t\n\n")) {
            CliRun run = CliRun.run(empty, "route");
            assertThat(run.status()).isEqualTo(ExitStatus.ROUTED);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void aLastLineWithoutANewlineIsRouted() {
        CliRun run = CliRun.run(A + "\n" + B, "route");

        assertThat(run.status()).isEqualTo(ExitStatus.ROUTED);
        assertThat(run.lines()).extracting(l -> l.get("entryNumber")).containsExactly("345-6789012-3", "345-6789020-6");
    }

    @Test
    void crlfLineEndsAreLineEnds() {
        CliRun run = CliRun.run(A + "\r\n" + "not JSON\r\n" + B + "\r\n", "route");

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(2)).containsEntry("entryNumber", "345-6789020-6");
        // the output is JSON Lines with '\n' only, whatever the input's line ends
        assertThat(run.out()).doesNotContain("\r");
    }

    /** The valid request with {@code count} copies of its line. */
    private static String withLines(int count) {
        String line = "{\"hts\":\"8517.62.0090\",\"enteredValue\":\"125000.00\"}";
        return A.replaceFirst("\"lines\":\\[.*\\]", "\"lines\":[" + String.join(",", Collections.nCopies(count, line)) + "]");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text, java.nio.charset.Charset charset) {
        return text.getBytes(charset);
    }
}
