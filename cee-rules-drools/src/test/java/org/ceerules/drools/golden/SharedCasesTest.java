package org.ceerules.drools.golden;

import org.ceerules.testing.CaseFolders;
import java.nio.file.Path;

/**
 * The routing cases shared by every implementation, where {@link CaseFolders#shared()} finds them
 * (the system property {@code cee.cases.dir}, or the shared folder next to the project root). Skipped when the folder is
 * absent; the project's snapshot of it runs in every build ({@link SharedCasesSnapshotTest}).
 */
class SharedCasesTest extends CaseSuite {

    @Override
    Path casesDir() {
        return CaseFolders.shared();
    }
}
