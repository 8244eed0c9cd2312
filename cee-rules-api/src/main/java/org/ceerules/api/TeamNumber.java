package org.ceerules.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A CBP team number as printed on an entry summary (CBP Form 7501), and the Center it names.
 *
 * <p>The third character of the team number names the Center: {@code 1} to {@code 9} the
 * Centers of team codes {@code 001} to {@code 009}, as a trade-press report of CBP's 2017 trade
 * symposium says ({@linkplain Certainty#SECONDARY secondary}, source {@value #SOURCE}; its example:
 * {@code 4}, Apparel, Footwear &amp; Textiles); {@code 0}
 * Machinery, team {@code 010}, our reading, since no source names it. A team whose third character
 * is a letter is a port's team. The reading is kept in the data file {@code
 * org/ceerules/api/team-number-digits.csv}, each digit with its status and source.
 *
 * <p>The reading is dated. It was observed on team numbers from 2015 to 2017; CBP updated the
 * Centers' team codes in ACE on 2020-06-18 ({@link #TEAM_CODES_UPDATED}, source {@value
 * #UPDATE_SOURCE}, whose content is not known). {@link #reading(LocalDate)} reads a number with
 * the date of the entry summary it is printed on: from 2015 and before 2020-06-18 with the status
 * of its digit's row, otherwise as {@linkplain Certainty#INFERRED inferred}; {@link #reading()}
 * reads an undated number, for which the reading holds if it is from 2015-2017.
 *
 * <p>One team number is evidence, not an assignment: port teams have no consistent third
 * character, so CBP's advice is that the same Center on the team numbers of several of an
 * account's entry summaries is the account's most likely Center, and that numbers not
 * consistently the same mean the account is not yet assigned. {@link #together(List, List)} says
 * what several numbers, and the account's {@link CenterId} if known, say of its Center.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the team number, three letters or digits, letters in upper case
 * @since 0.1
 */
public record TeamNumber(String value) {

    /**
     * The bibliography id of the source of the reading of the third character.
     *
     * @since 0.1
     */
    public static final String SOURCE = "customsnow-2017-06-07";

    /**
     * The bibliography id of CBP's update of the Centers' team codes in ACE.
     *
     * @since 0.1
     */
    public static final String UPDATE_SOURCE = "csms-43089259";

    /**
     * The first day of the years the reading was observed in.
     *
     * @since 0.1
     */
    public static final LocalDate OBSERVED_FROM = LocalDate.of(2015, 1, 1);

    /**
     * The first day after the years the reading was observed in (2015-2017: {@code [OBSERVED_FROM,
     * OBSERVED_UNTIL)}).
     *
     * @since 0.1
     */
    public static final LocalDate OBSERVED_UNTIL = LocalDate.of(2018, 1, 1);

    /**
     * The day CBP updated the Centers' team codes in ACE: a number dated on or after it is read
     * as inferred, since the update's content, and its hour, are not known.
     *
     * @since 0.1
     */
    public static final LocalDate TEAM_CODES_UPDATED = LocalDate.of(2020, 6, 18);

    /**
     * How many team numbers CBP's advice needs, at least, to name an account's most likely Center.
     *
     * @since 0.1
     */
    public static final int SEVERAL = 2;

    private static final String DATA_FILE = "team-number-digits.csv";

    /**
     * Validates the team number and puts its letters in upper case.
     *
     * @param value the team number, three letters or digits
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
        return digit().map(Digit::center);
    }

    /**
     * @return how sure the reading of the third character is, undated (as {@link #reading()}):
     *         empty for a port's team
     */
    public Optional<Certainty> certainty() {
        return digit().map(Digit::certainty);
    }

    /**
     * @return the bibliography id of the source of the reading of the third character, {@value
     *         #SOURCE}: empty for a port's team
     */
    public Optional<String> source() {
        return digit().map(Digit::source);
    }

    /**
     * @return the reading of this number without a date: it holds for team numbers from 2015-2017
     * @since 0.1
     */
    public Reading reading() {
        return new Reading(this, Optional.empty());
    }

    /**
     * @param printedOn the date of the entry summary the number is printed on
     * @return the reading of this number on that date
     * @throws InvalidRequestException naming the field {@code printedOn} if the date is before
     *                                 1900 or from 2200
     * @since 0.1
     */
    public Reading reading(LocalDate printedOn) {
        return new Reading(this, Optional.of(printedOn));
    }

    /**
     * Whether the team numbers all name the same Center. This is not an assignment: one number
     * names its Center too; {@link #together(List, List)} says what the numbers say of the account.
     *
     * @param teamNumbers team numbers; not empty
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

    /**
     * What the team numbers of an account's entry summaries, and its Center ID in ACE if known,
     * say together of the account's Center (see {@link Together}).
     *
     * @param readings  the readings of the team numbers, dated or not, one per entry summary; may
     *                  be empty if a Center ID is given
     * @param centerIds the account's Center IDs; usually none or one
     * @return what they say together
     * @throws IllegalArgumentException if both lists are empty
     * @throws NullPointerException     if a list or an element is null
     * @since 0.1
     */
    public static Together together(List<Reading> readings, List<CenterId> centerIds) {
        return new Together(readings, centerIds);
    }

    @Override
    public String toString() {
        return value;
    }

    private Optional<Digit> digit() {
        return Optional.ofNullable(Digits.ROWS.get(value.charAt(2)));
    }

    /**
     * The reading of a team number, undated or dated with the entry summary it is printed on:
     * which Center it names, how sure that is on that date, on which sources, in plain words.
     *
     * <p>Immutable and thread-safe. No component is null.
     *
     * @param teamNumber the team number
     * @param printedOn  the date of the entry summary the number is printed on, if known
     * @since 0.1
     */
    public record Reading(TeamNumber teamNumber, Optional<LocalDate> printedOn) {

        /**
         * Validates the date the number is printed on.
         *
         * @param teamNumber the team number
         * @param printedOn  the date of the entry summary the number is printed on, if known
         * @throws NullPointerException    if a component is null
         * @throws InvalidRequestException naming the field {@code printedOn} if the date is
         *                                 before 1900 or from 2200
         */
        public Reading {
            Objects.requireNonNull(teamNumber, "teamNumber");
            Objects.requireNonNull(printedOn, "printedOn");
            if (printedOn.isPresent()) {
                List<Violation> violations = new ArrayList<>(1);
                Checks.date("printedOn", printedOn.get(), violations);
                Checks.throwIfAny(violations);
            }
        }

        /**
         * @return the Center the third character names, or empty for a port's team
         */
        public Optional<Center> center() {
            return teamNumber.center();
        }

        /**
         * @return how sure the reading is: the status of the digit's row (inferred for a port's
         *         team) when undated or dated from 2015 and before 2020-06-18, inferred when dated
         *         before 2015 or on or after 2020-06-18
         */
        public Certainty certainty() {
            Certainty undated = teamNumber.certainty().orElse(Certainty.INFERRED);
            return period() == Period.BEFORE_OBSERVED || period() == Period.AFTER_UPDATE ? Certainty.INFERRED
                    : undated;
        }

        /**
         * @return the bibliography ids of the sources of the reading: {@value TeamNumber#SOURCE},
         *         and {@value TeamNumber#UPDATE_SOURCE} when dated on or after 2020-06-18
         */
        public List<String> sources() {
            return period() == Period.AFTER_UPDATE ? List.of(SOURCE, UPDATE_SOURCE) : List.of(SOURCE);
        }

        /**
         * @return the reading in plain words: what the third character names, the source's own
         *         words where the data file has them, and for which dates the reading holds
         */
        public String note() {
            char third = teamNumber.value().charAt(2);
            StringBuilder note = new StringBuilder("the third character ").append(third);
            Optional<Digit> digit = teamNumber.digit();
            if (digit.isPresent()) {
                Center center = digit.get().center();
                note.append(" names team ").append(center.teamCode()).append(", ").append(center.industry());
                if (!digit.get().note().isEmpty()) {
                    note.append(" (").append(digit.get().note()).append(')');
                }
            } else {
                note.append(" names no Center: a port's team (our reading: only a digit names a Center)");
            }
            String observed = OBSERVED_FROM.getYear() + "-" + (OBSERVED_UNTIL.getYear() - 1);
            note.append(switch (period()) {
                case UNDATED -> "; undated, the reading holds for team numbers from " + observed;
                case BEFORE_OBSERVED -> "; dated " + printedOn.get() + ", before " + OBSERVED_FROM.getYear()
                        + ": the reading was observed on team numbers from " + observed + " only";
                case OBSERVED -> "; dated " + printedOn.get() + ", of the years the reading was observed in ("
                        + observed + ")";
                case BETWEEN -> "; dated " + printedOn.get() + ": the reading was observed on team numbers from "
                        + observed + ", and no change of the team codes is known before " + TEAM_CODES_UPDATED;
                case AFTER_UPDATE -> "; dated " + printedOn.get() + ", on or after " + TEAM_CODES_UPDATED
                        + " when CBP updated the Centers' team codes in ACE (the new codes are not known): the "
                        + "reading of team numbers from " + observed + " may no longer hold";
            });
            return note.toString();
        }

        private Period period() {
            if (printedOn.isEmpty()) {
                return Period.UNDATED;
            }
            LocalDate date = printedOn.get();
            if (date.isBefore(OBSERVED_FROM)) {
                return Period.BEFORE_OBSERVED;
            }
            if (date.isBefore(OBSERVED_UNTIL)) {
                return Period.OBSERVED;
            }
            return date.isBefore(TEAM_CODES_UPDATED) ? Period.BETWEEN : Period.AFTER_UPDATE;
        }

        /** Where a date falls against the years the reading was observed in and CBP's update. */
        private enum Period {
            UNDATED, BEFORE_OBSERVED, OBSERVED, BETWEEN, AFTER_UPDATE
        }
    }

    /**
     * What an account's team numbers, and its Center ID in ACE if known, say together of the
     * account's Center.
     *
     * <ul>
     *   <li>A Center ID decides: ACE's record of the assignment, {@linkplain Certainty#CONFIRMED
     *       confirmed} (source {@value CenterId#SOURCE}), whatever the team numbers say. {@code
     *       CEE001} to {@code CEE010}: {@link Assignment#ASSIGNED} to its Center; {@code NOTELG}:
     *       {@link Assignment#NOT_ELIGIBLE}; {@code PNDING}: {@link Assignment#PENDING}. The team
     *       numbers that say otherwise are listed by {@link #disagreeing()}. Center IDs that differ
     *       cannot be one account's at one time: {@link Assignment#CONFLICTING_CENTER_IDS}, no
     *       Center.</li>
     *   <li>Without a Center ID, the team numbers are evidence (CBP's advice): {@value
     *       TeamNumber#SEVERAL} or more all naming the same Center, {@link Assignment#MOST_LIKELY}
     *       that Center; several not all naming the same Center (or a port's team), {@link
     *       Assignment#NOT_YET_ASSIGNED}; a single number, {@link Assignment#NOT_ENOUGH_EVIDENCE},
     *       whatever it names. Their certainty is the weakest of the readings', their sources the
     *       readings'.</li>
     * </ul>
     *
     * <p>Immutable and thread-safe. No component is null.
     *
     * @param readings  the readings of the team numbers, one per entry summary, in order
     * @param centerIds the account's Center IDs, in order
     * @since 0.1
     */
    public record Together(List<Reading> readings, List<CenterId> centerIds) {

        /** What the numbers say of the account's assignment to a Center. */
        public enum Assignment {
            /** A Center ID names the Center the account is assigned to. */
            ASSIGNED,
            /** The Center ID is {@code NOTELG}: the account is not Center eligible. */
            NOT_ELIGIBLE,
            /** The Center ID is {@code PNDING}: the account's assignment is pending. */
            PENDING,
            /** Center IDs that differ were given: no Center can be said. */
            CONFLICTING_CENTER_IDS,
            /** Several team numbers all name one Center: the account is most likely assigned to it. */
            MOST_LIKELY,
            /** Several team numbers do not all name one Center: the account is not yet assigned. */
            NOT_YET_ASSIGNED,
            /** One team number: evidence, not enough to say the account's Center. */
            NOT_ENOUGH_EVIDENCE
        }

        /**
         * Validates that there is something to read.
         *
         * @param readings  the readings of the team numbers, one per entry summary, in order
         * @param centerIds the account's Center IDs, in order
         * @throws IllegalArgumentException if both lists are empty
         * @throws NullPointerException     if a list or an element is null
         */
        public Together {
            readings = List.copyOf(readings);
            centerIds = List.copyOf(centerIds);
            if (readings.isEmpty() && centerIds.isEmpty()) {
                throw new IllegalArgumentException("no team numbers and no Center ID: a Center cannot be read "
                        + "from none");
            }
        }

        /**
         * @return what the numbers say of the account's assignment
         */
        public Assignment assignment() {
            Set<CenterId> ids = new LinkedHashSet<>(centerIds);
            if (ids.size() > 1) {
                return Assignment.CONFLICTING_CENTER_IDS;
            }
            if (ids.size() == 1) {
                return switch (centerIds.get(0).status()) {
                    case ASSIGNED -> Assignment.ASSIGNED;
                    case NOT_ELIGIBLE -> Assignment.NOT_ELIGIBLE;
                    case PENDING -> Assignment.PENDING;
                };
            }
            if (readings.size() < SEVERAL) {
                return Assignment.NOT_ENOUGH_EVIDENCE;
            }
            return commonCenter(teamNumbers()).isPresent() ? Assignment.MOST_LIKELY : Assignment.NOT_YET_ASSIGNED;
        }

        /**
         * @return the Center the account is assigned to ({@link Assignment#ASSIGNED}) or most likely
         *         assigned to ({@link Assignment#MOST_LIKELY}); empty otherwise
         */
        public Optional<Center> center() {
            return switch (assignment()) {
                case ASSIGNED -> centerIds.get(0).center();
                case MOST_LIKELY -> commonCenter(teamNumbers());
                default -> Optional.empty();
            };
        }

        /**
         * @return confirmed when a Center ID decides; otherwise the weakest certainty of the
         *         readings
         */
        public Certainty certainty() {
            if (!centerIds.isEmpty()) {
                return Certainty.CONFIRMED;
            }
            Certainty weakest = Certainty.CONFIRMED;
            for (Reading reading : readings) {
                if (reading.certainty().compareTo(weakest) > 0) {
                    weakest = reading.certainty();
                }
            }
            return weakest;
        }

        /**
         * @return the bibliography ids the assignment rests on: {@value CenterId#SOURCE} when a
         *         Center ID decides, otherwise the readings' sources, each once
         */
        public List<String> sources() {
            if (!centerIds.isEmpty()) {
                return List.of(CenterId.SOURCE);
            }
            Set<String> sources = new LinkedHashSet<>();
            readings.forEach(reading -> sources.addAll(reading.sources()));
            return List.copyOf(sources);
        }

        /**
         * @return when one Center ID decides, the team numbers that say otherwise: that name
         *         another Center than its own, or a Center when it names none, or a port's team
         *         when it names one (entry summaries filed before the assignment, or reviewed by a
         *         port's team); empty otherwise
         */
        public List<TeamNumber> disagreeing() {
            Assignment assignment = assignment();
            if (centerIds.isEmpty() || assignment == Assignment.CONFLICTING_CENTER_IDS) {
                return List.of();
            }
            Optional<Center> decided = centerIds.get(0).center();
            return teamNumbers().stream().filter(number -> !number.center().equals(decided)).toList();
        }

        private List<TeamNumber> teamNumbers() {
            return readings.stream().map(Reading::teamNumber).toList();
        }
    }

    private record Digit(Center center, Certainty certainty, String source, String note) {
    }

    /** Reads the data file once, when a team number's Center is first asked for. */
    private static final class Digits {
        static final Map<Character, Digit> ROWS = load();

        private static Map<Character, Digit> load() {
            Map<Character, Digit> rows = new TreeMap<>();
            DataFile file = DataFile.read(DATA_FILE, List.of("digit", "team", "status", "source", "note"));
            List<Center> named = new ArrayList<>();
            for (DataFile.Row row : file.rows()) {
                String digit = row.cell(0);
                Optional<Center> center = Center.ofTeamCode(row.cell(1));
                Optional<Certainty> certainty = Certainty.ofLabel(row.cell(2));
                String source = row.cell(3);
                if (!Checks.shaped(digit, "d")) {
                    file.problem(row.line(), "digit must be one of 0 to 9: " + row.text());
                } else if (center.isEmpty()) {
                    file.problem(row.line(), "unknown team " + row.cell(1) + ": " + row.text());
                } else if (certainty.isEmpty() || source.isBlank()) {
                    file.problem(row.line(), "status (confirmed, secondary or inferred) and source are required: " + row.text());
                } else if (!isSourceId(source)) {
                    file.problem(row.line(), "source must be one bibliography id (lower-case letters, digits, "
                            + "'.' and '-'), was \"" + source + "\"; words go in the note: " + row.text());
                } else if (rows.containsKey(digit.charAt(0))) {
                    file.problem(row.line(), "second row for digit " + digit);
                } else if (named.contains(center.get())) {
                    file.problem(row.line(), "second digit for team " + row.cell(1));
                } else {
                    named.add(center.get());
                    rows.put(digit.charAt(0), new Digit(center.get(), certainty.get(), source, row.cell(4).strip()));
                }
            }
            file.requireValid();
            return Map.copyOf(rows);
        }

        /** A bibliography id: lower-case ASCII letters, digits, {@code .} and {@code -}, starting with a letter or digit. */
        private static boolean isSourceId(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (!alnum && (i == 0 || (c != '.' && c != '-'))) {
                    return false;
                }
            }
            return !text.isEmpty();
        }
    }
}
