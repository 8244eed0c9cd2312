package org.ceerules.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Center;
import org.ceerules.api.Router;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cee-rules centers}: one JSON line per Center, in team-code order. */
@Command(name = "centers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the ten Centers and their reference data, one JSON object per line.")
final class CentersCommand implements Callable<Integer> {

    @Mixin
    private RulesOption rules = new RulesOption();

    private final Console console;

    CentersCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        String rulesVersion = router.get().rulesVersion();
        try {
            return console.list(writer -> {
                for (Center center : Center.values()) {
                    writer.writeCenter(center, router.get().opening(center), rulesVersion);
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // the Centers' reference data failed to load
            console.diagnostic("cannot read the Centers' reference data: " + Console.describe(e));
            return ExitStatus.FAILED;
        }
    }
}
