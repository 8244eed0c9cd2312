package org.ceerules.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one trade function of an entry is handled, and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param function     the trade function
 * @param office       the office that handles it; where the rules leave the choice to the filer
 *                     among several offices of one type, an office of that type with no code
 * @param alternatives offices the filer may choose instead of {@code office}; empty for none
 * @param rule         the name of the knowledge-base rule that decided this route
 * @param authority    the source behind that rule (a section of the CEE procedures, a Federal
 *                     Register notice, a CSMS message); inferred readings say so in the text
 * @param submission   how to e-mail this function's documents to the Center that handles it, or
 *                     that the filer may choose: present when the office or an alternative is a
 *                     Center and the procedures give the function's documents a subject
 *                     abbreviation ({@link SubjectAbbreviation#forFunction(TradeFunction)})
 * @since 0.1
 */
public record Route(TradeFunction function, Office office, List<Office> alternatives, String rule,
                    String authority, Optional<Submission> submission) {

    /**
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the rule or authority is blank, or the submission is not
     *                                  to this route's Center or not of this route's function
     * @since 0.3
     */
    public Route {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(office, "office");
        alternatives = List.copyOf(alternatives);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(authority, "authority");
        if (rule.isBlank() || authority.isBlank()) {
            throw new IllegalArgumentException("route of " + function + " needs a rule and an authority");
        }
        Objects.requireNonNull(submission, "submission");
        if (submission.isPresent()) {
            Submission s = submission.get();
            if (!s.center().equals(office) && !alternatives.contains(s.center())) {
                throw new IllegalArgumentException("route of " + function + " to " + office + " cannot have a submission to "
                        + s.center() + ": not its office nor an alternative");
            }
            if (SubjectAbbreviation.forFunction(function).orElse(null) != s.abbreviation()) {
                throw new IllegalArgumentException("route of " + function + " cannot have a submission of "
                        + s.abbreviation().abbreviation() + " (" + s.abbreviation().document() + ")");
            }
        }
    }

    /**
     * A route with no submission.
     *
     * @param function     the trade function
     * @param office       the office that handles it
     * @param alternatives offices the filer may choose instead; empty for none
     * @param rule         the name of the knowledge-base rule that decided this route
     * @param authority    the source behind that rule
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the rule or authority is blank
     */
    public Route(TradeFunction function, Office office, List<Office> alternatives, String rule, String authority) {
        this(function, office, alternatives, rule, authority, Optional.empty());
    }
}
