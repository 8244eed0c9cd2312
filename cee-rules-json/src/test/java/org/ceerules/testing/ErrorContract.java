package org.ceerules.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.ceerules.api.Violation;

/**
 * Test helper: what every error of the contract looks like, whatever the input. At least one
 * violation; each names a field by a path the JSON can have ({@code $}, {@code account.name},
 * {@code entrySummary.lines[3].hts}, {@code account["two words"]}) and says what is wrong in one
 * line of text.
 */
public final class ErrorContract {

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,63}";
    /** A name that is not an identifier: a JSON string in brackets, control characters escaped. */
    private static final String QUOTED = "\\[\"(?:[^\"\\\\\\p{Cntrl}]|\\\\.)*\"\\]";
    private static final String INDEX = "\\[[0-9]+\\]";
    /** The path of a field as the error objects name it. */
    public static final Pattern FIELD_PATH = Pattern.compile("\\$|(?:" + IDENTIFIER + "|" + QUOTED + ")(?:\\."
            + IDENTIFIER + "|" + QUOTED + "|" + INDEX + ")*");

    private ErrorContract() {
    }

    /**
     * @param violations the violations of one request
     */
    public static void namesFields(List<Violation> violations) {
        assertThat(violations).isNotEmpty().allSatisfy(v -> {
            assertThat(v.field()).matches(FIELD_PATH);
            assertThat(v.message()).isNotBlank().doesNotContain("\n");
        });
    }
}
