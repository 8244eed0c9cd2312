package org.ceerules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.ceerules.api.EntrySummary;
import org.ceerules.api.InvalidRequestException;
import org.ceerules.api.Violation;
import org.ceerules.testing.Requests;
import org.junit.jupiter.api.Test;

/** {@link JsonRequestReader#readEntrySummary(String)}: an entry summary on its own, or a request's. */
class EntrySummaryReadingTest {

    private static final String BARE = JsonTree.write(JsonTree.object(Requests.VALID).get("entrySummary"));

    @Test
    void anEntrySummaryOnItsOwnAndARequestsReadAlike() {
        EntrySummary bare = JsonRequestReader.readEntrySummary(BARE);
        assertThat(bare.entryNumber()).isEqualTo("345-6789012-3");
        assertThat(JsonRequestReader.readEntrySummary(Requests.VALID)).isEqualTo(bare);
        assertThat(bare).isEqualTo(JsonRequestReader.read(Requests.VALID).entrySummary());
    }

    @Test
    void aRequestsOtherFieldsAreSkippedUnchecked() {
        String badAccount = Requests.with("account.importerNumber", "\"nope\"");
        assertThat(JsonRequestReader.readEntrySummary(badAccount).portOfEntry()).isEqualTo("2704");
    }

    @Test
    void everyProblemIsNamedWithTheRequestsPaths() {
        String json = Requests.change(BARE, "portOfEntry", "27A4").replace("\"8517.62.0090\"", "\"85\"");
        InvalidRequestException e = catchThrowableOfType(() -> JsonRequestReader.readEntrySummary(json),
                InvalidRequestException.class);
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactly("entrySummary.portOfEntry", "entrySummary.lines[0].hts");
    }

    @Test
    void unknownAndMixedFieldsAreNamed() {
        String unknown = BARE.replace("{\"entryNumber\"", "{\"account\":{},\"entryNumbr\":1,\"entryNumber\"");
        InvalidRequestException e = catchThrowableOfType(() -> JsonRequestReader.readEntrySummary(unknown),
                InvalidRequestException.class);
        assertThat(e.violations()).extracting(Violation::field).contains("entryNumbr", "$");
        assertThat(e.violations()).extracting(Violation::message)
                .anySatisfy(m -> assertThat(m).contains("mixes the fields of an entry summary with those of a request"));
    }

    @Test
    void theStreamReadsEachValueAsAnEntrySummaryOrSaysWhyNot() throws Exception {
        byte[] input = (BARE + "\nnot json\n").getBytes(StandardCharsets.UTF_8);
        RequestStream stream = new RequestStream(new ByteArrayInputStream(input), Optional.empty());
        assertThat(stream.nextUnread().orElseThrow().readEntrySummary().portOfEntry()).isEqualTo("2704");
        RequestStream.Unread bad = stream.nextUnread().orElseThrow();
        assertThat(catchThrowableOfType(bad::readEntrySummary, InvalidRequestException.class).violations())
                .extracting(Violation::field).containsExactly("$");
        assertThat(stream.nextUnread()).isEmpty();
    }
}
