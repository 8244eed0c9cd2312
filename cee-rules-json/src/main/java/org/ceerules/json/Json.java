package org.ceerules.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The one Jackson factory of this package, configured for the contract: strict duplicate
 * detection, bounded nesting and sizes, no root-value separator (JSON Lines writes its own
 * newlines), and generators that never close the stream they write to.
 *
 * <p>A configured {@link JsonFactory} is thread-safe.
 */
final class Json {

    /** Longest JSON string or field name read, in characters: a request is no longer than that. */
    private static final int MAX_STRING_CHARS = JsonRequestReader.MAX_REQUEST_CHARS;
    /** Longest number read, in characters; the request builder accepts far fewer. */
    private static final int MAX_NUMBER_CHARS = 1_000;

    static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonRequestReader.MAX_DEPTH)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNameLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxDocumentLength(JsonRequestReader.MAX_REQUEST_CHARS * 4L)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .rootValueSeparator((String) null)
            .build();

    private Json() {
    }
}
