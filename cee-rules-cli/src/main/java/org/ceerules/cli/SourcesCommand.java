package org.ceerules.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.ceerules.api.Router;
import org.ceerules.api.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cee-rules sources}: the rule set's bibliography, one JSON line per source, ordered by id. */
@Command(name = "sources", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the public sources the rule set cites (its bibliography), one JSON object per line: "
                + "id, title, issuer, date, citation, url (https) and kind (official or secondary). Every "
                + "citation of a decision names one of these ids.")
final class SourcesCommand implements Callable<Integer> {

    @Mixin
    private RulesOption rules = new RulesOption();

    private final Console console;

    SourcesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Optional<Router> router = console.router(rules.directory());
        if (router.isEmpty()) {
            return ExitStatus.FAILED;
        }
        return console.list(writer -> {
            for (Source source : router.get().sources()) {
                writer.writeSource(source);
            }
        });
    }
}
