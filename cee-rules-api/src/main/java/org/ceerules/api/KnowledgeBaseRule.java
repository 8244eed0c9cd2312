package org.ceerules.api;

import java.util.List;
import java.util.Objects;

/**
 * A rule of a router's knowledge base, as {@link Router#rules()} lists it: what a case run's
 * coverage is measured against.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name      the rule's name, as decisions cite it
 * @param authority the rule's sources in words, rendered from {@code citations}
 * @param file      the file the rule is written in, relative to the rule set's root
 * @param line      the line of the rule's header, from 1
 * @param citations the rule's {@code @cite} metadata, in order
 * @param certainty the rule's certainty: its {@code @certainty}, or what its sources support
 * @since 0.1
 */
public record KnowledgeBaseRule(String name, String authority, String file, int line, List<Citation> citations,
                                Certainty certainty) {

    /**
     * Validates the components.
     *
     * @param name      the rule's name, as decisions cite it
     * @param authority the rule's sources in words
     * @param file      the file the rule is written in, relative to the rule set's root
     * @param line      the line of the rule's header, from 1
     * @param citations the rule's {@code @cite} metadata, in order
     * @param certainty the rule's certainty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code line} is less than 1
     */
    public KnowledgeBaseRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(file, "file");
        citations = List.copyOf(citations);
        Objects.requireNonNull(certainty, "certainty");
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, was " + line);
        }
    }

    /**
     * A rule that cites no source: its certainty is {@link Certainty#INFERRED}.
     *
     * @param name      the rule's name
     * @param authority the rule's authority in words
     * @param file      the file the rule is written in
     * @param line      the line of the rule's header, from 1
     */
    public KnowledgeBaseRule(String name, String authority, String file, int line) {
        this(name, authority, file, line, List.of(), Certainty.INFERRED);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + name;
    }
}
