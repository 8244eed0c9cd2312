package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ceerules.api.Fixtures.onlyViolation;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the formats (the entry number's check digit: catair-entry-summary; importer numbers:
 * cbp-form-5106) and of the two ways to build a request.
 */
class PropertiesTest {

    private static final String FILER_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String IRS_SUFFIX_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRSTUVWXY";
    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(2199, 12, 31).toEpochDay();

    /**
     * The check digit exactly as catair-entry-summary defines it, written apart from {@link Checks} so
     * that the two can be compared: letters A-I -> 1-9, J-R -> 1-9, S-Z -> 2-9; positions 2, 4, 6, 8, 10
     * doubled and the digits of each product added; check = (10 - sum mod 10) mod 10.
     */
    static int referenceCheckDigit(String tenCharacters) {
        int sum = 0;
        for (int position = 1; position <= 10; position++) {
            char c = tenCharacters.charAt(position - 1);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if ("ABCDEFGHI".indexOf(c) >= 0) {
                value = "ABCDEFGHI".indexOf(c) + 1;
            } else if ("JKLMNOPQR".indexOf(c) >= 0) {
                value = "JKLMNOPQR".indexOf(c) + 1;
            } else {
                value = "STUVWXYZ".indexOf(c) + 2;
            }
            if (position % 2 == 0) {
                int product = 2 * value;
                sum += product / 10 + product % 10;
            } else {
                sum += value;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static Gen<String> charactersOf(String alphabet, int length) {
        Gen<Integer> index = integers().between(0, alphabet.length() - 1);
        return in -> {
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(index.generate(in)));
            }
            return sb.toString();
        };
    }

    private static Gen<String> digits(int length) {
        return charactersOf("0123456789", length);
    }

    private static Gen<LocalDate> dateBetween(long firstDay, long lastDay) {
        return longs().between(firstDay, lastDay).map(LocalDate::ofEpochDay);
    }

    @Test
    void theReferenceCheckDigitGivesTheKnownVectors() {
        assertThat(referenceCheckDigit("ABC1234567")).isEqualTo(6);
        assertThat(referenceCheckDigit("9999999999")).isZero();
        assertThat(referenceCheckDigit("SP70000001")).isEqualTo(4);
        assertThat(referenceCheckDigit("3456789012")).isEqualTo(3);
    }

    @Test
    void theComputedCheckDigitAndNoOtherMakesTheEntryNumberValid() {
        List<EntryLine> lines = Fixtures.lines(1);
        qt().forAll(charactersOf(FILER_CHARACTERS, 3), digits(7)).checkAssert((filer, serial) -> {
            int check = referenceCheckDigit(filer + serial);
            assertThat(Checks.checkDigit(filer + serial)).isEqualTo(check);
            String canonical = filer + "-" + serial + "-" + check;
            for (String given : List.of(canonical, filer + serial + check, canonical.toLowerCase(Locale.ROOT),
                    (filer + serial + check).toLowerCase(Locale.ROOT))) {
                assertThat(new EntrySummary(given, "01", "2704", Fixtures.ENTRY_DATE, lines).entryNumber())
                        .isEqualTo(canonical);
            }
            for (int digit = 0; digit <= 9; digit++) {
                if (digit != check) {
                    String wrong = filer + "-" + serial + "-" + digit;
                    assertThat(onlyViolation(() -> new EntrySummary(wrong, "01", "2704", Fixtures.ENTRY_DATE, lines)))
                            .isEqualTo(new Violation("entryNumber",
                                    "check digit must be " + check + ", was \"" + wrong + "\""));
                }
            }
        });
    }

    /** One generated request, as text for the builder and as values for the records. */
    record Spec(LocalDate asOf, String importerNumber, String name, Optional<Center> center,
                Optional<LocalDate> participationStart, Optional<LocalDate> withdrawalEffective, String entryNumber,
                String entryType, String portOfEntry, LocalDate entryDate, List<LineSpec> lines) {

        RoutingRequest byRecords() {
            return new RoutingRequest(asOf,
                    new Account(importerNumber, name, center, participationStart, withdrawalEffective),
                    new EntrySummary(entryNumber, entryType, portOfEntry, entryDate,
                            lines.stream().map(l -> new EntryLine(l.hts, l.value, l.adcvdCase)).toList()));
        }

        RoutingRequest byBuilder() {
            RoutingRequest.Builder b = RoutingRequest.builder()
                    .asOf(asOf.toString())
                    .importerNumber(importerNumber)
                    .accountName(name)
                    .entryNumber(entryNumber)
                    .entryType(entryType)
                    .portOfEntry(portOfEntry)
                    .entryDate(entryDate.toString());
            center.ifPresent(c -> b.center(c.teamCode()));
            participationStart.ifPresent(d -> b.participationStart(d.toString()));
            withdrawalEffective.ifPresent(d -> b.withdrawalEffective(d.toString()));
            for (LineSpec line : lines) {
                if (line.adcvdCase.isPresent()) {
                    b.line(line.hts, line.valueText, line.adcvdCase.get());
                } else {
                    b.line(line.hts, line.valueText);
                }
            }
            return b.build();
        }
    }

    record LineSpec(String hts, BigDecimal value, String valueText, Optional<String> adcvdCase) {
    }

    private static Gen<String> importerNumbers() {
        Gen<String> irs = digits(2).zip(digits(7), charactersOf(IRS_SUFFIX_CHARACTERS, 2), (a, b, c) -> a + "-" + b + c);
        Gen<String> cbp = digits(6).zip(digits(5), (a, b) -> a + "-" + b);
        Gen<String> ssn = digits(3).zip(digits(2), digits(4), (a, b, c) -> a + "-" + b + "-" + c);
        return Generate.oneOf(irs, cbp, ssn);
    }

    private static Gen<String> entryNumbers() {
        Gen<Integer> style = integers().between(0, 3);
        return charactersOf(FILER_CHARACTERS, 3).zip(digits(7), style, (filer, serial, s) -> {
            String number = filer + (s % 2 == 0 ? "-" : "") + serial + (s % 2 == 0 ? "-" : "")
                    + referenceCheckDigit(filer + serial);
            return s >= 2 ? number.toLowerCase(Locale.ROOT) : number;
        });
    }

    private static Gen<String> htsNumbers() {
        Gen<Integer> chapter = integers().between(1, 99).assuming(c -> c != 77);
        return chapter.zip(digits(8), Generate.booleans(), (c, rest, dotted) -> {
            String ten = String.format(Locale.ROOT, "%02d", c) + rest;
            return dotted ? ten.substring(0, 4) + "." + ten.substring(4, 6) + "." + ten.substring(6) : ten;
        });
    }

    private static Gen<LineSpec> lineSpecs() {
        Gen<BigDecimal> values = longs().between(0, 999_999_999_999_999L)
                .zip(integers().between(0, 4), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale));
        Gen<Optional<String>> cases = Generate.pick(List.of("A", "C")).zip(digits(3), digits(3),
                (k, a, b) -> k + "-" + a + "-" + b).toOptionals(30);
        return htsNumbers().zip(values, Generate.booleans(), cases,
                (hts, value, plain, adcvd) -> new LineSpec(hts, value, plain ? value.toPlainString() : value.toString(),
                        adcvd));
    }

    private static Gen<Spec> specs() {
        Gen<LocalDate> entryDates = dateBetween(FIRST_DAY, LAST_DAY);
        Gen<Long> offsets = longs().between(0, 40_000);
        Gen<String> names = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(1, 60)
                .assuming(s -> s.codePoints().anyMatch(Character::isLetterOrDigit));
        Gen<Optional<Center>> centers = Generate.enumValues(Center.class).toOptionals(30);
        Gen<Boolean> booleans = Generate.booleans();
        Gen<Integer> lineCounts = integers().between(1, 6);
        Gen<LineSpec> lines = lineSpecs();
        Gen<String> importers = importerNumbers();
        Gen<String> entryNumbers = entryNumbers();
        Gen<String> twoDigits = digits(2);
        Gen<String> fourDigits = digits(4);
        return in -> {
            LocalDate entryDate = entryDates.generate(in);
            LocalDate asOf = LocalDate.ofEpochDay(Math.min(LAST_DAY, entryDate.toEpochDay() + offsets.generate(in)));
            Optional<Center> center = centers.generate(in);
            Optional<LocalDate> start = Optional.empty();
            Optional<LocalDate> withdrawal = Optional.empty();
            if (center.isPresent() && booleans.generate(in)) {
                start = Optional.of(dateBetween(FIRST_DAY, LAST_DAY - 1).generate(in));
                if (booleans.generate(in)) {
                    withdrawal = Optional.of(dateBetween(start.get().toEpochDay() + 1, LAST_DAY).generate(in));
                }
            }
            List<LineSpec> lineSpecs = new ArrayList<>();
            int count = lineCounts.generate(in);
            for (int i = 0; i < count; i++) {
                lineSpecs.add(lines.generate(in));
            }
            return new Spec(asOf, importers.generate(in), names.generate(in), center, start, withdrawal,
                    entryNumbers.generate(in), twoDigits.generate(in), fourDigits.generate(in), entryDate,
                    List.copyOf(lineSpecs));
        };
    }

    @Test
    void forValidRequestsTheBuilderAndTheRecordConstructorsAgree() {
        qt().withExamples(500).forAll(specs()).checkAssert(spec -> {
            RoutingRequest byRecords = spec.byRecords();
            RoutingRequest byBuilder = spec.byBuilder();
            assertThat(byBuilder).isEqualTo(byRecords);
            assertThat(byBuilder.entrySummary().entryNumber()).matches("[A-Z0-9]{3}-\\d{7}-\\d");
            assertThat(byBuilder.entrySummary().lines()).extracting(EntryLine::hts)
                    .allSatisfy(hts -> assertThat(hts).matches("\\d{4}\\.\\d{2}\\.\\d{4}"));
        });
    }

    /** The paths a violation of the builder may name: the contract's fields, a line, a line's field. */
    private static final java.util.regex.Pattern CONTRACT_PATH = java.util.regex.Pattern.compile(
            "asOf|account|account\\.(importerNumber|name|center|participationStart|withdrawalEffective)"
                    + "|entrySummary|entrySummary\\.(entryNumber|entryType|portOfEntry|entryDate|lines)"
                    + "|entrySummary\\.lines\\[[0-9]+\\]\\.(hts|enteredValue|adcvdCase)");

    /** Any text, or a valid value changed by one character, or nothing. */
    private static Gen<Optional<String>> anyText(Gen<String> valid) {
        Gen<Integer> kind = integers().between(0, 5);
        Gen<String> any = strings().allPossible().ofLengthBetween(0, 80);
        Gen<Integer> position = integers().between(0, 79);
        Gen<Character> character = integers().between(0, 0xFFFF).map(i -> (char) i.intValue());
        return in -> switch (kind.generate(in)) {
            case 0 -> Optional.empty();
            case 1, 2 -> Optional.of(any.generate(in));
            case 3 -> {
                StringBuilder changed = new StringBuilder(valid.generate(in));
                changed.setCharAt(position.generate(in) % changed.length(), character.generate(in));
                yield Optional.of(changed.toString());
            }
            default -> Optional.of(valid.generate(in));
        };
    }

    /**
     * Whatever text the builder gets, {@code build()} gives a request or throws {@link
     * InvalidRequestException} naming each bad field by its path in the contract; nothing else
     * escapes (no {@code NumberFormatException}, {@code DateTimeException}, {@code ArithmeticException}...).
     */
    @Test
    void theBuilderNamesTheProblemsOfAnyTextAndThrowsNothingElse() {
        Gen<String> dates = dateBetween(FIRST_DAY, LAST_DAY).map(LocalDate::toString);
        Gen<String> values = lineSpecs().map(LineSpec::valueText);
        Gen<String> numbers = longs().between(Long.MIN_VALUE, Long.MAX_VALUE).zip(integers().all(),
                (unscaled, exponent) -> unscaled + "e" + exponent);
        List<Gen<Optional<String>>> fields = List.of(anyText(dates), anyText(importerNumbers()),
                anyText(strings().basicLatinAlphabet().ofLengthBetween(1, 20)),
                anyText(Generate.enumValues(Center.class).map(Center::teamCode)), anyText(dates), anyText(dates),
                anyText(entryNumbers()), anyText(digits(2)), anyText(digits(4)), anyText(dates));
        Gen<List<Optional<String>>> line = anyText(htsNumbers()).zip(anyText(Generate.oneOf(values, numbers)),
                anyText(Generate.pick(List.of("A-570-000", "C-123-456"))), List::of);
        Gen<Integer> lineCounts = integers().between(0, 5);
        qt().withExamples(3_000).forAll(in -> {
            List<Optional<String>> texts = new ArrayList<>();
            fields.forEach(f -> texts.add(f.generate(in)));
            int count = lineCounts.generate(in);
            for (int i = 0; i < count; i++) {
                texts.addAll(line.generate(in));
            }
            return texts;
        }).checkAssert(texts -> {
            RoutingRequest.Builder b = RoutingRequest.builder();
            texts.get(0).ifPresent(b::asOf);
            texts.get(1).ifPresent(b::importerNumber);
            texts.get(2).ifPresent(b::accountName);
            texts.get(3).ifPresent(b::center);
            texts.get(4).ifPresent(b::participationStart);
            texts.get(5).ifPresent(b::withdrawalEffective);
            texts.get(6).ifPresent(b::entryNumber);
            texts.get(7).ifPresent(b::entryType);
            texts.get(8).ifPresent(b::portOfEntry);
            texts.get(9).ifPresent(b::entryDate);
            for (int i = 10; i + 2 < texts.size(); i += 3) {
                b.line(texts.get(i), texts.get(i + 1), texts.get(i + 2));
            }
            try {
                RoutingRequest request = b.build();
                assertThat(request.entrySummary().lines()).hasSize((texts.size() - 10) / 3);
            } catch (InvalidRequestException e) {
                assertThat(e.violations()).isNotEmpty().allSatisfy(v -> {
                    assertThat(v.field()).matches(CONTRACT_PATH);
                    assertThat(v.message()).isNotBlank().hasSizeLessThan(300);
                });
                assertThat(e.violations()).extracting(Violation::field).doesNotHaveDuplicates();
            }
        });
    }
}
