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
 * @param authority    the sources behind the route in words a customs specialist reads, rendered
 *                     from {@code citations} (such as {@code CBP Trade Process Document v1.3
 *                     (2013), Quota; 19 CFR 132.12})
 * @param citations    the public sources the route rests on (its rule's, and those of the data rows
 *                     and the jurisdiction it follows from), each resolving to an entry of {@link
 *                     Router#sources()}; empty only for a route built without them
 * @param certainty    how sure the route is: the weakest of what it rests on
 * @param submission   how to e-mail this function's documents to the Center that handles it, or
 *                     that the filer may choose: present when the office or an alternative is a
 *                     Center and the procedures give the function's documents a subject
 *                     abbreviation ({@link SubjectAbbreviation#forFunction(TradeFunction)})
 * @since 0.1
 */
public record Route(TradeFunction function, Office office, List<Office> alternatives, String rule,
                    String authority, List<Citation> citations, Certainty certainty,
                    Optional<Submission> submission) {

    /**
     * Validates the components, and that the submission fits the route.
     *
     * @param function     the trade function
     * @param office       the office that handles it
     * @param alternatives offices the filer may choose instead of {@code office}; empty for none
     * @param rule         the name of the knowledge-base rule that decided this route; not blank
     * @param authority    the sources behind the route, in words; not blank
     * @param citations    the public sources the route rests on
     * @param certainty    how sure the route is
     * @param submission   how to e-mail this function's documents to the Center that handles it,
     *                     or that the filer may choose; empty for none
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the rule or authority is blank, or the submission is not
     *                                  to this route's Center or not of this route's function
     * @since 0.1
     */
    public Route {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(office, "office");
        alternatives = List.copyOf(alternatives);
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(authority, "authority");
        citations = List.copyOf(citations);
        Objects.requireNonNull(certainty, "certainty");
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
     * A route that cites no source: its certainty is {@link Certainty#INFERRED}.
     *
     * @param function     the trade function
     * @param office       the office that handles it
     * @param alternatives offices the filer may choose instead; empty for none
     * @param rule         the name of the knowledge-base rule that decided this route
     * @param authority    the source behind that rule, in words
     * @param submission   how to e-mail this function's documents to a Center, if at all
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Route(TradeFunction function, Office office, List<Office> alternatives, String rule, String authority,
                 Optional<Submission> submission) {
        this(function, office, alternatives, rule, authority, List.of(), Certainty.INFERRED, submission);
    }

    /**
     * @param submission how to e-mail this function's documents to a Center
     * @return this route with that submission
     * @throws IllegalArgumentException as the canonical constructor
     * @since 0.1
     */
    public Route withSubmission(Submission submission) {
        return new Route(function, office, alternatives, rule, authority, citations, certainty,
                Optional.of(submission));
    }

    /**
     * A route that cites no source and has no submission: its certainty is {@link Certainty#INFERRED}.
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
        this(function, office, alternatives, rule, authority, List.of(), Certainty.INFERRED, Optional.empty());
    }
}
