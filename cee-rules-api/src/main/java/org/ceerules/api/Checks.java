package org.ceerules.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The format checks of the request records, shared by their constructors and by {@link
 * RoutingRequest.Builder}, so that both report the same violations. Each check appends to a list
 * rather than throwing, so that one pass finds every invalid field.
 */
final class Checks {

    /** The earliest date a request may carry. */
    static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The first date a request may no longer carry. */
    static final LocalDate MAX_DATE_EXCLUSIVE = LocalDate.of(2200, 1, 1);
    /** ACE accepts at most 999 lines on an entry summary. */
    static final int MAX_LINES = EntrySummary.MAX_LINES;
    /** The longest account name accepted. */
    static final int MAX_NAME_LENGTH = 256;
    /** How many characters of a value an error message quotes, at most. */
    private static final int MAX_QUOTED = 40;
    /** How long the quoted value may grow with its escapes before it is cut. */
    private static final int MAX_QUOTED_ESCAPED = 80;
    /** Digits of a number shown in a message before it is shown in scientific notation. */
    private static final int MAX_SHOWN_DIGITS = 40;
    /** Entered values are at most this many digits before the decimal point. */
    static final int MAX_VALUE_INTEGER_DIGITS = 15;
    /**
     * Entered values have at most this many decimal places (a millionth of a dollar), zeros beyond
     * them aside: so that the scale of a value, and of any sum of values, stays small.
     */
    static final int MAX_VALUE_DECIMALS = 6;

    /*
     * The formats are fixed-width, so each is a list of shapes (see shaped): every field of every
     * request passes here, and reading a request got a third faster when these shapes replaced
     * regular expressions (README, Performance).
     */
    /** IRS number NN-NNNNNNNXX, the suffix a digit or a capital but I, O and Z; or CBP-assigned; or SSN. */
    private static final List<String> IMPORTER_NUMBER = List.of("dd-dddddddss", "dddddd-ddddd", "ddd-dd-dddd");
    /** Filer code, serial number and check digit, either dash optional. */
    private static final List<String> ENTRY_NUMBER = List.of("aaa-ddddddd-d", "aaaddddddd-d", "aaa-dddddddd",
            "aaadddddddd");
    /** Ten digits, either dot optional; the first is the canonical form. */
    private static final List<String> HTS = List.of("dddd.dd.dddd", "dddddddddd", "dddd.dddddd", "dddddd.dddd");
    /** A Commerce case number; the first character, A or C, is checked apart. */
    private static final String ADCVD_CASE = "?-ddd-ddd";

    private Checks() {
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    static boolean required(String field, Object value, List<Violation> out) {
        if (value == null) {
            out.add(new Violation(field, "is required"));
            return false;
        }
        return true;
    }

    static void importerNumber(String field, String value, List<Violation> out) {
        if (required(field, value, out) && !shapedAsAny(value, IMPORTER_NUMBER)) {
            out.add(new Violation(field, "must be an IRS number NN-NNNNNNNXX (suffix without O, I or Z), "
                    + "a CBP-assigned number YYDDPP-NNNNN or an SSN NNN-NN-NNNN, was " + quote(value)));
        }
    }

    static void name(String field, String value, List<Violation> out) {
        if (!required(field, value, out)) {
            return;
        }
        if (value.isBlank()) {
            out.add(new Violation(field, "must not be blank"));
        } else if (value.length() > MAX_NAME_LENGTH) {
            out.add(new Violation(field, "must be at most " + MAX_NAME_LENGTH + " characters, was "
                    + value.length()));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            out.add(new Violation(field, "must not contain control characters"));
        } else if (value.codePoints().noneMatch(Character::isLetterOrDigit)) {
            out.add(new Violation(field, "must contain a letter or digit, was " + quote(value)));
        }
    }

    /**
     * The entry number in its canonical form {@code FFF-NNNNNNN-C}, or empty after recording why
     * it is invalid.
     */
    static Optional<String> entryNumber(String field, String value, List<Violation> out) {
        if (!required(field, value, out)) {
            return Optional.empty();
        }
        if (!shapedAsAny(value, ENTRY_NUMBER)) {
            out.add(new Violation(field, "must be a filer code (3 letters or digits), 7 digits and a check digit, "
                    + "with or without dashes, was " + quote(value)));
            return Optional.empty();
        }
        String characters = value.replace("-", "").toUpperCase(Locale.ROOT);
        int expected = checkDigit(characters.substring(0, 10));
        int actual = characters.charAt(10) - '0';
        if (expected != actual) {
            out.add(new Violation(field, "check digit must be " + expected + ", was " + quote(value)));
            return Optional.empty();
        }
        String canonical = characters.substring(0, 3) + "-" + characters.substring(3, 10) + "-" + characters.charAt(10);
        return Optional.of(canonical.equals(value) ? value : canonical);
    }

    /**
     * The entry-number check digit of CATAIR (Entry Summary, appendix E table 1): letters of the
     * filer code map A-I to 1-9, J-R to 1-9, S-Z to 2-9; positions 2, 4, 6, 8 and 10 are doubled
     * and the digits of each product added; the check digit brings the sum to a multiple of ten.
     *
     * @param tenCharacters filer code and the 7-digit serial number, upper case
     */
    static int checkDigit(String tenCharacters) {
        int sum = 0;
        for (int i = 0; i < tenCharacters.length(); i++) {
            int value = characterValue(tenCharacters.charAt(i));
            if (i % 2 == 1) {
                int doubled = value * 2;
                sum += doubled / 10 + doubled % 10;
            } else {
                sum += value;
            }
        }
        return (10 - sum % 10) % 10;
    }

    private static int characterValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'I') {
            return c - 'A' + 1;
        }
        if (c >= 'J' && c <= 'R') {
            return c - 'J' + 1;
        }
        return c - 'S' + 2;
    }

    static void entryType(String field, String value, List<Violation> out) {
        if (required(field, value, out) && !shaped(value, "dd")) {
            out.add(new Violation(field, "must be 2 digits, was " + quote(value)));
        }
    }

    static void port(String field, String value, List<Violation> out) {
        if (required(field, value, out) && !shaped(value, "dddd")) {
            out.add(new Violation(field, "must be 4 digits, was " + quote(value)));
        }
    }

    /**
     * The HTS number in its dotted form {@code NNNN.NN.NNNN}, or empty after recording why it is
     * invalid.
     */
    static Optional<String> hts(String field, String value, List<Violation> out) {
        if (!required(field, value, out)) {
            return Optional.empty();
        }
        if (!shapedAsAny(value, HTS)) {
            out.add(new Violation(field, "must be 10 digits, dots optional (NNNN.NN.NNNN), was " + quote(value)));
            return Optional.empty();
        }
        String chapter = value.substring(0, 2);
        if (chapter.equals("00") || chapter.equals("77")) {
            out.add(new Violation(field, "chapter " + chapter + " does not exist in the HTS, was " + quote(value)));
            return Optional.empty();
        }
        if (shaped(value, HTS.get(0))) {
            return Optional.of(value);
        }
        String digits = value.replace(".", "");
        return Optional.of(digits.substring(0, 4) + "." + digits.substring(4, 6) + "." + digits.substring(6));
    }

    static void enteredValue(String field, BigDecimal value, List<Violation> out) {
        if (!required(field, value, out)) {
            return;
        }
        if (value.signum() < 0) {
            out.add(new Violation(field, "must not be negative, was " + shown(value)));
        } else if (value.signum() != 0 && (long) value.precision() - value.scale() > MAX_VALUE_INTEGER_DIGITS) {
            out.add(new Violation(field, "must be below 10^" + MAX_VALUE_INTEGER_DIGITS + " U.S. dollars"));
        } else if (value.scale() > MAX_VALUE_DECIMALS && !onlyZerosBeyondTheDecimals(value)) {
            out.add(new Violation(field, "must have at most " + MAX_VALUE_DECIMALS + " decimal places, was "
                    + shown(value)));
        }
    }

    /**
     * Whether the digits of {@code value} after the {@value #MAX_VALUE_DECIMALS}th decimal place
     * are all zeros, its scale being above it. Costs no more than the digits the value holds: a
     * value of few digits and a huge scale ({@code 1E-99999999}) is answered from the two counts,
     * never by writing out its places.
     */
    private static boolean onlyZerosBeyondTheDecimals(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        long beyond = (long) value.scale() - MAX_VALUE_DECIMALS;
        if (beyond >= value.precision()) {
            // a nonzero unscaled value of fewer digits than 10^beyond is no multiple of it
            return false;
        }
        return value.unscaledValue().mod(BigInteger.TEN.pow((int) beyond)).signum() == 0;
    }

    /**
     * The entered value as it is held, once {@link #enteredValue} accepted it: as given, or with
     * the zeros beyond the {@value #MAX_VALUE_DECIMALS}th decimal place dropped ({@code 125.50000000}
     * is held as {@code 125.500000}, {@code 0E-99999999} as {@code 0.000000}).
     */
    static BigDecimal heldValue(BigDecimal value) {
        if (value.scale() <= MAX_VALUE_DECIMALS) {
            return value;
        }
        if (value.signum() == 0) {
            return BigDecimal.valueOf(0, MAX_VALUE_DECIMALS);
        }
        return value.setScale(MAX_VALUE_DECIMALS, RoundingMode.UNNECESSARY);
    }

    /**
     * A decimal as a message shows it: plain ({@code -100000}) while that stays short, otherwise in
     * scientific notation ({@code -1E+2147483647}, whose plain form would have billions of digits),
     * its digits cut after 40.
     */
    private static String shown(BigDecimal value) {
        if (value.precision() <= MAX_SHOWN_DIGITS && Math.abs((long) value.scale()) <= MAX_SHOWN_DIGITS) {
            return value.toPlainString();
        }
        String scientific = value.toString();
        int exponent = scientific.indexOf('E');
        String digits = exponent < 0 ? scientific : scientific.substring(0, exponent);
        String rest = exponent < 0 ? "" : scientific.substring(exponent);
        return digits.length() > MAX_SHOWN_DIGITS ? digits.substring(0, MAX_SHOWN_DIGITS) + "..." + rest : scientific;
    }

    static void adcvdCase(String field, String value, List<Violation> out) {
        if (value != null && !((value.startsWith("A") || value.startsWith("C")) && shaped(value, ADCVD_CASE))) {
            out.add(new Violation(field, "must be a Commerce case number A-NNN-NNN or C-NNN-NNN, was "
                    + quote(value)));
        }
    }

    /**
     * Whether {@code value} has {@code shape}, character by character: {@code d} an ASCII digit,
     * {@code a} an ASCII letter or digit, {@code u} an ASCII digit or capital letter, {@code s} the
     * suffix of an IRS number (a digit or a capital letter but I, O and Z), {@code ?} any
     * character, any other character itself.
     */
    static boolean shaped(String value, String shape) {
        if (value.length() != shape.length()) {
            return false;
        }
        for (int i = 0; i < shape.length(); i++) {
            char c = value.charAt(i);
            boolean fits = switch (shape.charAt(i)) {
                case 'd' -> isDigit(c);
                case 'a' -> isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
                case 'u' -> isDigit(c) || (c >= 'A' && c <= 'Z');
                case 's' -> isDigit(c) || (c >= 'A' && c <= 'Z' && c != 'I' && c != 'O' && c != 'Z');
                case '?' -> true;
                default -> c == shape.charAt(i);
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static boolean shapedAsAny(String value, List<String> shapes) {
        for (String shape : shapes) {
            if (shaped(value, shape)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static void date(String field, LocalDate value, List<Violation> out) {
        if (required(field, value, out) && (value.isBefore(MIN_DATE) || !value.isBefore(MAX_DATE_EXCLUSIVE))) {
            out.add(new Violation(field, "must be on or after " + MIN_DATE + " and before " + MAX_DATE_EXCLUSIVE
                    + ", was " + value));
        }
    }

    static void lines(String field, List<?> lines, List<Violation> out) {
        if (!required(field, lines, out)) {
            return;
        }
        if (lines.isEmpty()) {
            out.add(new Violation(field, "must hold at least one line"));
        } else if (lines.size() > MAX_LINES) {
            out.add(new Violation(field, "must hold at most " + MAX_LINES + " lines, held " + lines.size()));
        } else {
            for (int i = 0; i < lines.size(); i++) {
                required(field + "[" + i + "]", lines.get(i), out);
            }
        }
    }

    /** Withdrawal needs participation, and takes effect after it began. */
    static void participation(String prefix, LocalDate start, LocalDate withdrawal, List<Violation> out) {
        if (withdrawal == null) {
            return;
        }
        if (start == null) {
            out.add(new Violation(prefix + "withdrawalEffective", "needs participationStart: only a participating "
                    + "account can withdraw"));
        } else if (!withdrawal.isAfter(start)) {
            out.add(new Violation(prefix + "withdrawalEffective", "must be after participationStart " + start
                    + ", was " + withdrawal));
        }
    }

    /** The work is routed on or after the date the entry was filed. */
    static void asOfNotBeforeEntry(String field, LocalDate asOf, LocalDate entryDate, List<Violation> out) {
        if (asOf != null && entryDate != null && asOf.isBefore(entryDate)) {
            out.add(new Violation(field, "must not be before entrySummary.entryDate " + entryDate + ", was " + asOf));
        }
    }

    static String quote(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            if (i == MAX_QUOTED || sb.length() > MAX_QUOTED_ESCAPED) {
                // a long value, or one of escapes (control characters are 6 each), is cut
                sb.append("...");
                break;
            }
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Splits one CSV line: comma-separated cells, double quotes around cells holding commas. */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
