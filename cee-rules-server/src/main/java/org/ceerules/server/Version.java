package org.ceerules.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, from {@code version.properties} (filled in by Maven). Not instantiable. */
final class Version {

    /** The version, or {@code unknown} when the build did not say. */
    static final String VALUE = read();

    private Version() {
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }
}
