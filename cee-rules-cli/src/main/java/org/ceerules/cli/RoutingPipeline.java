package org.ceerules.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import org.ceerules.api.Violation;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.ReadResult;
import org.ceerules.json.RequestStream;
import org.ceerules.json.LineRouter;

/**
 * The batch path of {@code route} and {@code explain}, on every core and in input order.
 *
 * <p>The calling thread splits the input into requests ({@link RequestStream#nextUnread()}); a
 * pool of workers, one per core, reads each request (JSON mapping and validation), routes it and
 * writes its line; one output thread hands the lines to the output in input order. Memory stays
 * flat however long the input: at most {@value #MAX_IN_FLIGHT} requests, holding at most {@value
 * #MAX_IN_FLIGHT_CHARS} characters of input between them, are between the splitting and the
 * output at a time; the splitting waits for the output beyond that. Their lines, once routed, hold
 * about {@value #MAX_IN_FLIGHT_OUTPUT_BYTES} bytes at most: beyond that a worker waits with its
 * line until the output takes some, but the worker of the next line to go out never waits (an
 * error object is bounded too: {@link JsonResultWriter#MAX_PROBLEMS_OF_A_KIND}).
 *
 * <p>The output gets whole lines only, in writes of about {@value JsonResultWriter#CHUNK} bytes,
 * and everything written so far whenever the output thread would otherwise wait for the next line
 * (a slow input): a line is out as soon as it is routed and the lines before it are out. When the
 * output fails (a closed pipe: {@code | head -1}), the run stops: no more input is read or routed.
 *
 * <p>Used once, by one thread.
 */
final class RoutingPipeline {

    /** How many requests may be between the splitting and the output at a time. */
    static final int MAX_IN_FLIGHT = 512;
    /** How many characters of input those requests may hold between them (a line has at most 1 MiB). */
    static final int MAX_IN_FLIGHT_CHARS = 4 << 20;

    /** How many bytes of routed lines may wait for the output, about (the line next to go out may pass it). */
    static final int MAX_IN_FLIGHT_OUTPUT_BYTES = 8 << 20;

    /** What the output thread needs of one request: its line, and what it says of the run. */
    private record Outcome(byte[] line, boolean rejected, Optional<String> internalError) {
    }

    private static final Outcome END = new Outcome(new byte[0], false, Optional.empty());

    private final Function<RoutingRequest, RoutingResult> router;
    private final boolean explains;
    private final Console console;
    private final Semaphore chars = new Semaphore(MAX_IN_FLIGHT_CHARS);
    private final BlockingQueue<Future<Outcome>> inFlight = new ArrayBlockingQueue<>(MAX_IN_FLIGHT);
    private final ThreadLocal<LineRouter> lines = ThreadLocal.withInitial(this::lineRouter);
    /** Guards {@link #waitingBytes} and {@link #written}; signalled when a line is written or the run stops. */
    private final ReentrantLock output = new ReentrantLock();
    private final Condition room = output.newCondition();
    /** Bytes of routed lines not yet written. */
    private long waitingBytes;
    /** How many requests' lines the output thread has written: the next to go out is this one. */
    private long written;

    /** Set by the output thread: why the run stopped before the end of the input. */
    private volatile Throwable stopped;
    private boolean rejected;
    private int internalErrors;

    /**
     * @param router   routes one request ({@code route} or {@code explain})
     * @param explains whether decisions are written with the rules that fired
     * @param console  where diagnostics go
     */
    RoutingPipeline(Function<RoutingRequest, RoutingResult> router, boolean explains, Console console) {
        this.router = router;
        this.explains = explains;
        this.console = console;
    }

    /** The run's end: the exit status, or why it failed. */
    sealed interface Result {
        /** Every request was routed or rejected and its line written. @param status the exit status */
        record Done(int status) implements Result {
        }

        /** The input could not be read; the lines of the requests read before are written. @param cause why */
        record InputFailed(IOException cause) implements Result {
        }

        /** The output could not be written: the run stopped. @param cause why */
        record OutputFailed(IOException cause) implements Result {
        }

        /** The knowledge base failed while routing. @param cause why */
        record KnowledgeBaseFailed(KnowledgeBaseException cause) implements Result {
        }

        /**
         * The run stopped on a fault of its own, not of a request: an error that leaves the JVM
         * unusable ({@link LineRouter#isFatal}: out of memory), or a failure outside the routing of
         * a request. The lines written before it are whole. @param cause why
         */
        record Aborted(Throwable cause) implements Result {
        }
    }

    /**
     * Routes every request of {@code requests} and writes its line to {@code out}, in order.
     *
     * @param requests the input
     * @param out      the output; flushed at the end
     * @return how the run ended
     */
    Result run(RequestStream requests, JsonResultWriter out) {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemons("cee-rules-router-"));
        Thread output = daemons("cee-rules-output").newThread(() -> writeInOrder(out));
        output.start();
        IOException inputFailure = null;
        try {
            Optional<RequestStream.Unread> next;
            long sequence = 0;
            while (stopped == null && (next = requests.nextUnread()).isPresent()) {
                RequestStream.Unread request = next.get();
                int held = Math.min(request.length(), MAX_IN_FLIGHT_CHARS);
                chars.acquire(held);
                long position = sequence++;
                Future<Outcome> outcome = pool.submit(() -> {
                    Outcome routed;
                    try {
                        routed = route(request);
                    } finally {
                        chars.release(held);
                    }
                    awaitRoom(position, routed.line().length);
                    return routed;
                });
                inFlight.put(outcome);
            }
        } catch (IOException e) {
            inputFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = e;
        } finally {
            // the output thread ends at END, after every line before it, or at once if it stopped
            endOutput();
            join(output);
            pool.shutdownNow();
        }
        return result(inputFailure);
    }

    private Result result(IOException inputFailure) {
        Throwable failure = stopped;
        if (failure instanceof IOException e) {
            return new Result.OutputFailed(e);
        }
        if (failure instanceof KnowledgeBaseException e) {
            return new Result.KnowledgeBaseFailed(e);
        }
        if (failure instanceof InterruptedException) {
            throw new IllegalStateException("the run was interrupted", failure);
        }
        if (failure != null) {
            return new Result.Aborted(failure);
        }
        if (inputFailure != null) {
            return new Result.InputFailed(inputFailure);
        }
        if (internalErrors > 0) {
            return new Result.Done(ExitStatus.FAILED);
        }
        return new Result.Done(rejected ? ExitStatus.REJECTED : ExitStatus.ROUTED);
    }

    /** On a worker: reads, routes and writes one request. */
    private Outcome route(RequestStream.Unread unread) throws IOException {
        LineRouter.Line line = lines.get().route(unread.read());
        return new Outcome(line.bytes(), line.rejected(), line.internalError());
    }

    /**
     * On a worker, with its request's line: waits while the lines waiting for the output hold
     * {@value #MAX_IN_FLIGHT_OUTPUT_BYTES} bytes or more, unless the line is the next to go out (so
     * the output always has a line to write, and the waits end), then counts the line in.
     */
    private void awaitRoom(long position, int bytes) throws InterruptedException {
        output.lock();
        try {
            while (stopped == null && position != written && waitingBytes + bytes > MAX_IN_FLIGHT_OUTPUT_BYTES) {
                room.await();
            }
            waitingBytes += bytes;
        } finally {
            output.unlock();
        }
    }

    /** On the output thread: a line is written, its bytes wait no more. */
    private void lineWritten(int bytes) {
        output.lock();
        try {
            waitingBytes -= bytes;
            written++;
            room.signalAll();
        } finally {
            output.unlock();
        }
    }

    /** On the output thread: each request's line, in input order, until END or a failure. */
    private void writeInOrder(JsonResultWriter out) {
        try {
            while (true) {
                Future<Outcome> next = inFlight.poll();
                if (next == null || !next.isDone()) {
                    out.flush(); // about to wait: what is routed goes out now
                    if (next == null) {
                        next = inFlight.take();
                    }
                }
                Outcome outcome = next.get();
                if (outcome == END) {
                    out.flush();
                    return;
                }
                out.writeLines(outcome.line());
                lineWritten(outcome.line().length);
                rejected |= outcome.rejected();
                if (outcome.internalError().isPresent()) {
                    internalErrors++;
                    console.diagnostic(outcome.internalError().get());
                }
            }
        } catch (ExecutionException e) {
            stop(e.getCause());
        } catch (IOException | RuntimeException | Error e) {
            stop(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(e);
        }
    }

    private void stop(Throwable why) {
        stopped = why;
        // the splitting may wait for room: make some, the futures are not needed any more
        inFlight.clear();
        chars.release(MAX_IN_FLIGHT_CHARS);
        output.lock();
        try {
            room.signalAll(); // the workers waiting for the output wait no more
        } finally {
            output.unlock();
        }
    }

    private void endOutput() {
        Future<Outcome> end = CompletableFuture.completedFuture(END);
        try {
            while (stopped == null && !inFlight.offer(end, 10, TimeUnit.MILLISECONDS)) {
                // the output thread is writing: wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = e;
        }
    }

    private void join(Thread output) {
        try {
            output.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = e;
        }
    }

    private LineRouter lineRouter() {
        try {
            return new LineRouter(router, explains);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a JSON generator", e);
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + (prefix.endsWith("-") ? count.incrementAndGet() : ""));
            thread.setDaemon(true);
            return thread;
        };
    }
}
