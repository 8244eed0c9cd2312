package org.ceerules.api;

import java.util.Objects;

/**
 * A rule of a router's knowledge base, as {@link Router#rules()} lists it: what a case run's
 * coverage is measured against.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name      the rule's name, as decisions cite it
 * @param authority the rule's authority (its {@code @authority} metadata)
 * @param file      the file the rule is written in, relative to the rule set's root
 * @param line      the line of the rule's header, from 1
 * @since 0.2
 */
public record KnowledgeBaseRule(String name, String authority, String file, int line) {

    /** Validates the components. */
    public KnowledgeBaseRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, was " + line);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + name;
    }
}
