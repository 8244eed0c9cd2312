package org.ceerules.drools.golden;

import org.ceerules.testing.CaseFolders;
import java.nio.file.Path;

/**
 * This project's own routing cases, in {@code src/test/resources/cases}, in the shared format:
 * regulatory TIB, drawback and in-bond entry types, entry types not yet eligible, AD/CVD lines
 * filed before participation, errors of the JSON mapping.
 */
class ProjectCasesTest extends CaseSuite {

    @Override
    Path casesDir() {
        return CaseFolders.project();
    }
}
