package dev.claimcheck.core.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for every JSON and JSONL contract (camelCase record components). */
public final class Json {
    /** Bounds untrusted input: a journal line or run.json never legitimately nests deeper than this. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(200)
            .maxStringLength(64 * 1024 * 1024)
            .maxNumberLength(1000)
            .build();

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** True when {@code e} is this mapper refusing a repeated object key (STRICT_DUPLICATE_DETECTION). */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException && String.valueOf(t.getMessage()).startsWith("Duplicate field")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                // Newer minor versions of a schema may add fields; unknown ones are ignored, versions are checked explicitly.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                // A repeated key has two readings (Jackson keeps the last, other tools the first): a signed run.json or
                // journal line could show a reviewer one value and the verifier another. Everything read through this
                // mapper is a claimcheck contract or a user's JSON option, which never repeats a key; endpoints'
                // bodies are parsed elsewhere (endpoint.OpenAiChatEndpoint), so a sloppy server cannot trip this.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        return mapper;
    }
}
