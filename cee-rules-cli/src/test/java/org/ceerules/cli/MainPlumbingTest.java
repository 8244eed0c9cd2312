package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;
import org.ceerules.testing.Requests;
import org.ceerules.testing.ThrowingRouter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line's handling of a router that cannot start or that fails: exit status 2 or an
 * error in place, never a stack trace. The routers here are stand-ins that only fail; routing
 * itself is tested with the real router in {@link MainTest}.
 */
class MainPlumbingTest {

    private static final KnowledgeBaseException BROKEN = new KnowledgeBaseException(List.of(
            new KnowledgeBaseProblem("data/center-timeline.csv", 12, "unknown Center code 011"),
            new KnowledgeBaseProblem("drl/routing.drl", 0, "rule \"x\" does not compile")));

    private static Supplier<Router> failing(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    private static Supplier<Router> failing(Error e) {
        return () -> {
            throw e;
        };
    }

    /** A router whose every call fails with {@code e}: a stand-in for a broken implementation. */
    private static Router throwing(RuntimeException e) {
        return new ThrowingRouter(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "explain", "centers"})
    void aKnowledgeBaseThatFailsToLoadExitsTwoWithEveryProblemOnItsOwnLine(String command) {
        CliRun run = CliRun.run(failing(BROKEN), Requests.VALID + "\n", command);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "cee-rules: the knowledge base failed to load, 2 problem(s):",
                "data/center-timeline.csv:12: unknown Center code 011",
                "drl/routing.drl: rule \"x\" does not compile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "centers"})
    void aKnowledgeBaseFailingInAStaticInitializerIsReportedTheSameWay(String command) {
        ExceptionInInitializerError error = new ExceptionInInitializerError(BROKEN);
        CliRun run = CliRun.run(failing(error), Requests.VALID + "\n", command);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(3).contains("data/center-timeline.csv:12: unknown Center code 011");
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "centers"})
    void noRouterOnTheClassPathExitsTwo(String command) {
        CliRun run = CliRun.run(failing(new IllegalStateException("no org.ceerules.api.Router implementation found")),
                "", command);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no org.ceerules.api.Router implementation found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "explain"})
    void aKnowledgeBaseFailingLazilyOnTheFirstRequestExitsTwo(String command) {
        CliRun run = CliRun.run(() -> throwing(BROKEN), Requests.VALID + "\n", command);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).contains("drl/routing.drl: rule \"x\" does not compile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "explain"})
    void aRouterThatThrowsGivesAnErrorInPlaceTheOtherLinesAreStillWrittenAndTheRunFails(String command) {
        CliRun run = CliRun.run(() -> throwing(new IllegalStateException("bug")),
                Requests.VALID + "\nnot JSON\n" + Requests.VALID + "\n", command);

        // a fault of the router is not a fault of the input: exit status 2, not 1
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.lines()).hasSize(3).allSatisfy(line -> assertThat(line).containsOnlyKeys("errors"));
        assertThat(run.out()).contains("internal error of the router: IllegalStateException: bug");
        assertThat(run.err()).contains("internal error of the router").contains("345-6789012-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"route --as-of 2016-99-01", "route --as-of", "nonsense", "route a b"})
    void usageErrorsNeverStartTheRouter(String args) {
        boolean[] started = {false};
        CliRun run = CliRun.run(() -> {
            started[0] = true;
            throw BROKEN;
        }, "", args.split(" "));

        assertThat(run.status()).isEqualTo(2);
        assertThat(started[0]).isFalse();
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "centers"})
    void anUnwritableStandardOutputFailsTheRunInsteadOfExitingZero(String command) {
        java.io.PrintStream broken = new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        }, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        String[] args = command.equals("centers") ? new String[] {command} : new String[] {command, "-"};
        int status = Main.run(args,
                new java.io.ByteArrayInputStream((Requests.VALID + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                broken, new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("cannot write standard output");
    }

    @org.junit.jupiter.api.Test
    void anArgumentStartingWithAtIsAFileNameNotAnArgumentFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("@requests.jsonl");
        java.nio.file.Files.writeString(file, Requests.VALID + "\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = Main.run(new String[] {"route", file.toString()}, java.io.InputStream.nullInputStream(),
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("345-6789012-3");
    }
}
