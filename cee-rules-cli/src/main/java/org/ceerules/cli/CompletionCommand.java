package org.ceerules.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cee-rules generate-completion}: picocli's command, which writes the bash/zsh completion
 * script of the whole command line, writing it on standard output, for {@code source <(cee-rules
 * generate-completion)}; its help and version go to standard error, as every command's do.
 */
@Command(versionProvider = VersionProvider.class)
final class CompletionCommand extends AutoComplete.GenerateCompletion {

    private final Console console;

    @Spec
    private CommandSpec spec;

    CompletionCommand(Console console) {
        this.console = console;
    }

    @Override
    public void run() {
        // \n, never the platform's line separator: bash reads no \r
        console.out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()) + "\n");
        console.out().flush();
    }
}
