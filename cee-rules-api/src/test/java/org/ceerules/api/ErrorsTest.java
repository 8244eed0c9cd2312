package org.ceerules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorsTest {

    @Nested
    class ViolationRecord {

        @Test
        void holdsFieldAndMessage() {
            Violation v = new Violation("entrySummary.portOfEntry", "must be 4 digits, was \"27A4\"");
            assertThat(v.field()).isEqualTo("entrySummary.portOfEntry");
            assertThat(v.message()).isEqualTo("must be 4 digits, was \"27A4\"");
            assertThat(new Violation("$", "not JSON").field()).isEqualTo("$");
        }

        @ParameterizedTest(name = "field \"{0}\"")
        @ValueSource(strings = {"", " ", "\t"})
        void fieldMustNotBeBlank(String field) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Violation(field, "m"));
            assertThatNullPointerException().isThrownBy(() -> new Violation(null, "m")).withMessage("field");
        }

        @ParameterizedTest(name = "message \"{0}\"")
        @ValueSource(strings = {"", " ", "\n"})
        void messageMustNotBeBlank(String message) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Violation("f", message));
            assertThatNullPointerException().isThrownBy(() -> new Violation("f", null)).withMessage("message");
        }

        @Test
        void underPlacesTheFieldUnderAPrefix() {
            assertThat(new Violation("portOfEntry", "m").under("entrySummary"))
                    .isEqualTo(new Violation("entrySummary.portOfEntry", "m"));
            assertThat(new Violation("hts", "m").under("entrySummary.lines[2]"))
                    .isEqualTo(new Violation("entrySummary.lines[2].hts", "m"));
        }
    }

    @Nested
    class KnowledgeBaseProblemRecord {

        @Test
        void fileIsRequired() {
            assertThatNullPointerException().isThrownBy(() -> new KnowledgeBaseProblem(null, 1, "m")).withMessage("file");
        }

        @Test
        void lineIsNotNegative() {
            assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBaseProblem("f.csv", -1, "m"))
                    .withMessage("line must not be negative");
            assertThat(new KnowledgeBaseProblem("f.csv", 0, "m").line()).isZero();
            assertThat(new KnowledgeBaseProblem("f.csv", Integer.MAX_VALUE, "m").line()).isEqualTo(Integer.MAX_VALUE);
        }

        @Test
        void messageIsRequired() {
            assertThatNullPointerException().isThrownBy(() -> new KnowledgeBaseProblem("f.csv", 1, null))
                    .withMessage("message");
        }

        @Test
        void printsFileLineAndMessage() {
            assertThat(new KnowledgeBaseProblem("data/hts.csv", 12, "overlaps line 9"))
                    .hasToString("data/hts.csv:12: overlaps line 9");
            assertThat(new KnowledgeBaseProblem("rules/exceptions.drl", 0, "does not compile"))
                    .hasToString("rules/exceptions.drl: does not compile");
        }
    }

    @Nested
    class KnowledgeBaseExceptionClass {

        @Test
        void namesEveryProblem() {
            List<KnowledgeBaseProblem> problems = new ArrayList<>(List.of(new KnowledgeBaseProblem("a.csv", 3, "bad date"),
                    new KnowledgeBaseProblem("b.csv", 0, "missing")));
            KnowledgeBaseException e = new KnowledgeBaseException(problems);
            problems.clear();
            assertThat(e.problems()).hasSize(2);
            assertThat(e).hasMessage("the knowledge base failed to load, 2 problem(s):\n  a.csv:3: bad date\n"
                    + "  b.csv: missing");
            assertThatThrownBy(() -> e.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void needsAProblem() {
            assertThatIllegalArgumentException().isThrownBy(() -> new KnowledgeBaseException(List.of()));
        }
    }

    @Nested
    class InvalidRequestExceptionClass {

        @Test
        void namesEveryViolation() {
            List<Violation> violations = new ArrayList<>(List.of(new Violation("asOf", "is required"),
                    new Violation("entrySummary.portOfEntry", "must be 4 digits, was \"27A4\"")));
            InvalidRequestException e = new InvalidRequestException(violations);
            violations.clear();
            assertThat(e).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("invalid request: asOf: is required; entrySummary.portOfEntry: must be 4 digits, was \"27A4\"");
            assertThat(e.violations()).extracting(Violation::field).containsExactly("asOf", "entrySummary.portOfEntry");
            assertThatThrownBy(() -> e.violations().clear()).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void needsAViolation() {
            assertThatIllegalArgumentException().isThrownBy(() -> new InvalidRequestException(List.of()));
        }
    }

    @Test
    void quotedValuesAreEscapedAndShortened() {
        assertThat(Checks.quote("27A4")).isEqualTo("\"27A4\"");
        assertThat(Checks.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(Checks.quote("a\nb\u007f")).isEqualTo("\"a\\u000ab\\u007f\"");
        assertThat(Checks.quote("x".repeat(41))).isEqualTo("\"" + "x".repeat(40) + "...\"");
        assertThat(Checks.quote("x".repeat(40))).isEqualTo("\"" + "x".repeat(40) + "\"");
    }

    /** Found by PropertiesTest: 40 control characters made a quote of 240 characters, a message of 300. */
    @Test
    void aValueOfEscapesIsCutSoonerThanFortyCharacters() {
        String quoted = Checks.quote("\u001f".repeat(40));
        assertThat(quoted).startsWith("\"\\u001f").endsWith("...\"").hasSizeLessThanOrEqualTo(90);
        assertThat(new Violation("f", "must be x, was " + Checks.quote("\"".repeat(100))).message()).hasSizeLessThanOrEqualTo(100);
    }
}
