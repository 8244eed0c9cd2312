package org.ceerules.drools;

/** One router of the embedded rule set for the whole test run: it is immutable and thread-safe. */
final class EmbeddedRouter {
    static final DroolsRouter ROUTER = new DroolsRouter();

    private EmbeddedRouter() {
    }
}
