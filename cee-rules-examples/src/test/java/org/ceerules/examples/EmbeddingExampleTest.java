package org.ceerules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ceerules.api.Routers;
import org.ceerules.api.TradeFunction;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {

    @Test
    void routesTheSampleRequestAndPrintsOneLinePerTradeFunction() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean routed;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            routed = EmbeddingExample.print(Routers.defaultRouter(), EmbeddingExample.exampleRequest(), print);
        }

        assertThat(routed).isTrue();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text.lines()).hasSize(1 + TradeFunction.values().length);
        assertThat(text.lines().findFirst()).get().asString().contains("345-6789012-3").contains("Center 007");
        assertThat(text).contains("ENTRY_SUMMARY_REVIEW").contains("CENTER 007").contains("PORT 2704");
    }

    @Test
    void theExampleRequestIsTheSampleRequest() {
        assertThat(EmbeddingExample.exampleRequest().entrySummary().entryNumber()).isEqualTo("345-6789012-3");
        assertThat(EmbeddingExample.exampleRequest().asOf()).hasToString("2016-05-02");
    }
}
