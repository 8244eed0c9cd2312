package org.ceerules.testing;

import java.nio.file.Path;

/**
 * Test helper: where the routing cases are. The build passes the folders as system properties
 * (the parent pom); a test run from an IDE falls back on the paths relative to a module.
 */
public final class CaseFolders {

    private CaseFolders() {
    }

    /** @return the shared cases: {@code cee.cases.dir}, else {@code ../shared/cases} of the project root */
    public static Path shared() {
        String dir = System.getProperty("cee.cases.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "..", "shared", "cases");
    }

    /** @return the project's snapshot of the shared cases, kept beside the rules */
    public static Path snapshot() {
        return property("cee.snapshot.cases.dir", "../cee-rules-drools/src/test/resources/shared-cases-snapshot");
    }

    /** @return the project's own cases, kept beside the rules */
    public static Path project() {
        return property("cee.project.cases.dir", "../cee-rules-drools/src/test/resources/cases");
    }

    /** @return the sample requests */
    public static Path samples() {
        return property("cee.samples.dir", "../cee-rules-examples/samples");
    }

    private static Path property(String name, String fallback) {
        String dir = System.getProperty(name);
        return Path.of(dir == null || dir.isBlank() ? fallback : dir);
    }
}
