package org.ceerules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules as code: they pass the guard, reach nothing outside the facts and helpers, and
 * the guard's allow-list is what they import and no more. A change that makes the shipped rules
 * reach further fails here first.
 */
class ShippedRulesGuardTest {

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.*]+)\\s*;");

    private static Map<String, String> shippedDrl() {
        RuleSetFiles embedded = RuleSetFiles.embedded();
        Map<String, String> drl = new HashMap<>();
        for (String file : embedded.list().orElseThrow()) {
            if (file.endsWith(".drl")) {
                drl.put(file, embedded.read(file).orElseThrow());
            }
        }
        assertThat(drl).isNotEmpty();
        return drl;
    }

    @Test
    void theShippedRulesPassTheGuard() {
        assertThat(DrlGuard.check(shippedDrl())).isEmpty();
    }

    @Test
    void theShippedRulesCallNothingOfTheJvmOrOfReflection() {
        shippedDrl().forEach((file, text) -> assertThat(DrlText.of(text).bare()).as(file)
                .doesNotContain("System", "Runtime", "ProcessBuilder", "Thread", "exit(", "halt(", "exec(",
                        "getClass", "forName", "reflect", "java.io", "java.nio", "java.net", "eval(", "kcontext",
                        "dialect", "function ", "\\u"));
    }

    @Test
    void theAllowListIsWhatTheShippedRulesImport() {
        TreeSet<String> imported = new TreeSet<>();
        shippedDrl().values().forEach(text -> {
            Matcher m = IMPORT.matcher(DrlText.of(text).code());
            while (m.find()) {
                imported.add(m.group(1));
            }
        });
        assertThat(DrlGuard.ALLOWED_CLASSES).containsAll(imported);
        List<String> helpers = DrlGuard.HELPERS;
        assertThat(imported).as("every helper allowed is one the shipped rules import").containsAll(helpers);
    }

    @Test
    void theFactClassesAreThoseOfTheFactsPackage() throws IOException {
        Path facts = Path.of("src/main/java", DrlGuard.FACTS_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(facts)) {
            List<String> classes = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".java") && !name.equals("package-info.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length())).sorted().toList();
            assertThat(DrlGuard.FACT_CLASSES).containsExactlyElementsOf(classes);
        }
    }

    @Test
    void theShippedRulesRouteEveryProbe() {
        assertThat(EmbeddedRouter.ROUTER.probe(LocalDate.now())).isEmpty();
        assertThat(EmbeddedRouter.ROUTER.probe(LocalDate.parse("2099-12-31"))).isEmpty();
    }
}
