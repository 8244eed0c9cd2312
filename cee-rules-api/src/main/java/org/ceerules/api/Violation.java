package org.ceerules.api;

import java.util.Objects;

/**
 * One invalid field of a request: its path from the request's root ({@code
 * entrySummary.lines[2].hts}) and what is wrong with it.
 *
 * <p>Immutable and thread-safe. Serializable, since an {@link InvalidRequestException} holds its
 * violations: as for any record, its serialized form is its components.
 *
 * @param field   the field's path, {@code $} for the request as a whole; never blank
 * @param message what is wrong, in words a filer understands; never blank
 * @serial exclude
 * @since 0.1
 */
public record Violation(String field, String message) implements java.io.Serializable {

    /**
     * Validates that both parts are present and not blank.
     *
     * @param field   the field's path, {@code $} for the request as a whole
     * @param message what is wrong, in words a filer understands
     * @throws NullPointerException     if a part is null
     * @throws IllegalArgumentException if a part is blank
     */
    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        if (field.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a violation needs a field and a message");
        }
    }

    /**
     * This violation with its field path placed under {@code prefix}.
     *
     * @param prefix the path of the enclosing object, such as {@code entrySummary}
     * @return a violation whose field is {@code prefix.field}
     */
    public Violation under(String prefix) {
        return new Violation(prefix + "." + field, message);
    }
}
