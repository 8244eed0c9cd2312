package org.ceerules.drools.golden;

import org.ceerules.testing.CaseFolders;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A snapshot of the shared routing cases kept in the project, so that every build runs them even
 * where the shared folder is not next to the clone; {@link #theSnapshotIsTheSharedFolder()} fails
 * when the shared folder exists and the snapshot differs from it (refresh it by copying the folder).
 */
class SharedCasesSnapshotTest extends CaseSuite {

    @Override
    Path casesDir() {
        return CaseFolders.snapshot();
    }

    @Test
    void theSnapshotIsTheSharedFolder() throws IOException {
        Path shared = CaseFolders.shared();
        Assumptions.assumeTrue(Files.isDirectory(shared), () -> "no shared cases at " + shared.toAbsolutePath()
                + " to compare the snapshot with");
        assertThat(names(CaseFolders.snapshot())).isEqualTo(names(shared));
        for (String name : names(shared)) {
            assertThat(Files.readString(CaseFolders.snapshot().resolve(name))).as("snapshot of %s", name)
                    .isEqualTo(Files.readString(shared.resolve(name)));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
