package dev.claimcheck.core.store;

import com.fasterxml.jackson.core.StreamReadConstraints;
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

    private static ObjectMapper build() {
        JsonMapper mapper = JsonMapper.builder()
                // Newer minor versions of a schema may add fields; unknown ones are ignored, versions are checked explicitly.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .build();
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        return mapper;
    }
}
