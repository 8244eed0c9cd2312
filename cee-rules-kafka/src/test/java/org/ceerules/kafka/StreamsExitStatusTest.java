package org.ceerules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * B13: the streaming router stopped by a signal exits as the JVM does, 128 + the signal (143 for
 * SIGTERM, 130 for SIGINT, pinned by {@code StreamsJarIT} and {@code StreamsSignalsIT}); its
 * help must say so, not 0.
 */
class StreamsExitStatusTest {

    @Test
    void theHelpGivesTheStatusesOfASignalStop() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RoutingStreamsApp.run(new String[] {"--help"}, new PrintStream(err, true, StandardCharsets.UTF_8),
                rules -> {
                    throw new AssertionError("no router for --help");
                }, (streams, settings, console) -> {
                    throw new AssertionError("no client for --help");
                });
        String help = err.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(status).isZero();
        assertThat(help).contains("143 stopped by SIGTERM", "130 stopped by SIGINT")
                .doesNotContain("Exit status: 0 stopped");
    }
}
