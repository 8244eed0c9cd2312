package org.ceerules.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.KnowledgeBaseException;
import org.ceerules.api.KnowledgeBaseProblem;
import org.ceerules.api.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cee-rules check DIR}: loads a rule set as the router would, routing nothing, and reports
 * every problem with its file and line, one per line, on standard output.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check a rule set without routing anything: every data row (dates, half-open ranges, Center "
                + "codes, overlaps and gaps, sources), every DRL file (compile errors), every rule's @cite of the "
                + "bibliography (data/sources.csv). "
                + "Prints every problem as FILE:LINE: MESSAGE, then a summary. Before anything is compiled, a guard "
                + "reads the DRL and refuses imports and names outside the rules' fact classes, eval, reflection, "
                + "System.exit and the like: a rule set it refuses is not compiled and none of its code runs. "
                + "DRL that passes is compiled, and DRL is Java: the guard lowers the risk, it is no sandbox; read "
                + "a rule set from elsewhere as you read a dependency. A set that loads must also route probe "
                + "requests (one per regime and Center), each trade function exactly once.",
        footer = {"%nExit status: 0 the rule set loads, 1 it has problems (the router refuses to start on it, with "
                + "the same report), 2 usage error or DIR is not a directory."})
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The rule set's root directory.")
    private Path directory;

    private final Console console;

    CheckCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            console.diagnostic("not a directory: " + directory);
            return ExitStatus.FAILED;
        }
        Router router;
        try {
            router = console.routers().apply(Optional.of(directory));
        } catch (KnowledgeBaseException e) {
            for (KnowledgeBaseProblem problem : e.problems()) {
                console.out().println(problem);
            }
            console.out().println(directory + ": " + e.problems().size() + " problem(s); the router refuses this "
                    + "rule set");
            console.out().flush();
            return ExitStatus.REJECTED;
        } catch (RuntimeException e) {
            console.diagnostic("cannot check " + directory + ": " + Console.describe(e));
            return ExitStatus.FAILED;
        }
        console.out().println(directory + ": rule set " + router.rulesVersion() + ", " + router.rules().size()
                + " rules: no problem found");
        console.out().flush();
        return ExitStatus.ROUTED;
    }
}
