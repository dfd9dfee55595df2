package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One function call as the checker sees it, from a native tool call or a decoded prompt-mode reply.
 *
 * @param name the function name as the model wrote it
 * @param arguments by parameter name, in the model's order
 */
public record Call(String name, Map<String, JsonNode> arguments) {
    public Call {
        Objects.requireNonNull(name, "name");
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }
}
