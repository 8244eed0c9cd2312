package org.ceerules.examples.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link FieldPath}: the path of an unknown or odd field name, quoted and bounded. */
class FieldPathTest {

    @Test
    void plainNamesAreDottedOddOnesQuotedInBrackets() {
        assertThat(FieldPath.child(FieldPath.ROOT, "entrySummary")).isEqualTo("entrySummary");
        assertThat(FieldPath.child("account", "name")).isEqualTo("account.name");
        assertThat(FieldPath.child("account", "a b\"c")).isEqualTo("account[\"a b\\\"c\"]");
    }

    @Test
    void aLongNameIsCutAtFortyCharacters() {
        assertThat(FieldPath.child("account", "x y".repeat(14))).isEqualTo("account[\"" + "x y".repeat(14).substring(0, 40)
                + "...\"]");
        assertThat(FieldPath.child("account", " ".repeat(40))).isEqualTo("account[\"" + " ".repeat(40) + "\"]");
    }

    /** Like the API's quotes: 40 control characters would make a path of 250 characters. */
    @Test
    void aNameOfEscapesIsCutSooner() {
        String path = FieldPath.child("account", "\u0001".repeat(40));
        assertThat(path).startsWith("account[\"\\u0001").endsWith("...\"]").hasSizeLessThanOrEqualTo(100);
    }
}
