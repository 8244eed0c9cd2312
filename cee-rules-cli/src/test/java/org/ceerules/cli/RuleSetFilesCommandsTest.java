package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export-rules} and {@code check} on the paths and bytes a rule author may give them. */
class RuleSetFilesCommandsTest {

    private static long regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    // B12: "." normalizes to the empty path, which no target "starts with"
    @Test
    void exportRulesWritesIntoTheWorkingDirectoryNamedDot(@TempDir Path empty) throws Exception {
        Path out = Files.createTempFile("export-rules", ".out");
        Path err = Files.createTempFile("export-rules", ".err");
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "export-rules", ".")
                    .directory(empty.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(stderr).isZero();
            assertThat(stderr).contains("wrote 17 files").doesNotContain("outside its root");
            assertThat(regularFiles(empty)).isEqualTo(17);
            assertThat(empty.resolve("VERSION")).isRegularFile();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void exportRulesAcceptsAPathThatNormalizesToTheDirectory(@TempDir Path temp) throws IOException {
        Path target = temp.resolve("rules");
        Files.createDirectories(target);
        CliRun run = CliRun.real("", "export-rules", target + "/./.");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(regularFiles(target)).isEqualTo(17);
    }

    // B9
    @Test
    void aLatin1ByteInARuleSetFileIsAProblemOfTheRuleSet(@TempDir Path temp) throws IOException {
        Path rules = temp.resolve("rules");
        assertThat(CliRun.real("", "export-rules", rules.toString()).status()).isZero();
        Path regimes = rules.resolve("data/regimes.csv");
        String text = Files.readString(regimes, StandardCharsets.UTF_8);
        int at = text.indexOf("REGULATORY,2017-01-19");
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'#', ' ', 'r', (byte) 0xE9, 'g', 'i', 'm', 'e', '\n'});
        bytes.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        Files.write(regimes, bytes.toByteArray());

        CliRun run = CliRun.real("", "check", rules.toString());
        assertThat(run.err()).doesNotContain("cannot check").doesNotContain("MalformedInput");
        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(ExitStatus.REJECTED);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("data/regimes.csv:" + line + ": not UTF-8"));
    }
}
