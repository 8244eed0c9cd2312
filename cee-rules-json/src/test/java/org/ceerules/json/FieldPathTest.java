package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    /**
     * {@code isPlain} is a loop in place of the regular expression {@code
     * [A-Za-z_][A-Za-z0-9_]{0,63}}: they agree on every name of up to three characters drawn from
     * the characters at the edges of each class (and non-ASCII letters and digits), and at the
     * length limit.
     */
    @Test
    void plainIsWhatTheRegularExpressionSaid() {
        Pattern plain = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
        String alphabet = "@AZ[_`az{/09: .\u00e9\uff21\u0663";
        List<String> names = new ArrayList<>(List.of("a".repeat(63), "a".repeat(64), "a".repeat(65), "_".repeat(64),
                "9" + "a".repeat(63)));
        names.add("");
        for (char a : alphabet.toCharArray()) {
            names.add(String.valueOf(a));
            for (char b : alphabet.toCharArray()) {
                names.add("" + a + b);
                for (char c : alphabet.toCharArray()) {
                    names.add("" + a + b + c);
                }
            }
        }
        for (String name : names) {
            assertThat(FieldPath.isPlain(name)).as(name).isEqualTo(plain.matcher(name).matches());
        }
    }
}
