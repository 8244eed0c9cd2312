package org.ceerules.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;

/**
 * What a command works with: its standard streams and where its router comes from. Reports the
 * failure to get a router on {@code err}, one problem per line, without a stack trace.
 *
 * <p>Immutable; the streams are shared with the caller.
 *
 * @param in      standard input
 * @param out     standard output: JSON only
 * @param err     standard error: diagnostics
 * @param routers where the router comes from, given the rule set directory of {@code --rules} or
 *                empty for the embedded rule set; called at most once per command
 */
record Console(InputStream in, PrintStream out, PrintStream err, Function<Optional<Path>, Router> routers) {

    static final String PROGRAM = "cee-rules";
    /** The FILE argument that means standard input. */
    static final String STDIN = "-";

    Console {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(routers, "routers");
    }

    /**
     * @param rules the rule set directory of {@code --rules}; empty for the embedded rule set
     * @return the router, or empty after reporting on {@code err} why there is none
     */
    /**
     * Opens a command's input as bytes (the readers decode each line themselves, so that a line
     * that is not UTF-8 is reported in place). Standard input belongs to the caller: closing what
     * this returns for it leaves it open.
     *
     * @param file a file, or {@value #STDIN} for standard input
     * @return the input, or empty after reporting on {@code err} why it cannot be read
     */
    Optional<InputStream> open(String file) {
        if (STDIN.equals(file)) {
            return Optional.of(new FilterInputStream(in) {
                @Override
                public void close() {
                    // left open on purpose
                }
            });
        }
        try {
            return Optional.of(Files.newInputStream(Path.of(file)));
        } catch (NoSuchFileException e) {
            diagnostic("cannot read " + file + ": no such file");
        } catch (IOException | InvalidPathException e) {
            diagnostic("cannot read " + file + ": " + describe(e));
        }
        return Optional.empty();
    }

    Optional<Router> router(Optional<Path> rules) {
        try {
            return Optional.of(routers.apply(rules));
        } catch (KnowledgeBaseException e) {
            reportKnowledgeBase(e);
        } catch (IllegalArgumentException e) {
            diagnostic("cannot read the rule set: " + e.getMessage());
        } catch (ExceptionInInitializerError e) {
            // a static initializer that failed: report its cause, which is the real problem
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof KnowledgeBaseException kb) {
                reportKnowledgeBase(kb);
            } else {
                diagnostic("cannot start the router: " + describe(cause));
            }
        } catch (RuntimeException | LinkageError e) {
            diagnostic("cannot start the router: " + describe(e));
        }
        return Optional.empty();
    }

    /** Each problem of a knowledge base that failed to load, on its own line. */
    void reportKnowledgeBase(KnowledgeBaseException e) {
        diagnostic("the knowledge base failed to load, " + e.problems().size() + " problem(s):");
        for (KnowledgeBaseProblem problem : e.problems()) {
            err.println(problem);
        }
    }

    /** One line on standard error, prefixed with the program's name. */
    void diagnostic(String message) {
        err.println(PROGRAM + ": " + message);
    }

    /** A throwable and its causes on one line, without a stack trace. */
    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable current = e;
        for (int depth = 0; current != null && depth < 5; depth++) {
            if (depth > 0) {
                text.append("; caused by ");
            }
            String message = current.getMessage();
            text.append(current.getClass().getSimpleName());
            if (message != null) {
                text.append(": ").append(message.replace('\n', ' '));
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return text.toString();
    }
}
