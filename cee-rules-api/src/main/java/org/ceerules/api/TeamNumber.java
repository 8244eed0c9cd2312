package org.ceerules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A CBP team number as printed on an entry summary (CBP Form 7501), and the Center it names.
 *
 * <p>The third character of the team number names the Center: {@code 1} to {@code 9} the
 * Centers of team codes {@code 001} to {@code 009}, confirmed by CBP at its 2017 trade
 * symposium (example: {@code 4}, Apparel, Footwear &amp; Textiles); {@code 0} Machinery, team
 * {@code 010}, our reading. A team whose third character is a letter is a port's team. The
 * reading is kept in the data file {@code org/ceerules/api/team-number-digits.csv}, each digit
 * with its status and source.
 *
 * <p>One team number is evidence, not proof: port teams have no consistent third character, so
 * CBP's advice is to look at the team numbers of an account's entry summaries together. An
 * account whose team numbers name the same Center again and again is assigned to it; one whose
 * team numbers differ is not yet assigned ({@link #commonCenter(List)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the team number, three letters or digits, letters in upper case
 * @since 0.3
 */
public record TeamNumber(String value) {

    private static final String DATA_FILE = "team-number-digits.csv";

    /**
     * Validates the team number and puts its letters in upper case.
     *
     * @throws InvalidRequestException naming the field {@code teamNumber} if it is not three
     *                                 letters or digits
     */
    public TeamNumber {
        if (value == null) {
            throw new InvalidRequestException(List.of(new Violation("teamNumber", "is required")));
        }
        if (!Checks.shaped(value, "aaa")) {
            throw new InvalidRequestException(List.of(new Violation("teamNumber",
                    "must be 3 letters or digits, was " + Checks.quote(value))));
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    /**
     * Parses a team number.
     *
     * @param text three letters or digits, such as {@code CE4}
     * @return the team number
     * @throws InvalidRequestException naming the field {@code teamNumber} if the text is not one
     */
    public static TeamNumber of(String text) {
        return new TeamNumber(text);
    }

    /**
     * @return the Center the third character names, or empty for a port's team
     */
    public Optional<Center> center() {
        return Optional.ofNullable(Digits.ROWS.get(value.charAt(2))).map(Digit::center);
    }

    /**
     * @return how sure the reading of the third character is: empty for a port's team
     */
    public Optional<Certainty> certainty() {
        return Optional.ofNullable(Digits.ROWS.get(value.charAt(2))).map(Digit::certainty);
    }

    /**
     * @return the source of the reading of the third character: empty for a port's team
     */
    public Optional<String> source() {
        return Optional.ofNullable(Digits.ROWS.get(value.charAt(2))).map(Digit::source);
    }

    /**
     * The Center an account's team numbers name together: CBP's advice that a third digit
     * consistently the same names the account's Center, and that one not consistently the same
     * means the account is not yet assigned and its entry summaries are reviewed by port teams.
     *
     * @param teamNumbers the team numbers of an account's entry summaries; not empty
     * @return the Center every one of them names, or empty when one is a port's team or two name
     *         different Centers
     * @throws IllegalArgumentException if the list is empty
     */
    public static Optional<Center> commonCenter(List<TeamNumber> teamNumbers) {
        if (teamNumbers.isEmpty()) {
            throw new IllegalArgumentException("no team numbers: a Center cannot be read from none");
        }
        Optional<Center> first = teamNumbers.get(0).center();
        for (TeamNumber teamNumber : teamNumbers) {
            if (teamNumber.center().isEmpty() || !teamNumber.center().equals(first)) {
                return Optional.empty();
            }
        }
        return first;
    }

    @Override
    public String toString() {
        return value;
    }

    private record Digit(Center center, Certainty certainty, String source) {
    }

    /** Reads the data file once, when a team number's Center is first asked for. */
    private static final class Digits {
        static final Map<Character, Digit> ROWS = load();

        private static Map<Character, Digit> load() {
            Map<Character, Digit> rows = new TreeMap<>();
            DataFile file = DataFile.read(DATA_FILE, List.of("digit", "team", "status", "source"));
            List<Center> named = new ArrayList<>();
            for (DataFile.Row row : file.rows()) {
                String digit = row.cell(0);
                Optional<Center> center = Center.ofTeamCode(row.cell(1));
                Optional<Certainty> certainty = Certainty.ofLabel(row.cell(2));
                if (!Checks.shaped(digit, "d")) {
                    file.problem(row.line(), "digit must be one of 0 to 9: " + row.text());
                } else if (center.isEmpty()) {
                    file.problem(row.line(), "unknown team " + row.cell(1) + ": " + row.text());
                } else if (certainty.isEmpty() || row.cell(3).isBlank()) {
                    file.problem(row.line(), "status (confirmed or inferred) and source are required: " + row.text());
                } else if (rows.containsKey(digit.charAt(0))) {
                    file.problem(row.line(), "second row for digit " + digit);
                } else if (named.contains(center.get())) {
                    file.problem(row.line(), "second digit for team " + row.cell(1));
                } else {
                    named.add(center.get());
                    rows.put(digit.charAt(0), new Digit(center.get(), certainty.get(), row.cell(3)));
                }
            }
            file.requireValid();
            return Map.copyOf(rows);
        }
    }
}
