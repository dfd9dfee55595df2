package dev.claimcheck.core.grade.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function of a BFCL question as published: {@code {"name", "description", "parameters": {"type": "dict",
 * "properties": {...}, "required": [...]}}}.
 *
 * @param params each parameter's schema node, by name, in document order
 * @param required the names that must be given
 */
public record FunctionDoc(String name, Map<String, JsonNode> params, List<String> required) {
    public FunctionDoc {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        required = List.copyOf(required);
    }

    /** Reads one function entry; a malformed one is a {@link BadInputException} naming what is wrong. */
    public static FunctionDoc of(JsonNode f) {
        if (f == null || !f.isObject() || !f.path("name").isTextual() || f.path("name").asText().isBlank()) {
            throw new BadInputException("a function needs a non-empty name");
        }
        String name = f.get("name").asText();
        JsonNode parameters = f.path("parameters");
        Map<String, JsonNode> params = new LinkedHashMap<>();
        JsonNode props = parameters.path("properties");
        if (!props.isMissingNode() && !props.isObject()) {
            throw new BadInputException("function " + name + ": parameters.properties must be an object");
        }
        props.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue()));
        List<String> required = new ArrayList<>();
        for (JsonNode r : parameters.path("required")) {
            if (!r.isTextual()) {
                throw new BadInputException("function " + name + ": required must list parameter names");
            }
            required.add(r.asText());
        }
        return new FunctionDoc(name, params, required);
    }

    /** The name sent as an OpenAI tool: OpenAI allows only [a-zA-Z0-9_-], so BFCL's dots become underscores. */
    public static String toolName(String name) {
        return name.replaceAll("[^a-zA-Z0-9_-]", "_");
    }
}
