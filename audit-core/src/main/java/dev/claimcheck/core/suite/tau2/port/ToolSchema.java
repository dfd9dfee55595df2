package dev.claimcheck.core.suite.tau2.port;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A ported tool as the agent is shown it, an OpenAI function: its name, its description and its parameters' JSON
 * Schema, written from upstream's signature and docstring (every parameter upstream declares without a default is
 * required). Built in code so that what is shown and what {@link ToolArgs} accepts cannot drift apart.
 */
public final class ToolSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final String name;
    private final String description;
    private final ObjectNode properties = F.objectNode();
    private final List<String> required = new ArrayList<>();

    private ToolSchema(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public static ToolSchema tool(String name, String description) {
        return new ToolSchema(name, description);
    }

    /** A required parameter of {@code type} (one of the helpers below), with upstream's description. */
    public ToolSchema param(String param, ObjectNode type, String description) {
        ObjectNode p = type.deepCopy();
        p.put("description", description);
        properties.set(param, p);
        required.add(param);
        return this;
    }

    /** A parameter upstream gives a default, so a caller may leave it out. */
    public ToolSchema optional(String param, ObjectNode type, String description) {
        param(param, type, description);
        required.remove(param);
        return this;
    }

    public String name() {
        return name;
    }

    List<String> required() {
        return required;
    }

    boolean declares(String param) {
        return properties.has(param);
    }

    /** The function as it goes in the request's {@code tools}. */
    public ObjectNode openAi() {
        ObjectNode tool = F.objectNode().put("type", "function");
        ObjectNode fn = tool.putObject("function").put("name", name).put("description", description);
        ObjectNode params = fn.putObject("parameters").put("type", "object");
        params.set("properties", properties.deepCopy());
        ArrayNode req = params.putArray("required");
        required.forEach(req::add);
        return tool;
    }

    public static ObjectNode string() {
        return F.objectNode().put("type", "string");
    }

    public static ObjectNode integer() {
        return F.objectNode().put("type", "integer");
    }

    public static ObjectNode oneOf(String... values) {
        ObjectNode s = string();
        ArrayNode e = s.putArray("enum");
        for (String v : values) {
            e.add(v);
        }
        return s;
    }

    public static ObjectNode arrayOf(ObjectNode items) {
        ObjectNode s = F.objectNode().put("type", "array");
        s.set("items", items);
        return s;
    }

    public static ObjectNode arrayOfStrings() {
        return arrayOf(string());
    }

    /** An object whose fields are all required: {@code name, type, description} triples. */
    public static ObjectNode object(Object... fields) {
        ObjectNode s = F.objectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        ArrayNode req = s.putArray("required");
        for (int i = 0; i + 2 < fields.length; i += 3) {
            ObjectNode p = ((ObjectNode) fields[i + 1]).deepCopy();
            p.put("description", (String) fields[i + 2]);
            props.set((String) fields[i], p);
            req.add((String) fields[i]);
        }
        return s;
    }
}
