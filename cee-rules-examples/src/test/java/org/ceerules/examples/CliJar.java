package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: the command line's runnable jar run as users run it, {@code java -jar
 * target/cee-rules.jar}, and any other program run beside it; for the tests that serve it and
 * compare what it answers ({@code ServeJarIT}, {@code OtherLanguagesIT}).
 */
final class CliJar {

    /** The jar, as {@code mvn package} builds it; {@code -Dcee.cli.jar=PATH} for another. */
    static final Path JAR = Path.of(System.getProperty("cee.cli.jar", "target/cee-rules.jar"));
    /** How long to wait for a process to end: a guard against a hung run, not a measure. */
    static final long TIMEOUT_SECONDS = 300;

    private static final Pattern LISTENING = Pattern.compile("^listening on (http://127\\.0\\.0\\.1:[0-9]+/)$");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CliJar() {
    }

    /** Fails, saying to build it, when the jar is not there. */
    static void assertBuilt() {
        assertThat(JAR).as("the shaded jar; run mvn package first").isRegularFile();
    }

    /** @return the {@code java} of the JVM running the tests */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** @return the command that runs the jar with these arguments: {@code java -jar JAR ARGS} */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** What a program that ran wrote, and its exit status. */
    record Ran(int status, String out, String err) {
    }

    /**
     * Runs a program to its end, its standard input empty.
     *
     * @param command the program and its arguments
     * @return its exit status, standard output and standard error (UTF-8)
     * @throws IOException if it cannot be started or its output read
     */
    static Ran run(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("cee-rules-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end: " + command);
            }
            return new Ran(process.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** A served jar, {@code serve --port 0}: the process, and standard error read line by line. */
    record Served(Process process, BufferedReader err, URI uri, List<String> lines) {

        /** Starts {@code serve --port 0} and returns once it says where it listens. */
        static Served start() throws IOException {
            Process process = new ProcessBuilder(command("serve", "--port", "0"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
                Matcher matcher = LISTENING.matcher(line);
                if (matcher.matches()) {
                    return new Served(process, err, URI.create(matcher.group(1)), lines);
                }
            }
            throw new AssertionError("serve ended without listening: " + lines);
        }

        /** Waits until {@code /readyz} no longer says the knowledge base is being built; asserts it is ready. */
        void awaitReady() throws IOException, InterruptedException {
            HttpResponse<String> ready;
            do {
                ready = CLIENT.send(HttpRequest.newBuilder(uri.resolve("readyz")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } while (ready.statusCode() == 503 && ready.body().contains("starting"));
            assertThat(ready.statusCode()).as("/readyz: %s", ready.body()).isEqualTo(200);
        }

        /** Sends a signal, {@code TERM} or {@code INT}, by {@code kill}; {@code destroy()} would close the streams read here. */
        void signal(String name) throws IOException, InterruptedException {
            assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor())
                    .isZero();
        }

        /** Waits for the end, reading the rest of standard error. */
        int end() throws IOException, InterruptedException {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("serve did not stop: " + lines);
            }
            return process.exitValue();
        }
    }
}
