package org.ceerules.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cee-rules}: only a holder of the subcommands; without one, a usage error. */
@Command(name = Console.PROGRAM, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Routes the post-release trade work of CBP entry summaries to the Centers of Excellence "
                + "and Expertise, the ports of entry, the Drawback Centers and Regulations and Rulings.",
        footer = {"", "Exit status: 0 every request routed, 1 at least one rejected (its error is in the output, "
                + "in place), 2 usage error, unreadable input or a knowledge base that fails to load.",
                "Standard output carries JSON Lines only (but the reports of check and test-cases and the script of "
                + "generate-completion); help and everything else go to standard error."})
final class CeeRulesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> commands = new ArrayList<>(spec.subcommands().keySet());
        String last = commands.remove(commands.size() - 1);
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing a command: " + String.join(", ", commands) + " or " + last);
    }
}
