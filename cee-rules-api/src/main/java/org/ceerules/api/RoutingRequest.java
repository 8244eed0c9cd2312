package org.ceerules.api;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request to route the post-release work of one entry summary of one account, as of a date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf         the date on which the work is routed (a protest's filing date, the day a
 *                     CF-28 is answered...); not before the entry date
 * @param account      the importer
 * @param entrySummary the entry summary
 * @since 0.1
 */
public record RoutingRequest(LocalDate asOf, Account account, EntrySummary entrySummary) {

    /**
     * Validates every component.
     *
     * @param asOf         the date on which the work is routed; not before the entry date
     * @param account      the importer
     * @param entrySummary the entry summary
     * @throws InvalidRequestException naming every invalid component
     */
    public RoutingRequest {
        List<Violation> violations = new ArrayList<>();
        Checks.date("asOf", asOf, violations);
        Checks.required("account", account, violations);
        Checks.required("entrySummary", entrySummary, violations);
        if (entrySummary != null && violations.isEmpty()) {
            Checks.asOfNotBeforeEntry("asOf", asOf, entrySummary.entryDate(), violations);
        }
        Checks.throwIfAny(violations);
    }

    /**
     * This request routed on another date.
     *
     * @param date the date on which the work is routed
     * @return a request equal to this one but for {@code asOf}
     * @throws InvalidRequestException if the date is invalid or before the entry date
     */
    public RoutingRequest withAsOf(LocalDate date) {
        return new RoutingRequest(date, account, entrySummary);
    }

    /**
     * A builder taking the request's fields as text, as they arrive from JSON or a form, which
     * reports every invalid field with its full path in one {@link InvalidRequestException}.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link RoutingRequest} from text fields. Every setter rejects {@code null}: a field
     * that is absent is simply not set. {@link #build()} checks every field, names every invalid
     * one with its path ({@code entrySummary.lines[2].hts}) and only then builds the records.
     *
     * <p>An account of which no field is set, nor declared {@linkplain #accountGiven() given}, nor
     * named by a {@linkplain #invalid(String, String) reported problem}, is missing: it is named
     * itself, {@code account: is required}, not its required fields one by one; the same for the
     * entry summary. A reader of a format with objects declares an object that is present but
     * holds no field with {@link #accountGiven()} or {@link #entrySummaryGiven()}, so that its
     * missing fields are named.
     *
     * <p>Mutable and not thread-safe: use one builder per request, on one thread.
     *
     * @since 0.1
     */
    public static final class Builder {
        private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
        /** The fields of the JSON contract in its order; violations are reported in this order. */
        private static final List<String> FIELD_ORDER = List.of("$", "asOf", "account", "account.importerNumber",
                "account.name", "account.center", "account.participationStart", "account.withdrawalEffective",
                "entrySummary", "entrySummary.entryNumber", "entrySummary.entryType", "entrySummary.portOfEntry",
                "entrySummary.entryDate", "entrySummary.lines");
        private static final List<String> LINE_FIELD_ORDER = List.of("hts", "enteredValue", "adcvdCase");
        /** A line's path, then what follows it: nothing, {@code .hts}, an unknown {@code .foo} or {@code ["a b"]}. */
        private static final Pattern LINE_FIELD = Pattern.compile("entrySummary\\.lines\\[([0-9]+)\\](.*)", Pattern.DOTALL);
        private static final int MAX_NUMBER_LENGTH = 64;

        private final List<Violation> reported = new ArrayList<>();
        private String asOf;
        private String importerNumber;
        private String name;
        private String center;
        private String participationStart;
        private String withdrawalEffective;
        private String entryNumber;
        private String entryType;
        private String portOfEntry;
        private String entryDate;
        private final List<String[]> lines = new ArrayList<>();
        private boolean linesGiven;
        private boolean accountGiven;
        private boolean entrySummaryGiven;

        private Builder() {
        }

        /**
         * Sets the date on which the work is routed ({@code asOf}).
         *
         * @param value {@code yyyy-MM-dd}
         * @return this builder
         */
        public Builder asOf(String value) {
            asOf = Objects.requireNonNull(value, "asOf");
            return this;
        }

        /**
         * Sets the account's importer of record number ({@code account.importerNumber}).
         *
         * @param value the importer of record number
         * @return this builder
         */
        public Builder importerNumber(String value) {
            importerNumber = Objects.requireNonNull(value, "importerNumber");
            return this;
        }

        /**
         * Sets the account's name ({@code account.name}).
         *
         * @param value the account's name
         * @return this builder
         */
        public Builder accountName(String value) {
            name = Objects.requireNonNull(value, "name");
            return this;
        }

        /**
         * Sets the Center the account is assigned to ({@code account.center}).
         *
         * @param value the team code of the account's Center
         * @return this builder
         */
        public Builder center(String value) {
            center = Objects.requireNonNull(value, "center");
            return this;
        }

        /**
         * Sets the date a Center accepted the account into the test ({@code
         * account.participationStart}).
         *
         * @param value {@code yyyy-MM-dd}
         * @return this builder
         */
        public Builder participationStart(String value) {
            participationStart = Objects.requireNonNull(value, "participationStart");
            return this;
        }

        /**
         * Sets the date the account's withdrawal from the test took effect ({@code
         * account.withdrawalEffective}).
         *
         * @param value {@code yyyy-MM-dd}
         * @return this builder
         */
        public Builder withdrawalEffective(String value) {
            withdrawalEffective = Objects.requireNonNull(value, "withdrawalEffective");
            return this;
        }

        /**
         * Sets the entry number ({@code entrySummary.entryNumber}).
         *
         * @param value the entry number, with or without dashes
         * @return this builder
         */
        public Builder entryNumber(String value) {
            entryNumber = Objects.requireNonNull(value, "entryNumber");
            return this;
        }

        /**
         * Sets the entry type ({@code entrySummary.entryType}).
         *
         * @param value the two-digit entry type
         * @return this builder
         */
        public Builder entryType(String value) {
            entryType = Objects.requireNonNull(value, "entryType");
            return this;
        }

        /**
         * Sets the port of entry ({@code entrySummary.portOfEntry}).
         *
         * @param value the four-digit port code
         * @return this builder
         */
        public Builder portOfEntry(String value) {
            portOfEntry = Objects.requireNonNull(value, "portOfEntry");
            return this;
        }

        /**
         * Sets the date the entry was filed ({@code entrySummary.entryDate}).
         *
         * @param value {@code yyyy-MM-dd}
         * @return this builder
         */
        public Builder entryDate(String value) {
            entryDate = Objects.requireNonNull(value, "entryDate");
            return this;
        }

        /**
         * Adds a line without an AD/CVD case.
         *
         * @param hts          the HTS number
         * @param enteredValue a decimal number of U.S. dollars: at most 64 characters, not negative, below
         *                     10^15, at most 6 decimal places (zeros beyond them aside; {@link EntryLine})
         * @return this builder
         */
        public Builder line(String hts, String enteredValue) {
            return addLine(Objects.requireNonNull(hts, "hts"), Objects.requireNonNull(enteredValue, "enteredValue"),
                    null);
        }

        /**
         * Adds a line with an AD/CVD case.
         *
         * @param hts          the HTS number
         * @param enteredValue a decimal number of U.S. dollars: at most 64 characters, not negative, below
         *                     10^15, at most 6 decimal places (zeros beyond them aside; {@link EntryLine})
         * @param adcvdCase    the Commerce case number
         * @return this builder
         */
        public Builder line(String hts, String enteredValue, String adcvdCase) {
            return addLine(Objects.requireNonNull(hts, "hts"), Objects.requireNonNull(enteredValue, "enteredValue"),
                    Objects.requireNonNull(adcvdCase, "adcvdCase"));
        }

        /**
         * Adds a line whose fields may be missing (the builder reports them as required). Meant for
         * readers of external formats.
         *
         * @param hts          the HTS number, if given
         * @param enteredValue the entered value, if given
         * @param adcvdCase    the AD/CVD case number, if given
         * @return this builder
         */
        public Builder line(Optional<String> hts, Optional<String> enteredValue, Optional<String> adcvdCase) {
            return addLine(hts.orElse(null), enteredValue.orElse(null), adcvdCase.orElse(null));
        }

        /**
         * Declares that the entry summary has a list of lines, even if it is empty, so that an
         * empty list is reported as such rather than as missing.
         *
         * @return this builder
         */
        public Builder noLines() {
            linesGiven = true;
            return this;
        }

        /**
         * Declares that the request has an account, even if none of its fields is set (an empty
         * JSON object), so that its missing fields are named rather than the account as missing.
         *
         * @return this builder
         * @since 0.1
         */
        public Builder accountGiven() {
            accountGiven = true;
            return this;
        }

        /**
         * Declares that the request has an entry summary, even if none of its fields is set (an
         * empty JSON object), so that its missing fields are named rather than the entry summary
         * as missing.
         *
         * @return this builder
         * @since 0.1
         */
        public Builder entrySummaryGiven() {
            entrySummaryGiven = true;
            return this;
        }

        /**
         * Records a problem found by the caller before the field reached this builder (a JSON
         * number where text was expected, an unknown field...), to be reported with the others.
         *
         * @param field   the field's path from the request's root
         * @param message what is wrong
         * @return this builder
         */
        public Builder invalid(String field, String message) {
            reported.add(new Violation(field, message));
            return this;
        }

        private Builder addLine(String hts, String enteredValue, String adcvdCase) {
            linesGiven = true;
            lines.add(new String[] {hts, enteredValue, adcvdCase});
            return this;
        }

        /**
         * Checks every field and builds the request.
         *
         * @return the request
         * @throws InvalidRequestException naming every invalid field with its path, in the
         *                                 order of the JSON contract; a missing account or entry
         *                                 summary by its own name ({@code account: is required})
         */
        public RoutingRequest build() {
            if (reported.isEmpty()) {
                RoutingRequest valid = buildIfValid();
                if (valid != null) {
                    return valid;
                }
            }
            return buildChecked();
        }

        /**
         * The request when every field is valid, each field checked once, by the records'
         * constructors; null otherwise, for {@link #buildChecked()} to name every problem in
         * order. A valid request is the common case, and checking its fields here first would
         * only repeat the records' checks (measured: a fifth of the CLI's reading time). Both
         * paths run the same checks ({@code Account.check}, {@code EntrySummary.check}, {@code
         * EntryLine.check}, the dates); {@code PropertiesTest} holds them to the same answers.
         */
        private RoutingRequest buildIfValid() {
            List<Violation> unread = new ArrayList<>(0);
            LocalDate asOfDate = date("asOf", asOf, unread);
            LocalDate start = date("account.participationStart", participationStart, unread);
            LocalDate withdrawal = date("account.withdrawalEffective", withdrawalEffective, unread);
            LocalDate filed = date("entrySummary.entryDate", entryDate, unread);
            Optional<Center> centerValue = center == null ? Optional.empty() : Center.ofTeamCode(center);
            if (!unread.isEmpty() || (center != null && centerValue.isEmpty()) || !linesGiven) {
                return null;
            }
            List<EntryLine> built = new ArrayList<>(lines.size());
            try {
                for (String[] line : lines) {
                    BigDecimal value = decimal("enteredValue", line[1], unread);
                    if (value == null) {
                        return null;
                    }
                    built.add(new EntryLine(line[0], value, Optional.ofNullable(line[2])));
                }
                return new RoutingRequest(asOfDate,
                        new Account(importerNumber, name, centerValue, Optional.ofNullable(start),
                                Optional.ofNullable(withdrawal)),
                        new EntrySummary(entryNumber, entryType, portOfEntry, filed, built));
            } catch (InvalidRequestException | NullPointerException e) {
                // a field is missing or invalid: buildChecked names them all, with their paths
                return null;
            }
        }

        /** Checks every field, naming every invalid one with its path, then builds the request. */
        private RoutingRequest buildChecked() {
            List<Violation> out = new ArrayList<>(reported);
            LocalDate asOfDate = date("asOf", asOf, out);

            Optional<Center> centerValue = Optional.empty();
            if (center != null) {
                centerValue = Center.ofTeamCode(center);
                if (centerValue.isEmpty()) {
                    out.add(new Violation("account.center", "must be a Center's team code, 001 to 010, was "
                            + Checks.quote(center)));
                }
            }
            LocalDate start = date("account.participationStart", participationStart, out);
            LocalDate withdrawal = date("account.withdrawalEffective", withdrawalEffective, out);
            boolean datesRead = (participationStart == null || start != null)
                    && (withdrawalEffective == null || withdrawal != null);
            if (hasAccount()) {
                Account.check("account.", importerNumber, name, center != null, start, withdrawal, datesRead, out);
            } else {
                out.add(new Violation("account", "is required"));
            }

            LocalDate filed = date("entrySummary.entryDate", entryDate, out);
            List<EntryLine> built = checkEntrySummary(filed, out);
            Checks.date("asOf", asOfDate, out);
            Checks.asOfNotBeforeEntry("asOf", asOfDate, filed, out);
            Checks.throwIfAny(inContractOrder(firstPerField(out)));

            // reached only if the records refused what these checks accept (they run the same
            // checks, so a bug): building them again lets the records' own exception say why
            return new RoutingRequest(asOfDate,
                    new Account(importerNumber, name, centerValue, Optional.ofNullable(start),
                            Optional.ofNullable(withdrawal)),
                    new EntrySummary(entryNumber, entryType, portOfEntry, filed, built));
        }

        /**
         * Checks the entry summary's fields only and builds the entry summary: for a caller that
         * has an entry summary without a request (the account assignment advisor). The {@code
         * asOf} and account fields, and problems {@linkplain #invalid recorded} for them, are
         * ignored.
         *
         * @return the entry summary
         * @throws InvalidRequestException naming every invalid field of the entry summary with its
         *                                 path ({@code entrySummary.lines[2].hts}), in the order
         *                                 of the JSON contract; or {@code entrySummary} itself when
         *                                 it is missing
         * @since 0.1
         */
        public EntrySummary buildEntrySummary() {
            List<Violation> out = new ArrayList<>();
            for (Violation v : reported) {
                boolean requestOnly = v.field().equals("asOf") || v.field().equals("account")
                        || isUnder(v.field(), "account");
                if (!requestOnly) {
                    out.add(v);
                }
            }
            LocalDate filed = date("entrySummary.entryDate", entryDate, out);
            List<EntryLine> built = checkEntrySummary(filed, out);
            Checks.throwIfAny(inContractOrder(firstPerField(out)));
            return new EntrySummary(entryNumber, entryType, portOfEntry, filed, built);
        }

        /** Whether the request has an account: a field set, declared given, or a problem reported under it. */
        private boolean hasAccount() {
            return accountGiven || importerNumber != null || name != null || center != null
                    || participationStart != null || withdrawalEffective != null || reportedUnder("account");
        }

        /** Whether the request has an entry summary: a field set, declared given, or a problem reported under it. */
        private boolean hasEntrySummary() {
            return entrySummaryGiven || entryNumber != null || entryType != null || portOfEntry != null
                    || entryDate != null || linesGiven || reportedUnder("entrySummary");
        }

        /** Whether a problem was reported for a field of the object, plain ({@code account.foo}) or quoted ({@code account["a b"]}). */
        private boolean reportedUnder(String object) {
            for (Violation v : reported) {
                if (isUnder(v.field(), object)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isUnder(String field, String object) {
            return field.length() > object.length() && field.startsWith(object)
                    && (field.charAt(object.length()) == '.' || field.charAt(object.length()) == '[');
        }

        /**
         * Checks the entry summary's fields, or names it missing when it is ({@code entrySummary: is
         * required}); the lines that are valid, built.
         */
        private List<EntryLine> checkEntrySummary(LocalDate filed, List<Violation> out) {
            if (!hasEntrySummary()) {
                out.add(new Violation("entrySummary", "is required"));
                return List.of();
            }
            EntrySummary.check("entrySummary.", entryNumber, entryType, portOfEntry, filed,
                    linesGiven ? lines : null, out);
            List<EntryLine> built = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String[] line = lines.get(i);
                String prefix = "entrySummary.lines[" + i + "].";
                int before = out.size();
                BigDecimal value = decimal(prefix + "enteredValue", line[1], out);
                EntryLine.check(prefix, line[0], value, line[2], out);
                if (out.size() == before) {
                    built.add(new EntryLine(line[0], value, Optional.ofNullable(line[2])));
                }
            }
            return built;
        }

        /** A field that could not be read is also reported missing by the checks: keep the first word on it. */
        private static List<Violation> firstPerField(List<Violation> violations) {
            java.util.Map<String, Violation> first = new java.util.LinkedHashMap<>();
            for (Violation v : violations) {
                first.putIfAbsent(v.field(), v);
            }
            return List.copyOf(first.values());
        }

        /** Sorts violations by the position of their field in the JSON contract; a stable sort keeps ties in order. */
        private static List<Violation> inContractOrder(List<Violation> violations) {
            List<Violation> sorted = new ArrayList<>(violations);
            sorted.sort(java.util.Comparator.comparingLong(v -> rank(v.field())));
            return sorted;
        }

        /**
         * A field's place in the contract's order: its own for a field of the contract; for a field
         * the contract does not have, just after the last field of the object that holds it (an
         * unknown field of a line after that line's fields, before the next line).
         */
        private static long rank(String field) {
            var line = LINE_FIELD.matcher(field);
            if (line.matches()) {
                long index = Long.parseLong(line.group(1).length() > 9 ? "999999999" : line.group(1));
                String rest = line.group(2);
                int sub = rest.isEmpty() ? 0
                        : rest.startsWith(".") && LINE_FIELD_ORDER.contains(rest.substring(1))
                        ? LINE_FIELD_ORDER.indexOf(rest.substring(1)) + 1
                        : LINE_FIELD_ORDER.size() + 1;
                return FIELD_ORDER.indexOf("entrySummary.lines") * 1_000_000_000_000L + index * 10 + sub;
            }
            int known = FIELD_ORDER.indexOf(field);
            if (known >= 0) {
                return known * 1_000_000_000_000L;
            }
            // a field the contract does not have: after the known fields of its object
            String parent = parent(field);
            int last = -1;
            for (int i = 0; i < FIELD_ORDER.size(); i++) {
                if (FIELD_ORDER.get(i).startsWith(parent + ".") || parent.isEmpty()) {
                    last = i;
                }
            }
            return last * 1_000_000_000_000L + 999_999_999_999L;
        }

        /**
         * The path of the object that holds a field: the path before its last name, where a name
         * that needed quoting ({@code account["a.b"]}, {@code ["two words"]}) counts as one name,
         * whatever its quoted text holds; empty for a field of the request's root.
         */
        static String parent(String field) {
            int last = 0;
            boolean quoted = false;
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (quoted) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == '.' || c == '[') {
                    last = i;
                }
            }
            return field.substring(0, last);
        }

        /** Reads a date, or records why it cannot; whether it is required and in range is checked later. */
        private static LocalDate date(String field, String text, List<Violation> out) {
            if (text == null) {
                return null;
            }
            if (!Checks.shaped(text, "dddd-dd-dd")) {
                out.add(new Violation(field, "must be a date yyyy-MM-dd, was " + Checks.quote(text)));
                return null;
            }
            try {
                // accepts what DateTimeFormatter.ISO_LOCAL_DATE (strict) accepts in this shape, without its parser
                return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
            } catch (DateTimeException e) {
                out.add(new Violation(field, "is not a date of the calendar, was " + Checks.quote(text)));
                return null;
            }
        }

        /** The number the ASCII digits of {@code text} from {@code start} to {@code end} write. */
        private static int digits(String text, int start, int end) {
            int value = 0;
            for (int i = start; i < end; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return value;
        }

        /**
         * The common form of an entered value, ASCII digits with at most one decimal point and at
         * least one digit ({@code 1500}, {@code 1500.25}, {@code .5}), which {@code DECIMAL} also
         * accepts: checked without the regular expression, which signs and exponents still need.
         */
        private static boolean isPlainDecimal(String text) {
            boolean digit = false;
            boolean point = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digit = true;
                } else if (c == '.' && !point) {
                    point = true;
                } else {
                    return false;
                }
            }
            return digit;
        }

        private static BigDecimal decimal(String field, String text, List<Violation> out) {
            if (text == null) {
                return null;
            }
            if (text.length() > MAX_NUMBER_LENGTH) {
                out.add(new Violation(field, "must be a decimal number of at most " + MAX_NUMBER_LENGTH
                        + " characters, was " + text.length() + " characters"));
                return null;
            }
            try {
                if (!isPlainDecimal(text) && !DECIMAL.matcher(text).matches()) {
                    throw new NumberFormatException("not an ASCII decimal number");
                }
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                out.add(new Violation(field, "must be a decimal number, was " + Checks.quote(text)));
                return null;
            }
        }
    }
}
