package org.ceerules.cli;

import org.ceerules.api.Router;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;
import picocli.CommandLine.Command;

/** {@code cee-rules route [--as-of yyyy-MM-dd] [FILE|-]}. */
@Command(name = "route", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        footer = {RoutingCommand.FOOTER_INPUT, RoutingCommand.FOOTER_LIMITS, RoutingCommand.FOOTER_EXIT},
        description = "Route each request: one JSON decision per request, in order (JSON Lines); "
                + "a rejected request's error object in its place.")
final class RouteCommand extends RoutingCommand {

    RouteCommand(Console console) {
        super(console);
    }

    @Override
    RoutingResult apply(Router router, RoutingRequest request) {
        return router.route(request);
    }

    @Override
    boolean explains() {
        return false;
    }
}
