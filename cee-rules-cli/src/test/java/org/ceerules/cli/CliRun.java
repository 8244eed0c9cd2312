package org.ceerules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.json.JsonTree;

/**
 * One run of the command line through {@link Main#run}: its exit status, standard output and
 * standard error.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
record CliRun(int status, String out, String err) {

    static CliRun run(String stdin, String... args) {
        return run(Routers::defaultRouter, stdin, args);
    }

    /** Through the public entry point: {@code --rules DIR} loads the rule set in DIR. */
    static CliRun real(String stdin, String... args) {
        return run(null, stdin, args);
    }

    static CliRun run(Supplier<Router> routers, String stdin, String... args) {
        return run(routers, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** With standard input as bytes, which need not be UTF-8. */
    static CliRun run(byte[] stdin, String... args) {
        return run(Routers::defaultRouter, stdin, args);
    }

    private static CliRun run(Supplier<Router> routers, byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            ByteArrayInputStream in = new ByteArrayInputStream(stdin);
            status = routers == null ? Main.run(args, in, outStream, errStream)
                    : Main.run(args, in, outStream, errStream, routers);
        }
        CliRun run = new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(run.err()).as("standard error never holds a stack trace").doesNotContain("\tat ")
                .doesNotContain("Exception in thread");
        return run;
    }

    /** Standard output as JSON Lines: every line must be a JSON object. */
    List<Map<String, Object>> lines() {
        return JsonTree.lines(out);
    }
}
