package org.ceerules.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import org.ceerules.json.LineRouter;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.json.JsonResultWriter;
import org.ceerules.json.Answers;
import picocli.CommandLine;

/**
 * What a command works with: its standard streams and where its router comes from. Reports the
 * failure to get a router on {@code err}, one problem per line, without a stack trace.
 *
 * <p>Immutable; the streams are shared with the caller. Used by the CLI and by the streaming router
 * ({@code org.ceerules.kafka}).
 *
 * @param in      standard input
 * @param out     standard output: JSON only
 * @param err     standard error: diagnostics
 * @param routers where the router comes from, given the rule set directory of {@code --rules} or
 *                empty for the embedded rule set; called at most once per command
 */
public record Console(InputStream in, PrintStream out, PrintStream err, Function<Optional<Path>, Router> routers) {

    /** The program's name, the prefix of every diagnostic. */
    public static final String PROGRAM = "cee-rules";
    /** The FILE argument that means standard input. */
    static final String STDIN = "-";

    /**
     * Validates that every part is present.
     *
     * @param in      standard input
     * @param out     standard output: JSON only
     * @param err     standard error: diagnostics
     * @param routers where the router comes from, given the rule set directory of {@code --rules}
     *                or empty for the embedded rule set
     * @throws NullPointerException if a part is null
     */
    public Console {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(routers, "routers");
    }

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

    /**
     * @param rules the rule set directory of {@code --rules}; empty for the embedded rule set
     * @return the router, or empty after reporting on {@code err} why there is none
     */
    public Optional<Router> router(Optional<Path> rules) {
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

    /**
     * A picocli command line for this console: help, version and usage errors go to {@code
     * diagnostics} (standard output is for data only), an exception that escapes a command is
     * reported as an internal error (status 2), and no argument is read from an @-file.
     *
     * @param command     the top command
     * @param diagnostics standard error, for picocli's own messages
     * @param subcommands its subcommands, if any
     * @return the command line
     */
    public CommandLine commandLine(Object command, PrintWriter diagnostics, Object... subcommands) {
        CommandLine commandLine = new CommandLine(command);
        for (Object subcommand : subcommands) {
            commandLine.addSubcommand(subcommand);
        }
        // set after the subcommands are added, so that they apply to them too
        commandLine.setOut(diagnostics)
                .setErr(diagnostics)
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    diagnostic("internal error: " + describe(e));
                    return ExitStatus.FAILED;
                })
                .setExpandAtFiles(false);
        return commandLine;
    }

    /**
     * Reports on standard error each problem of a knowledge base that failed to load, on its own
     * line, after a diagnostic that counts them.
     *
     * @param e the failure to load the knowledge base
     */
    public void reportKnowledgeBase(KnowledgeBaseException e) {
        diagnostic("the knowledge base failed to load, " + e.problems().size() + " problem(s):");
        for (KnowledgeBaseProblem problem : e.problems()) {
            err.println(problem);
        }
    }

    /**
     * One answer as one line on standard output, flushed: the output of the commands that answer
     * with JSON objects of their own (lookup, team, subject, assign).
     *
     * @param answer the answer, or the error object in its place
     */
    void jsonLine(Answers.Answer answer) {
        byte[] line = answer.line();
        out.write(line, 0, line.length);
        out.flush();
    }

    /** What a listing command writes through the contract's writer. */
    interface Listing {
        /**
         * @param writer the writer of standard output
         * @throws IOException if the output fails
         */
        void write(JsonResultWriter writer) throws IOException;
    }

    /**
     * Writes a listing (the Centers, the sources) as JSON lines on standard output.
     *
     * @param listing what to write
     * @return {@link ExitStatus#ROUTED}, or {@link ExitStatus#FAILED} with a diagnostic if the output failed
     */
    int list(Listing listing) {
        try (JsonResultWriter writer = JsonResultWriter.to(out)) {
            listing.write(writer);
            writer.flush();
            return ExitStatus.ROUTED;
        } catch (IOException e) {
            diagnostic("cannot write: " + describe(e));
            return ExitStatus.FAILED;
        }
    }

    /**
     * The router both entry points build: of the rule set in {@code rules} when given, of the
     * embedded rule set otherwise.
     *
     * @param rules the {@code --rules} directory, if any
     * @return the router
     * @throws org.ceerules.api.KnowledgeBaseException if the rule set fails to load
     */
    public static Router routerOf(Optional<Path> rules) {
        return rules.map(Routers::fromDirectory).orElseGet(Routers::defaultRouter);
    }

    /**
     * Says on standard error that an input could not be read to its end.
     *
     * @param file  the input as the command line named it, {@value #STDIN} for standard input
     * @param cause why
     */
    void cannotRead(String file, Throwable cause) {
        diagnostic("cannot read " + (STDIN.equals(file) ? "standard input" : file) + ": " + describe(cause));
    }

    /**
     * Says on standard error, in one line and without a stack trace, that the run stopped on a
     * fault of its own: an error that leaves the JVM unusable (out of memory), or an internal error.
     *
     * @param cause why
     */
    void aborted(Throwable cause) {
        String what = LineRouter.isFatal(cause) ? "the JVM cannot go on" : "internal error";
        diagnostic(what + ": " + describe(cause) + "; the run stopped, its output is incomplete");
    }

    /**
     * Writes one line on standard error, prefixed with the program's name.
     *
     * @param message the diagnostic, without the prefix
     */
    public void diagnostic(String message) {
        err.println(PROGRAM + ": " + message);
    }

    /**
     * A throwable and its causes on one line, without a stack trace.
     *
     * @param e a throwable
     * @return the class and message of the throwable and of up to four of its causes, line
     *         breaks flattened ({@link LineRouter#describe(Throwable)})
     */
    public static String describe(Throwable e) {
        return LineRouter.describe(e);
    }
}
