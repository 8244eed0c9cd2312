package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.ceerules.testing.CaseFolders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test-cases} never passes over a case file in silence: a {@code *.json} that cannot be
 * read (a directory of that name, bytes that are not UTF-8, a broken link, a file or a sub-folder
 * without read permission) is a failing case naming the file and why, and the other cases run.
 */
class UnreadableCaseFilesTest {

    @TempDir
    Path cases;

    private String aCase;

    @BeforeEach
    void oneGoodCase() throws IOException {
        Path first;
        try (Stream<Path> files = Files.list(CaseFolders.project())) {
            first = files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
        }
        aCase = Files.readString(first, StandardCharsets.UTF_8);
        Files.writeString(cases.resolve(first.getFileName()), aCase, StandardCharsets.UTF_8);
    }

    @Test
    void aDirectoryABrokenLinkAndBytesThatAreNotUtf8AreEachAFailureNamingTheFile() throws IOException {
        Files.createDirectories(cases.resolve("folder.json"));
        Files.write(cases.resolve("latin-1.json"), "{\"name\": \"M\u00FCller\"}".getBytes(StandardCharsets.ISO_8859_1));
        Files.createSymbolicLink(cases.resolve("gone.json"), cases.resolve("no-such-file"));

        CliRun run = CliRun.run("", "test-cases", cases.toString());

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.out()).contains(
                "FAIL folder (" + cases.resolve("folder.json") + ")\n  is a directory, not a case file\n",
                "FAIL latin-1 (" + cases.resolve("latin-1.json") + ")\n  is not valid UTF-8: byte 12 (0xFC) does not "
                        + "start or continue a character\n",
                "FAIL gone (" + cases.resolve("gone.json") + ")\n  cannot be read: it is a link to nothing\n",
                "1 passed, 3 failed");
    }

    /** A pipe is never opened: reading it would wait for a writer, and the run would never end. */
    @Test
    void aPipeNamedLikeACaseIsAFailureNotOpened() throws IOException, InterruptedException {
        Path pipe = cases.resolve("pipe.json");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
        } catch (IOException e) {
            made = -1;
        }
        assumeTrue(made == 0 && Files.exists(pipe), "mkfifo makes a named pipe");

        CliRun run = CliRun.run("", "test-cases", cases.toString());

        assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
        assertThat(run.out()).contains("FAIL pipe (" + pipe + ")\n  is not a regular file (a pipe, a device or a "
                + "socket)\n", "1 passed, 1 failed");
    }

    @Test
    void aFileOrAFolderWithoutReadPermissionIsAFailureNamingIt() throws IOException {
        Path locked = Files.writeString(cases.resolve("locked.json"), aCase, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(cases.resolve("more"));
        Files.writeString(folder.resolve("inside.json"), aCase, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(locked) || Files.isReadable(folder),
                    "permissions do not stop this user (root) from reading");

            CliRun run = CliRun.run("", "test-cases", cases.toString());

            assertThat(run.status()).isEqualTo(ExitStatus.REJECTED);
            assertThat(run.out()).contains(
                    "FAIL locked (" + locked + ")\n  cannot be read: permission denied\n",
                    "FAIL more (" + folder + ")\n  cannot be read: permission denied\n",
                    "1 passed, 2 failed");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
