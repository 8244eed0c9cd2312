package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The format checks read fixed-width shapes in place of regular expressions (they run on every
 * field of every request). Each check here is held to the regular expression it replaced, over
 * texts that are mostly near misses: a shape of the format, or one a character longer or
 * shorter, each character fitting its place or, now and then, any of a set of troublesome ones
 * (other ASCII letters and signs, non-ASCII digits and letters, space).
 */
class ShapesTest {

    private static final int EXAMPLES = 20_000;
    private static final String DIGITS = "0123456789";
    private static final String LETTERS = "ABCHIJNOPYZabcioyz";
    private static final String NOISE = "-.+eE/ :AaCcIiOoZz\u00e9\u0663\uff11\u00df";

    @Test
    void importerNumbers() {
        Pattern irs = Pattern.compile("\\d{2}-\\d{7}[0-9A-HJ-NP-Y]{2}");
        Pattern cbp = Pattern.compile("\\d{6}-\\d{5}");
        Pattern ssn = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
        agree(List.of("dd-dddddddss", "dddddd-ddddd", "ddd-dd-dddd"),
                text -> irs.matcher(text).matches() || cbp.matcher(text).matches() || ssn.matcher(text).matches(),
                (text, out) -> Checks.importerNumber("f", text, out));
    }

    @Test
    void entryTypesAndPorts() {
        agree(List.of("dd"), text -> text.matches("\\d{2}"), (text, out) -> Checks.entryType("f", text, out));
        agree(List.of("dddd"), text -> text.matches("\\d{4}"), (text, out) -> Checks.port("f", text, out));
    }

    @Test
    void adcvdCases() {
        Pattern adcvd = Pattern.compile("[AC]-\\d{3}-\\d{3}");
        agree(List.of("a-ddd-ddd"), text -> adcvd.matcher(text).matches(),
                (text, out) -> Checks.adcvdCase("f", text, out));
    }

    /** The entry number: the same texts accepted, and the same canonical form or check-digit message. */
    @Test
    void entryNumbers() {
        canonicalAgrees(List.of("aaa-ddddddd-d", "aaaddddddd-d", "aaa-dddddddd", "aaadddddddd"),
                Pattern.compile("([A-Za-z0-9]{3})-?([0-9]{7})-?([0-9])"), "must be a filer code",
                (text, out) -> Checks.entryNumber("f", text, out), m -> {
                    String filer = m.group(1).toUpperCase(Locale.ROOT);
                    int expected = Checks.checkDigit(filer + m.group(2));
                    return expected == m.group(3).charAt(0) - '0'
                            ? Outcome.read(filer + "-" + m.group(2) + "-" + m.group(3))
                            : Outcome.refused("check digit must be " + expected);
                });
    }

    /** The HTS number: the same texts accepted, and the same dotted form or chapter message. */
    @Test
    void htsNumbers() {
        canonicalAgrees(List.of("dddd.dd.dddd", "dddddddddd", "dddd.dddddd", "dddddd.dddd"),
                Pattern.compile("(\\d{4})\\.?(\\d{2})\\.?(\\d{4})"), "must be 10 digits",
                (text, out) -> Checks.hts("f", text, out), m -> {
                    String chapter = m.group(1).substring(0, 2);
                    return chapter.equals("00") || chapter.equals("77")
                            ? Outcome.refused("chapter " + chapter)
                            : Outcome.read(m.group(1) + "." + m.group(2) + "." + m.group(3));
                });
    }

    /** What the replaced code gave for a text: its canonical form, or the start of its one message. */
    private record Outcome(Optional<String> canonical, String messageStart) {
        static Outcome read(String canonical) {
            return new Outcome(Optional.of(canonical), "");
        }

        static Outcome refused(String messageStart) {
            return new Outcome(Optional.empty(), messageStart);
        }
    }

    /**
     * A check that returns a canonical form agrees with the regular expression it replaced: a text
     * the expression refuses gets {@code formatMessage}; one it matches gets what {@code oracle}
     * makes of the match.
     */
    private static void canonicalAgrees(List<String> shapes, Pattern regex, String formatMessage,
                                        BiFunction<String, List<Violation>, Optional<String>> check,
                                        Function<Matcher, Outcome> oracle) {
        qt().withExamples(EXAMPLES).forAll(nearMisses(shapes)).checkAssert(text -> {
            List<Violation> out = new ArrayList<>();
            Optional<String> read = check.apply(text, out);
            Matcher m = regex.matcher(text);
            Outcome expected = m.matches() ? oracle.apply(m) : Outcome.refused(formatMessage);
            assertThat(read).as(text).isEqualTo(expected.canonical());
            if (expected.canonical().isPresent()) {
                assertThat(out).as(text).isEmpty();
            } else {
                assertThat(out).as(text).singleElement().extracting(Violation::message).asString()
                        .startsWith(expected.messageStart());
            }
        });
    }

    /** Entered values: the plain form skips the regular expression, and reads the same number. */
    @Test
    void enteredValues() {
        Pattern decimal = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
        qt().withExamples(EXAMPLES).forAll(nearMisses(List.of("d", "dddd", "dddd.dd", ".dd", "dd.", "ddddddddddddd.d",
                "-ddd.dd", "dde+d"))).checkAssert(text -> {
                    RoutingRequest.Builder builder = RoutingRequest.builder();
                    builder.line(Optional.of("8517.62.0090"), Optional.of(text), Optional.empty());
                    Optional<BigDecimal> expected = decimal.matcher(text).matches() ? number(text) : Optional.empty();
                    Optional<Violation> problem = enteredValueProblem(builder);
                    if (expected.isEmpty()) {
                        assertThat(problem).as(text).get().extracting(Violation::message).asString()
                                .startsWith("must be a decimal number");
                    } else {
                        assertThat(problem.map(Violation::message).orElse("")).as(text)
                                .doesNotStartWith("must be a decimal number,");
                    }
                });
    }

    /** The number, or empty where BigDecimal refuses it (an exponent beyond an int). */
    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The violation of {@code entrySummary.lines[0].enteredValue}, if any. */
    private static Optional<Violation> enteredValueProblem(RoutingRequest.Builder builder) {
        try {
            builder.build();
            return Optional.empty();
        } catch (InvalidRequestException e) {
            return e.violations().stream().filter(v -> v.field().equals("entrySummary.lines[0].enteredValue"))
                    .findFirst();
        }
    }

    /** A check reports a problem for exactly the texts the regular expression refuses. */
    private static void agree(List<String> shapes, Predicate<String> regex, BiConsumer<String, List<Violation>> check) {
        qt().withExamples(EXAMPLES).forAll(nearMisses(shapes)).checkAssert(text -> {
            List<Violation> out = new ArrayList<>();
            check.accept(text, out);
            assertThat(out.isEmpty()).as(text).isEqualTo(regex.test(text));
        });
    }

    /**
     * Texts near the shapes ({@code d} a digit, {@code a} a letter or digit, {@code s} a digit or
     * capital, anything else itself): one of them, maybe a character shorter or longer, each
     * character one that fits its place nine times in ten and a troublesome one otherwise.
     */
    private static Gen<String> nearMisses(List<String> shapes) {
        Gen<Integer> shapeIndex = integers().between(0, shapes.size() - 1);
        Gen<Integer> tenth = integers().between(0, 9);
        Gen<Integer> anyIndex = integers().between(0, 1_000);
        return in -> {
            String shape = shapes.get(shapeIndex.generate(in));
            int lengthChange = tenth.generate(in);
            if (lengthChange == 0 && !shape.isEmpty()) {
                shape = shape.substring(0, shape.length() - 1);
            } else if (lengthChange == 1) {
                shape = shape + shape.charAt(shape.length() - 1);
            }
            StringBuilder text = new StringBuilder();
            for (char place : shape.toCharArray()) {
                String fitting = switch (place) {
                    case 'd' -> DIGITS;
                    case 'a' -> DIGITS + LETTERS;
                    case 's' -> DIGITS + "ABCHIJNOPYZ";
                    default -> String.valueOf(place);
                };
                String from = tenth.generate(in) == 0 ? NOISE + DIGITS + LETTERS : fitting;
                text.append(from.charAt(anyIndex.generate(in) % from.length()));
            }
            return text.toString();
        };
    }
}
