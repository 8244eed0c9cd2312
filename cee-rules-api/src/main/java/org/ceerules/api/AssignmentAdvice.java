package org.ceerules.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Center an importer's entry summaries point to, by the two measures CBP has named: the
 * HTS classification of the predominant number of goods (81 FR 92978: the number of entry lines
 * here) and the HTS numbers with the highest value (CBP's 2017 trade symposium: the entered
 * value). Given by {@link Router#adviseAssignment(List, LocalDate, Optional)}.
 *
 * <p>Each line counts for the Center whose industry covers its tariff number on {@link #asOf()}
 * ({@link Router#industryScope(HtsNumber, LocalDate)}); lines no Center's industry covers (chapters
 * 98 and 99, for instance) count for no one and are reported apart. Lines whose scope row is only
 * inferred are counted like the others and reported, per Center, as such.
 *
 * <p>Ties: a tie on one measure is broken by the other measure among the tied Centers; a tie on
 * both is not broken: the measure then picks no Center and names the tied ones.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asOf          the date whose HTS scope was used
 * @param entrySummaries how many entry summaries were read
 * @param counted       the lines, and their value, that count for some Center
 * @param outOfScope    the lines, and their value, that count for no Center
 * @param shares        one share per Center with at least one line, by team code
 * @param byLines       the Center of the predominant number of goods (lines)
 * @param byValue       the Center of the highest entered value
 * @param agree         whether both measures pick a Center and it is the same one
 * @param appeal        when the account's current Center was given, whether an appeal may be
 *                      warranted; empty when it was not
 * @since 0.1
 */
public record AssignmentAdvice(LocalDate asOf, int entrySummaries, Tally counted, Tally outOfScope,
                               List<CenterShare> shares, Pick byLines, Pick byValue, boolean agree,
                               Optional<Appeal> appeal) {

    /**
     * Validates that no component is null.
     *
     * @param asOf           the date whose HTS scope was used
     * @param entrySummaries how many entry summaries were read
     * @param counted        the lines, and their value, that count for some Center
     * @param outOfScope     the lines, and their value, that count for no Center
     * @param shares         one share per Center with at least one line, by team code
     * @param byLines        the Center of the predominant number of goods (lines)
     * @param byValue        the Center of the highest entered value
     * @param agree          whether both measures pick a Center and it is the same one
     * @param appeal         whether an appeal may be warranted, when the account's current Center
     *                       was given; empty when it was not
     * @throws NullPointerException if a component is null
     */
    public AssignmentAdvice {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(counted, "counted");
        Objects.requireNonNull(outOfScope, "outOfScope");
        shares = List.copyOf(shares);
        Objects.requireNonNull(byLines, "byLines");
        Objects.requireNonNull(byValue, "byValue");
        Objects.requireNonNull(appeal, "appeal");
    }

    /**
     * A number of entry lines and their entered value.
     *
     * @param lines how many lines
     * @param value their entered value, in U.S. dollars
     */
    public record Tally(int lines, BigDecimal value) {
        /**
         * Validates that the tally is not negative.
         *
         * @param lines how many lines
         * @param value their entered value, in U.S. dollars
         * @throws NullPointerException     if the value is null
         * @throws IllegalArgumentException if a count or value is negative
         */
        public Tally {
            Objects.requireNonNull(value, "value");
            if (lines < 0 || value.signum() < 0) {
                throw new IllegalArgumentException("a tally is not negative: " + lines + " lines, " + value);
            }
        }
    }

    /**
     * One Center's share of the counted lines and value.
     *
     * @param center     the Center
     * @param all        its lines and their value
     * @param inferred   of those, the lines, and their value, whose scope row is only inferred
     * @param lineShare  its lines as a fraction of the counted lines, 0 to 1, 4 decimal places
     * @param valueShare its value as a fraction of the counted value, 0 to 1, 4 decimal places; 0
     *                   when the counted value is 0
     */
    public record CenterShare(Center center, Tally all, Tally inferred, BigDecimal lineShare, BigDecimal valueShare) {
        /**
         * Validates that no component is null.
         *
         * @param center     the Center
         * @param all        its lines and their value
         * @param inferred   of those, the lines, and their value, whose scope row is only inferred
         * @param lineShare  its lines as a fraction of the counted lines, 0 to 1
         * @param valueShare its value as a fraction of the counted value, 0 to 1
         * @throws NullPointerException if a component is null
         */
        public CenterShare {
            Objects.requireNonNull(center, "center");
            Objects.requireNonNull(all, "all");
            Objects.requireNonNull(inferred, "inferred");
            Objects.requireNonNull(lineShare, "lineShare");
            Objects.requireNonNull(valueShare, "valueShare");
        }
    }

    /**
     * The Center one measure picks.
     *
     * @param center the Center; empty when Centers tie on both measures
     * @param tied   the Centers that tied on this measure, by team code; empty when none did
     * @param reason why, in words: the counts, and how a tie was broken or that it was not
     */
    public record Pick(Optional<Center> center, List<Center> tied, String reason) {
        /**
         * Validates that no component is null.
         *
         * @param center the Center; empty when Centers tie on both measures
         * @param tied   the Centers that tied on this measure; empty when none did
         * @param reason why, in words
         * @throws NullPointerException if a component is null
         */
        public Pick {
            Objects.requireNonNull(center, "center");
            tied = List.copyOf(tied);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Whether the account's current Center differs from what the measures pick.
     *
     * @param current        the account's current Center
     * @param mayBeWarranted whether a measure picks another Center: CBP accepts a written appeal
     *                       of an assignment at any time (81 FR 92978)
     * @param reason         why, in words
     */
    public record Appeal(Center current, boolean mayBeWarranted, String reason) {
        /**
         * Validates that no component is null.
         *
         * @param current        the account's current Center
         * @param mayBeWarranted whether a measure picks another Center
         * @param reason         why, in words
         * @throws NullPointerException if a component is null
         */
        public Appeal {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
