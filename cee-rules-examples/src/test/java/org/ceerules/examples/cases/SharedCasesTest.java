package org.ceerules.examples.cases;

import java.nio.file.Path;

/**
 * The routing cases shared by every implementation, in {@code ../shared/cases} next to the project
 * root, or in the folder the system property {@code cee.cases.dir} names. Skipped when the folder is
 * absent; the project's snapshot of it runs in every build ({@link SharedCasesSnapshotTest}).
 */
public class SharedCasesTest extends CaseSuite {

    /** @return the shared cases folder: {@code cee.cases.dir}, else {@code ../shared/cases} of the project root */
    public static Path sharedCasesDir() {
        String dir = System.getProperty("cee.cases.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "..", "shared", "cases");
    }

    @Override
    Path casesDir() {
        return sharedCasesDir();
    }
}
