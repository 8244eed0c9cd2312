package org.ceerules.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ceerules.api.Account;
import org.ceerules.api.Center;
import org.ceerules.api.EntryLine;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Office;
import org.ceerules.api.Route;
import org.ceerules.api.Router;
import org.ceerules.api.Routers;
import org.ceerules.api.RoutingDecision;
import org.ceerules.api.RoutingRequest;
import org.ceerules.api.RoutingResult;

/**
 * How a host program embeds cee-rules: build a {@link RoutingRequest} from the API's records,
 * route it with {@link Routers#defaultRouter()}, and read the decision. Run it with the
 * {@code cee-rules-drools} artifact on the class path:
 * <pre>
 * java -cp cee-rules-examples/target/cee-rules.jar org.ceerules.examples.EmbeddingExample
 * </pre>
 *
 * <p>Stateless and thread-safe; the router it uses is shared by all threads.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {
    }

    /**
     * Routes the sample request of {@code samples/participant-consumption.json} (an Electronics participant's consumption
     * entry at Los Angeles) and prints one line per trade function.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        print(Routers.defaultRouter(), exampleRequest(), System.out);
    }

    /**
     * The sample request, built from records. The records validate in their
     * constructors and throw {@link InvalidRequestException} naming every bad field.
     *
     * @return the request
     */
    public static RoutingRequest exampleRequest() {
        Account nokia = new Account("12-345678900", "Nokia Inc", Optional.of(Center.ELECTRONICS),
                Optional.of(LocalDate.of(2014, 3, 1)), Optional.empty());
        EntrySummary entry = new EntrySummary("345-6789012-3", "01", "2704", LocalDate.of(2016, 4, 20),
                List.of(EntryLine.of("8517.62.0090", new BigDecimal("125000.00"))));
        return new RoutingRequest(LocalDate.of(2016, 5, 2), nokia, entry);
    }

    /**
     * Routes a request and prints its decision, one line per trade function, or why it was rejected.
     *
     * @param router  the router
     * @param request the request
     * @param out     where to print
     * @return whether the request was routed
     */
    public static boolean print(Router router, RoutingRequest request, PrintStream out) {
        RoutingResult result = router.route(request);
        if (result instanceof RoutingResult.Rejected rejected) {
            rejected.violations().forEach(v -> out.println("rejected: " + v.field() + ": " + v.message()));
            return false;
        }
        RoutingDecision decision = ((RoutingResult.Routed) result).decision();
        out.println("entry " + decision.entryNumber() + " as of " + decision.asOf() + ", rules "
                + decision.rulesVersion() + ": "
                + decision.center().map(c -> "Center " + c.teamCode() + " " + c.industry() + " has jurisdiction")
                        .orElse("no Center has jurisdiction"));
        for (Route route : decision.routes()) {
            String alternatives = route.alternatives().isEmpty() ? ""
                    : " (or " + route.alternatives().stream().map(EmbeddingExample::office)
                            .collect(Collectors.joining(", ")) + ")";
            out.println(String.format(Locale.ROOT, "%-24s %-26s%s  [%s; %s]", route.function(), office(route.office()),
                    alternatives, route.rule(), route.authority()));
        }
        return true;
    }

    private static String office(Office office) {
        return office.type() + office.code().map(code -> " " + code).orElse("");
    }
}
