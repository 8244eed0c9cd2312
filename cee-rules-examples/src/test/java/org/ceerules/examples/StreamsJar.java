package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: the streaming router's runnable jar run as users run it, {@code java -jar
 * target/cee-rules-streams.jar}, in a process of its own whose standard output and standard error
 * go to files; for the tests that start it, signal it and read what it said ({@code StreamsJarIT},
 * {@code StreamsSignalsIT}).
 */
final class StreamsJar {

    /** The jar, as {@code mvn package} builds it; {@code -Dcee.streams.jar=PATH} for another. */
    static final Path JAR = Path.of(System.getProperty("cee.streams.jar", "target/cee-rules-streams.jar"));
    /** How long to wait for the process to say it runs, and for it to end. */
    static final long TIMEOUT_SECONDS = 120;

    private final Process process;
    private final Path out;
    private final Path err;

    private StreamsJar(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Fails, saying to build it, when the jar is not there. */
    static void assertBuilt() {
        assertThat(JAR).as("the streams jar; run mvn package first").isRegularFile();
    }

    /**
     * Starts the jar.
     *
     * @param folder where its standard output and standard error go ({@code out}, {@code err})
     * @param args   its arguments
     * @return the process, started
     * @throws IOException if it cannot be started
     */
    static StreamsJar start(Path folder, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = folder.resolve("out");
        Path err = folder.resolve("err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new StreamsJar(process, out, err);
    }

    /**
     * Starts the jar with a real client, against a free port where no broker listens (none is
     * needed to start), with a state directory in {@code folder} and an application id of its own.
     *
     * @param folder        where the configuration, the state and the output go
     * @param applicationId the start of the application id; the port is added
     * @param properties    more lines of the configuration file, {@code key=value}
     * @return the process, started
     * @throws IOException if the configuration cannot be written or the process started
     */
    static StreamsJar startClient(Path folder, String applicationId, String... properties) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StringBuilder text = new StringBuilder("state.dir=")
                .append(folder.resolve("state").toString().replace("\\", "\\\\")).append('\n');
        for (String property : properties) {
            text.append(property).append('\n');
        }
        Path config = Files.writeString(folder.resolve("streams.properties"), text, StandardCharsets.UTF_8);
        return start(folder, "--config", config.toString(), "--bootstrap-servers", "127.0.0.1:" + port,
                "--application-id", applicationId + "-" + port);
    }

    /**
     * Waits until the router says it is running: its shutdown hook is in place, a signal may be
     * sent. Fails, with what it said, if it ended or the wait timed out before.
     *
     * @throws IOException          if standard error cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    void awaitRunning() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!Files.readString(err, StandardCharsets.UTF_8).contains("cee-rules: running: ")
                && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as(this::stderr).isTrue();
    }

    /**
     * Sends a signal to the process.
     *
     * @param name the signal's name, such as {@code INT} or {@code TERM}
     * @throws IOException          if {@code kill} cannot be run
     * @throws InterruptedException if interrupted while waiting for {@code kill}
     */
    void signal(String name) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor())
                .as("kill -%s", name).isZero();
    }

    /** Asks the process to stop, as {@link Process#destroy()} does: SIGTERM on Linux and macOS. */
    void terminate() {
        process.destroy();
    }

    /**
     * Waits for the process to end; fails if it does not within the timeout.
     *
     * @return its exit status
     * @throws InterruptedException if interrupted while waiting
     */
    int awaitExit() throws InterruptedException {
        assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the process ended").isTrue();
        return process.exitValue();
    }

    /** @return what it wrote to standard error so far, or why that cannot be read */
    String stderr() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + err + ": " + e + ")";
        }
    }

    /**
     * @return how many bytes it wrote to standard output
     * @throws IOException if the file cannot be read
     */
    long stdoutBytes() throws IOException {
        return Files.size(out);
    }
}
