package org.ceerules.examples.cases;

import java.nio.file.Path;

/**
 * This project's own routing cases, in {@code src/test/resources/cases}, in the shared format:
 * regulatory TIB, drawback and in-bond entry types, entry types not yet eligible, AD/CVD lines
 * filed before participation, errors of the JSON mapping.
 */
class ProjectCasesTest extends CaseSuite {

    static Path projectCasesDir() {
        return Path.of(System.getProperty("cee.project.cases.dir", "src/test/resources/cases"));
    }

    @Override
    Path casesDir() {
        return projectCasesDir();
    }
}
