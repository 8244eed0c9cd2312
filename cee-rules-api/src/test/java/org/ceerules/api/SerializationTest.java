package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exceptions keep what they name across Java serialization (as when thrown across a remote boundary). */
class SerializationTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void anInvalidRequestKeepsItsViolations() throws Exception {
        InvalidRequestException e = new InvalidRequestException(List.of(new Violation("asOf", "is required")));
        assertThat(roundTrip(e).violations()).containsExactly(new Violation("asOf", "is required"));
    }

    @Test
    void aFailedKnowledgeBaseKeepsItsProblems() throws Exception {
        KnowledgeBaseException e = new KnowledgeBaseException(List.of(new KnowledgeBaseProblem("VERSION", 0, "missing")));
        assertThat(roundTrip(e).problems()).containsExactly(new KnowledgeBaseProblem("VERSION", 0, "missing"));
    }
}
