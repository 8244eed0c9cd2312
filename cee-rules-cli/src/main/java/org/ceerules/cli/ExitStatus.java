package org.ceerules.cli;

/** The exit statuses of the CLI contract (README, "CLI"), which the streaming router keeps too. Not instantiable. */
public final class ExitStatus {

    /** Every request was routed. */
    public static final int ROUTED = 0;
    /** At least one request was rejected; its error object is in the output, in place. */
    public static final int REJECTED = 1;
    /** A usage error, an input that cannot be read, or a knowledge base that fails to load. */
    public static final int FAILED = 2;

    private ExitStatus() {
    }
}
