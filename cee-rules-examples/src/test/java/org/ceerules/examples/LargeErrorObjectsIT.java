package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ceerules.json.JsonTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ceerules.testing.Requests;

/**
 * The runnable jar with a 64 MiB heap, 1,000 requests whose error objects would each be 224 KB if
 * every problem were named (an entry of 999 lines, each the number 1), and a reader that pauses
 * before it reads: what waits for the output is bounded, and so is each error object.
 */
class LargeErrorObjectsIT {

    private static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));
    private static final long TIMEOUT_SECONDS = 180;
    private static final int COUNT = 1_000;

    @BeforeAll
    static void theJarIsBuilt() {
        assertThat(JAR).as("the shaded jar; run mvn package first").isRegularFile();
    }

    @Test
    void aThousandLargeErrorObjectsThroughAPausingReaderIn64MiB(@TempDir Path dir) throws Exception {
        String ones = Requests.with("entrySummary.lines", "[" + "1,".repeat(998) + "1]");
        assertThat(ones.length()).isBetween(2_000, 2_500);
        Path input = dir.resolve("ones.jsonl");
        Files.writeString(input, (ones + "\n").repeat(COUNT));
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", JAR.toString(), "route", input.toString())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(input.toFile())).start();
        process.getOutputStream().close();

        // the reader pauses: everything the run routes meanwhile waits for it
        Thread.sleep(10_000);
        byte[] out = readAll(process.getInputStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the run did not end within " + TIMEOUT_SECONDS + " s");
        }

        assertThat(Files.readString(err)).isEmpty();
        assertThat(process.exitValue()).isEqualTo(1);
        List<Map<String, Object>> lines = JsonTree.lines(new String(out, StandardCharsets.UTF_8));
        assertThat(lines).hasSize(COUNT).allSatisfy(line -> assertThat(line).containsOnlyKeys("errors"));
        assertThat(out.length / COUNT).as("bytes per error object").isLessThan(8 * 1024);
        assertThat(JsonTree.write(lines.get(COUNT - 1)))
                .contains("and 979 more problems like the above (entrySummary.lines[*].hts)");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
