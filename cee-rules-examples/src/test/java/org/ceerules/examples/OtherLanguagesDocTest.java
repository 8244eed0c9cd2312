package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/other-languages.md} shows the Python examples as they are: every {@code python}
 * listing of the page is cut, to the letter, from {@code route_service.py} or {@code
 * route_coprocess.py} (which {@code OtherLanguagesIT} runs), and the page links to both files.
 */
class OtherLanguagesDocTest {

    private static final Pattern PYTHON_LISTING = Pattern.compile("(?m)^```python\\n(.*?)^```$", Pattern.DOTALL);
    private static final List<String> SCRIPTS = List.of("route_service.py", "route_coprocess.py");

    @Test
    void everyPythonListingIsCutFromAnExampleFile() throws IOException {
        Path root = NoInternalReferencesTest.projectRoot();
        String page = Files.readString(root.resolve("docs/other-languages.md"), StandardCharsets.UTF_8);
        List<String> scripts = new ArrayList<>();
        for (String script : SCRIPTS) {
            assertThat(page).as("the page links to %s", script)
                    .contains("(../cee-rules-examples/src/python/" + script + ")");
            scripts.add(Files.readString(root.resolve("cee-rules-examples/src/python").resolve(script),
                    StandardCharsets.UTF_8));
        }
        List<String> listings = new ArrayList<>();
        for (Matcher m = PYTHON_LISTING.matcher(page); m.find(); ) {
            listings.add(m.group(1));
        }
        assertThat(listings).as("the page's Python listings").hasSizeGreaterThanOrEqualTo(SCRIPTS.size());
        assertThat(listings).allSatisfy(listing -> assertThat(scripts)
                .as("a file that holds, to the letter, the listing:%n%s", listing)
                .anyMatch(script -> script.contains(listing)));
        for (int i = 0; i < SCRIPTS.size(); i++) {
            assertThat(listings).as("a listing of %s", SCRIPTS.get(i)).anyMatch(scripts.get(i)::contains);
        }
    }
}
