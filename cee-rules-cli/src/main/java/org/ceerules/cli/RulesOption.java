package org.ceerules.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --rules DIR}: the rule set to route with, instead of the embedded one; a picocli mixin of
 * the CLI's commands and of the streaming router.
 *
 * <p>Mutable (picocli sets it); not thread-safe.
 */
public final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rule set in DIR (laid out as `export-rules` writes it) instead of the embedded one. "
                    + "A rule set is code: its DRL runs Java when it is compiled and when it routes. Use only a rule "
                    + "set you trust as you would a dependency.")
    private Path directory;

    /** @return the directory given, or empty for the embedded rule set */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }
}
