package dev.claimcheck.core.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * The compact JSON that workload verdicts keep in {@code verdict.detail} ({@link CodeDetail}, {@link DocsDetail},
 * {@link AgentDetail}): one writer and one lenient reader, so metrics and verify read every workload's detail alike.
 */
final class DetailJson {
    // Unknown fields are ignored so a newer harness's detail still reads in an older one.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private DetailJson() {
    }

    static String write(Object detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code json} read as {@code type}, or empty when it is not a JSON object of that shape. */
    static <T> Optional<T> read(String json, Class<T> type) {
        if (json == null || !json.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
