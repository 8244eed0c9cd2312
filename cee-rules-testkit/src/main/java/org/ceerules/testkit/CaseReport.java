package org.ceerules.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ceerules.api.KnowledgeBaseRule;

/**
 * What a case run found: each case's outcome, in order, and the rules of the knowledge base that
 * no case made fire.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcomes     one per case, in the order the cases were run
 * @param rules        every rule of the router's knowledge base
 * @param firedRules   the names of the rules that fired for at least one case
 * @param rulesVersion the version of the rule set the cases ran against
 * @since 0.1
 */
public record CaseReport(List<Outcome> outcomes, List<KnowledgeBaseRule> rules, Set<String> firedRules,
                         String rulesVersion) {

    /**
     * One case's outcome.
     *
     * @param name        the case's name
     * @param file        the case's file
     * @param differences what differed from the expectation; empty when the case passed
     * @param firedRules  the names of the rules that fired for the case's request; empty for a
     *                    lookup case, a rejected request and a malformed case file
     * @param time        how long the case took to run
     * @param malformed   whether the case file breaks the format, so that no answer was compared:
     *                    its differences then say what is wrong with the file
     */
    public record Outcome(String name, Path file, List<String> differences, Set<String> firedRules, Duration time,
                          boolean malformed) {

        /**
         * Validates that no component is null and copies the collections.
         *
         * @param name        the case's name
         * @param file        the case's file
         * @param differences what differed from the expectation; empty when the case passed
         * @param firedRules  the names of the rules that fired for the case's request
         * @param time        how long the case took to run
         * @param malformed   whether the case file breaks the format
         * @throws NullPointerException if a component is null
         */
        public Outcome {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            differences = List.copyOf(differences);
            firedRules = Set.copyOf(firedRules);
            Objects.requireNonNull(time, "time");
        }

        /**
         * An outcome of a well-formed case, with no rule fired and no time measured.
         *
         * @param name        the case's name
         * @param file        the case's file
         * @param differences what differed from the expectation; empty when the case passed
         */
        public Outcome(String name, Path file, List<String> differences) {
            this(name, file, differences, Set.of(), Duration.ZERO, false);
        }

        /** @return whether the answer was as expected */
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /**
     * Validates that no component is null and copies them.
     *
     * @param outcomes     one per case, in the order the cases were run
     * @param rules        every rule of the router's knowledge base
     * @param firedRules   the names of the rules that fired for at least one case
     * @param rulesVersion the version of the rule set the cases ran against
     * @throws NullPointerException if a component is null
     */
    public CaseReport {
        outcomes = List.copyOf(outcomes);
        rules = List.copyOf(rules);
        firedRules = Set.copyOf(firedRules);
        Objects.requireNonNull(rulesVersion, "rulesVersion");
    }

    /** @return how many cases passed */
    public long passed() {
        return outcomes.stream().filter(Outcome::passed).count();
    }

    /** @return how many cases failed */
    public long failed() {
        return outcomes.size() - passed();
    }

    /** @return the rules that fired for no case, ordered by file and line */
    public List<KnowledgeBaseRule> neverFired() {
        return rules.stream().filter(r -> !firedRules.contains(r.name())).toList();
    }
}
