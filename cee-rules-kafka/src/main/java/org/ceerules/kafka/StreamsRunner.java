package org.ceerules.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.cli.Console;
import org.ceerules.cli.ExitStatus;

/**
 * Runs a Kafka Streams client until it is stopped or fails.
 *
 * <p>Stopped: a shutdown hook (SIGINT, SIGTERM) closes the client, which finishes the records in
 * hand, commits them (under exactly-once: commits the open transaction) and leaves the group. The
 * JVM then exits with the signal's status, 128 + the signal: 143 for SIGTERM, 130 for SIGINT (the
 * status {@link #runUntilStopped} returns is not the process's then: the JVM is already exiting).
 * Stopped by {@link #stop()} without a signal (an embedding, a test): status 0.
 * Failed: an exception escaped a stream thread (a knowledge base that failed while routing, a record
 * that could not be produced, a broker error Kafka does not retry): the client is shut down
 * ({@code SHUTDOWN_CLIENT}; under exactly-once the failed transaction is aborted, so the records of
 * it are routed again when the application restarts), the failure is reported on stderr, status 2.
 * Nothing is dropped and nothing is skipped: a failure stops this instance instead.
 *
 * <p>Used once, from one thread; {@link #stop()} from any.
 */
final class StreamsRunner {

    /** How long closing may take: the records in hand, the commit, leaving the group. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final Console console;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable failure;

    StreamsRunner(KafkaStreams streams, Console console) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * Starts the client and waits until it is stopped or fails.
     *
     * @param shutdownHooks where the thread that stops the client is registered (the runtime's shutdown hooks)
     * @return the exit status: 0 stopped by {@link #stop()}, 2 failed (stopped by a signal, the JVM
     *         exits with 128 + the signal instead)
     */
    int runUntilStopped(Consumer<Thread> shutdownHooks) {
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                ended.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            failure = e;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        shutdownHooks.accept(new Thread(this::stop, "cee-rules-streams-shutdown"));
        // from here a SIGTERM or SIGINT closes the client cleanly: say so (a signal before this line
        // ends the JVM before the client started)
        console.diagnostic("running: SIGTERM or SIGINT stops it cleanly");
        try {
            streams.start();
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            streams.close(CLOSE_TIMEOUT);
        }
        Throwable failed = failure;
        if (failed == null) {
            return ExitStatus.ROUTED;
        }
        KnowledgeBaseException knowledgeBase = knowledgeBase(failed);
        if (knowledgeBase != null) {
            console.reportKnowledgeBase(knowledgeBase);
        } else {
            console.diagnostic("stopped by a failure: " + Console.describe(failed));
        }
        return ExitStatus.FAILED;
    }

    /** Closes the client: the records in hand are finished and committed. Returns when it is closed. */
    void stop() {
        console.diagnostic("stopping: closing the Kafka Streams client");
        boolean closed = streams.close(CLOSE_TIMEOUT);
        console.diagnostic(closed ? "stopped" : "stopped: the client did not close within " + CLOSE_TIMEOUT.toSeconds()
                + " s; what it did not commit is routed again after a restart");
    }

    private static KnowledgeBaseException knowledgeBase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof KnowledgeBaseException e) {
                return e;
            }
        }
        return null;
    }
}
