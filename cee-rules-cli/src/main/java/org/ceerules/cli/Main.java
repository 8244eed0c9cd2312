package org.ceerules.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.cli.report.ReportCommand;
import picocli.CommandLine;
import org.ceerules.json.LineRouter;

/**
 * The {@code cee-rules} command line:
 * <pre>
 * cee-rules route   [--as-of yyyy-MM-dd] [FILE|-]
 * cee-rules explain [--as-of yyyy-MM-dd] [FILE|-]
 * cee-rules centers [--rules DIR]
 * cee-rules lookup  [--as-of yyyy-MM-dd] [--rules DIR] HTS...
 * cee-rules check   DIR
 * cee-rules test-cases [--rules DIR] [--require-coverage] [--junit-xml FILE] DIR
 * cee-rules export-rules DIR
 * cee-rules serve   [--host HOST] [--port PORT] [--rules DIR] [limits]
 * cee-rules report [--rules DIR] [--cases DIR] --out DIR
 * cee-rules help [COMMAND]
 * cee-rules generate-completion
 * </pre>
 * {@code route} and {@code explain} take {@code --rules DIR} too.
 * See the package documentation for the contract. {@link #run} is the entry point for tests and
 * for hosts that embed the command line; {@link #main} calls it and exits with its status.
 *
 * <p>Stateless and thread-safe, but each run uses the streams it is given.
 */
public final class Main {

    private Main() {
    }

    /**
     * The model of the whole command line, every command with its options, for the tools that
     * document it: the man pages of the distribution are generated from it at build time. Nothing
     * is run and no router is built.
     *
     * @return the top command's model, its subcommands included
     */
    public static CommandLine.Model.CommandSpec spec() {
        Console console = new Console(InputStream.nullInputStream(), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), rules -> {
                    throw new IllegalStateException("the command line's model builds no router");
                });
        return commandLine(console, new PrintWriter(Writer.nullWriter())).getCommandSpec();
    }

    /**
     * The command line of {@code console}: the commands, then {@code help} and
     * {@code generate-completion}. Help, version and usage errors go to {@code diagnostics}
     * (standard output is for JSON).
     */
    private static CommandLine commandLine(Console console, PrintWriter diagnostics) {
        return console.commandLine(new CeeRulesCommand(), diagnostics,
                new RouteCommand(console), new ExplainCommand(console), new CentersCommand(console),
                new SourcesCommand(console),
                new LookupCommand(console), new CheckCommand(console), new TestCasesCommand(console),
                new ExportRulesCommand(console), new ReportCommand(console), new SubjectCommand(console),
                new TeamCommand(console), new AssignCommand(console), new ServeCommand(console),
                new CommandLine.HelpCommand(), new CompletionCommand(console));
    }

    /**
     * Runs the command line and exits the JVM with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // whole lines only reach standard output; a reader that closed it ends the process quietly (status 2)
        PrintStream out = new PrintStream(new WholeLineOutput(new FileOutputStream(FileDescriptor.out), () -> {
            System.err.flush();
            Runtime.getRuntime().halt(ExitStatus.FAILED);
        }), false, StandardCharsets.UTF_8);
        // a thread that is not the run's own (the run catches its own): one line, status 2, no stack trace
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println("cee-rules: " + (LineRouter.isFatal(e) ? "the JVM cannot go on" : "internal error")
                    + " in thread " + thread.getName() + ": " + Console.describe(e));
            System.err.flush();
            Runtime.getRuntime().halt(ExitStatus.FAILED);
        });
        int status = run(args, System.in, out, System.err);
        out.flush();
        System.exit(status);
    }

    /**
     * Runs the command line with the default router ({@link Routers#defaultRouter()}).
     *
     * @param args the arguments
     * @param in   standard input, read by {@code route -} and {@code explain -}; not closed
     * @param out  standard output: JSON Lines only; not closed
     * @param err  standard error: help, usage errors and diagnostics; not closed
     * @return the exit status: 0 every request routed, 1 at least one rejected, 2 usage error,
     *         unreadable input, unwritable output, an internal error of the router or a knowledge
     *         base that fails to load
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, Console::routerOf);
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream)} with the router from {@code routers}, whatever {@code --rules} says. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Supplier<Router> routers) {
        return run(args, in, out, err, rules -> routers.get());
    }

    /** {@link #run(String[], InputStream, PrintStream, PrintStream)} with the router of {@code routers} for {@code --rules}. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err,
                   Function<Optional<Path>, Router> routers) {
        Objects.requireNonNull(args, "args");
        Console console = new Console(in, out, err, routers);
        PrintWriter diagnostics = new PrintWriter(err, true);
        CommandLine commandLine = commandLine(console, diagnostics);
        try {
            int status;
            try {
                status = commandLine.execute(args);
            } catch (RuntimeException | Error e) {
                // picocli hands on what is not an Exception (an OutOfMemoryError, a StackOverflowError
                // outside the routing of a request): one line, status 2, never a stack trace
                console.aborted(e);
                out.flush();
                return ExitStatus.FAILED;
            }
            out.flush();
            if (out.checkError()) {
                // a PrintStream hides write errors: a decision that was not written is not routed
                console.diagnostic("cannot write standard output: the output is incomplete");
                return ExitStatus.FAILED;
            }
            return status;
        } finally {
            diagnostics.flush();
        }
    }
}
