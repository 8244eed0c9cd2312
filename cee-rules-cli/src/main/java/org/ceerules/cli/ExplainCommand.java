package org.ceerules.cli;

import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import picocli.CommandLine.Command;

/** {@code cee-rules explain [--as-of yyyy-MM-dd] [FILE|-]}. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        footer = {RoutingCommand.FOOTER_INPUT, RoutingCommand.FOOTER_LIMITS, RoutingCommand.FOOTER_EXIT},
        description = "Like route, plus every rule that fired, in firing order (firedRules), and in each "
                + "route the rules that decided it.")
final class ExplainCommand extends RoutingCommand {

    ExplainCommand(Console console) {
        super(console);
    }

    @Override
    RoutingResult apply(Router router, RoutingRequest request) {
        return router.explain(request);
    }

    @Override
    boolean explains() {
        return true;
    }
}
