package org.ceerules.cli;

/** Test access to the command line from other test packages, through {@link Main#run}. */
public final class CliHarness {

    private CliHarness() {
    }

    /**
     * The outcome of one run.
     *
     * @param status the exit status
     * @param out    standard output
     * @param err    standard error
     */
    public record Result(int status, String out, String err) {
    }

    /**
     * Runs {@code cee-rules route -} on {@code stdin}.
     *
     * @param stdin the input
     * @return the outcome
     */
    public static Result route(String stdin) {
        CliRun run = CliRun.run(stdin, "route", "-");
        return new Result(run.status(), run.out(), run.err());
    }
}
