package org.ceerules.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a knowledge base (rules and reference data) cannot be loaded. It names every
 * problem found, each with its file and line, not just the first.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class KnowledgeBaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Every problem found, in the order found; never empty. */
    private final List<KnowledgeBaseProblem> problems;

    /**
     * A knowledge base that failed to load, for the problems found.
     *
     * @param problems every problem found; must not be empty
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public KnowledgeBaseException(List<KnowledgeBaseProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @return every problem, in the order found
     */
    public List<KnowledgeBaseProblem> problems() {
        return problems;
    }

    private static String describe(List<KnowledgeBaseProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a knowledge base fails for at least one problem");
        }
        return problems.stream().map(KnowledgeBaseProblem::toString)
                .collect(Collectors.joining("\n  ", "the knowledge base failed to load, "
                        + problems.size() + " problem(s):\n  ", ""));
    }
}
