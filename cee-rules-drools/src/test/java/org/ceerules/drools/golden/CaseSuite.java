package org.ceerules.drools.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ceerules.api.Routers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.ceerules.testkit.CaseCheck;
import org.ceerules.testkit.CaseTests;
import org.ceerules.testkit.RoutingCase;

/**
 * Golden tests: every case of a folder through the API (the case runner: JSON mapping, then
 * {@link Routers#defaultRouter()}). The command line runs the same folders as one batch in its own
 * tests. Skipped, with a message, when the folder is absent.
 */
abstract class CaseSuite {

    /** @return the folder of the cases */
    abstract Path casesDir();

    List<RoutingCase> cases() throws IOException {
        Path dir = casesDir();
        Assumptions.assumeTrue(Files.isDirectory(dir), () -> "no routing cases at " + dir.toAbsolutePath()
                + ": set -Dcee.cases.dir to run them");
        List<RoutingCase> cases = RoutingCase.load(dir);
        Assumptions.assumeFalse(cases.isEmpty(), () -> "no *.json case in " + dir.toAbsolutePath());
        return cases;
    }

    @Test
    void everyCaseIsWellFormed() throws IOException {
        for (RoutingCase routingCase : cases()) {
            assertThat(routingCase.problems()).as("format of %s", routingCase.file()).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicNode> throughTheApi() throws IOException {
        cases();
        return CaseTests.of(casesDir(), Routers.defaultRouter(), false);
    }
}
