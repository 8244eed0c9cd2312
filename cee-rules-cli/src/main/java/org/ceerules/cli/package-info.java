/**
 * The {@code cee-rules} command line, built with picocli:
 * <pre>
 * cee-rules route   [--as-of yyyy-MM-dd] [FILE|-]   one JSON request, or JSON Lines, in; JSON Lines out
 * cee-rules explain [--as-of yyyy-MM-dd] [FILE|-]   the same, plus every rule that fired, in order
 * cee-rules centers                                 the ten Centers and their reference data
 * </pre>
 * Exit status: 0 when every request was routed, 1 when at least one was rejected (its error
 * object is in the output, in place), 2 for a usage error, an unreadable input or a knowledge
 * base that fails to load. Only JSON goes to standard output; help, usage errors and
 * diagnostics go to standard error. {@link org.ceerules.cli.Main#run} is the testable
 * entry point.
 */
package org.ceerules.cli;
