package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One tool an environment offers, as an OpenAI {@code tools} entry.
 *
 * @param parameters the JSON Schema of the arguments object
 * @param mutating whether the tool changes the world (acting before asking in an ambiguous task is a violation)
 */
public record ToolSpec(String name, String description, ObjectNode parameters, boolean mutating) {
    static final ObjectMapper JSON = new ObjectMapper();

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** A tool whose arguments are all strings or integers: {@code "name:string"}, {@code "n:integer"}; all required. */
    static ToolSpec of(String name, String description, boolean mutating, String... params) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        var required = schema.putArray("required");
        for (String p : params) {
            String[] nt = p.split(":");
            props.putObject(nt[0]).put("type", nt[1]);
            required.add(nt[0]);
        }
        return new ToolSpec(name, description, schema, mutating);
    }

    /** The OpenAI {@code tools} array entry: {@code {"type":"function","function":{name, description, parameters}}}. */
    public JsonNode toOpenAi() {
        ObjectNode tool = JSON.createObjectNode().put("type", "function");
        tool.putObject("function").put("name", name).put("description", description).set("parameters", parameters.deepCopy());
        return tool;
    }
}
