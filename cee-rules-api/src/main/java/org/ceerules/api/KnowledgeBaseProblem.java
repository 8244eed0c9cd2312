package org.ceerules.api;

import java.util.Objects;

/**
 * One problem found while loading a knowledge base: a bad data row, a rule that does not compile.
 *
 * <p>Immutable and thread-safe. Serializable, since a {@link KnowledgeBaseException} holds its
 * problems: as for any record, its serialized form is its components.
 *
 * @param file    the file, relative to the rule set's root
 * @param line    the line number, from 1; 0 where the problem is the file as a whole
 * @param message what is wrong
 * @serial exclude
 * @since 0.1
 */
public record KnowledgeBaseProblem(String file, int line, String message) implements java.io.Serializable {

    /**
     * Validates the components.
     *
     * @param file    the file, relative to the rule set's root
     * @param line    the line number, from 1; 0 where the problem is the file as a whole
     * @param message what is wrong
     * @throws NullPointerException     if {@code file} or {@code message} is null
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public KnowledgeBaseProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative");
        }
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
