package org.ceerules.server;

import java.util.Map;
import org.ceerules.api.Router;

/**
 * The pages about the rule set that the decision service serves under {@code /rules/}: made once,
 * from the router, when the first of them is asked for after the knowledge base is built.
 *
 * <p>The command line's {@code serve} gives the pages of its {@code report} (the rules catalogue,
 * the timelines, the HTS scope, the bibliography). A page links to the others by relative
 * addresses, so that the site reads the same from a folder and from the service.
 *
 * <p>An implementation must be safe to call from any thread; it is called once per server unless
 * it fails, when it is called again on the next request.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RuleBook {

    /**
     * @param router the service's router, built
     * @return the files by name ({@code index.html} first among them; names of letters, digits,
     *         dots, dashes and underscores, with an extension such as {@code html}, {@code css} or
     *         {@code svg}), each a text served as UTF-8
     */
    Map<String, String> pages(Router router);
}
