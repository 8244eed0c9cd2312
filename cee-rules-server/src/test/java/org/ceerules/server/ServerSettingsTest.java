package org.ceerules.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void theDefaults() {
        ServerSettings settings = ServerSettings.defaults();
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.maxBodyBytes()).isEqualTo(16L << 20);
        assertThat(settings.maxBatchLines()).isEqualTo(10_000);
        assertThat(settings.maxConcurrentRequests()).isEqualTo(32);
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.shutdownGracePeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.rulesDirectory()).isEmpty();
    }

    @Test
    void eachWithChangesOneSetting() {
        ServerSettings settings = ServerSettings.defaults().withHost("0.0.0.0").withPort(0).withMaxBodyBytes(10)
                .withMaxBatchLines(2).withMaxConcurrentRequests(3).withReadTimeout(Duration.ofSeconds(4))
                .withIdleTimeout(Duration.ofSeconds(5)).withShutdownGracePeriod(Duration.ZERO)
                .withRulesDirectory(Optional.of(Path.of("rules")));
        assertThat(settings).isEqualTo(new ServerSettings("0.0.0.0", 0, 10, 2, 3, Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ZERO, Optional.of(Path.of("rules"))));
    }

    @Test
    void everyValueIsChecked() {
        ServerSettings d = ServerSettings.defaults();
        assertThatThrownBy(() -> d.withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> d.withPort(-1)).hasMessageContaining("port");
        assertThatThrownBy(() -> d.withPort(65_536)).hasMessageContaining("port");
        assertThatThrownBy(() -> d.withMaxBodyBytes(0)).hasMessageContaining("maxBodyBytes");
        assertThatThrownBy(() -> d.withMaxBatchLines(0)).hasMessageContaining("maxBatchLines");
        assertThatThrownBy(() -> d.withMaxConcurrentRequests(0)).hasMessageContaining("maxConcurrentRequests");
        assertThatThrownBy(() -> d.withMaxConcurrentRequests(1_001)).hasMessageContaining("maxConcurrentRequests");
        assertThatThrownBy(() -> d.withReadTimeout(Duration.ZERO)).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> d.withIdleTimeout(Duration.ofDays(2))).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> d.withShutdownGracePeriod(Duration.ofSeconds(-1)))
                .hasMessageContaining("shutdownGracePeriod");
        assertThatThrownBy(() -> d.withRulesDirectory(null)).isInstanceOf(NullPointerException.class);
    }
}
