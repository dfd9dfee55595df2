package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain's tools in our declarative form, {@code tools.json} beside its tasks (docs/workloads/tau2.md "Native run"):
 * upstream's tools are Python over the database, which we do not run, so a domain runs natively only when it states
 * each tool as its OpenAI schema plus one operation over {@code db.json}. Operations: {@code read} (the value at a
 * path), {@code set} (a field of the record at a path), {@code append} (a value to the list at a path) and
 * {@code respond} (a fixed answer). A path is {@code /}-separated keys where {@code {arg}} is the argument's text; a
 * value is JSON where a string that is exactly {@code {arg}} becomes the argument's value, type kept. A tool marked
 * {@code "side": "user"} is the user's (telecom's user acts on its own device): shown to the user simulator only.
 */
record Tau2Tools(String file, List<Tool> tools, String sha256) implements Tau2Toolset {
    /**
     * One tool: what the agent is shown and what it does.
     *
     * @param side who may call it: {@code assistant} (the default) or {@code user}
     */
    record Tool(String name, ObjectNode schema, String op, String path, String field, JsonNode value, List<String> required,
                String side) {
    }

    private static final List<String> OPS = List.of("read", "set", "append", "respond");

    static Tau2Tools parse(String text, String file) {
        JsonNode root = Tau2Json.parse(text, file);
        List<JsonNode> raw = Tau2Json.array(root, "tools", file + ": ", true);
        Map<String, Tool> tools = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String where = file + ": tools[" + i + "]";
            JsonNode t = raw.get(i);
            String name = Tau2Json.text(t, "name", where);
            String op = Tau2Json.text(t, "op", where);
            if (!OPS.contains(op)) {
                throw new BadInputException(where + ".op: '" + op + "' is not one of " + OPS);
            }
            JsonNode params = Tau2Json.object(t, "parameters", where);
            ObjectNode schema = JsonNodeFactory.instance.objectNode();
            schema.put("type", "function");
            ObjectNode fn = schema.putObject("function");
            fn.put("name", name);
            fn.put("description", t.path("description").asText(""));
            fn.set("parameters", params == null ? JsonNodeFactory.instance.objectNode().put("type", "object") : params);
            List<String> required = params == null ? List.of() : Tau2Json.strings(params, "required", where + ".parameters");
            String path = op.equals("respond") ? null : Tau2Json.text(t, "path", where);
            String field = op.equals("set") ? Tau2Json.text(t, "field", where) : null;
            JsonNode value = t.get("value");
            if (!op.equals("read") && value == null) {
                throw new BadInputException(where + ".value: missing (op " + op + " writes or answers it)");
            }
            String side = t.path("side").asText(AGENT);
            if (!side.equals(AGENT) && !side.equals(USER)) {
                throw new BadInputException(where + ".side: '" + side + "' is neither " + AGENT + " nor " + USER);
            }
            if (tools.put(name, new Tool(name, schema, op, path, field, value, required, side)) != null) {
                throw new BadInputException(where + ".name: tool " + name + " appears twice");
            }
        }
        return new Tau2Tools(file, List.copyOf(tools.values()), PromptHash.sha256Hex(text));
    }

    @Override
    public String recorded() {
        return "tools.json@sha256:" + sha256;
    }

    @Override
    public JsonNode forHash(ObjectNode db) {
        return db;
    }

    @Override
    public List<ObjectNode> schemas(String side) {
        return tools.stream().filter(t -> t.side().equals(side)).map(Tool::schema).toList();
    }

    /** Runs {@code name} for {@code side}: a tool of the other side is unknown to it. */
    @Override
    public ToolResult execute(ObjectNode db, String name, JsonNode args, String side) {
        boolean theirs = tools.stream().anyMatch(t -> t.name().equals(name) && !t.side().equals(side));
        return theirs ? new ToolResult("Error: unknown tool " + name, true) : execute(db, name, args);
    }

    /**
     * Runs {@code name} on {@code db} whichever side's it is (changed in place by a write); an unknown tool or bad
     * arguments answer an error.
     */
    ToolResult execute(ObjectNode db, String name, JsonNode args) {
        Tool tool = tools.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (tool == null) {
            return new ToolResult("Error: unknown tool " + name, true);
        }
        if (args == null || !args.isObject()) {
            return new ToolResult("Error: arguments must be a JSON object", true);
        }
        for (String r : tool.required()) {
            if (!args.hasNonNull(r)) {
                return new ToolResult("Error: missing argument " + r, true);
            }
        }
        if (tool.op().equals("respond")) {
            return new ToolResult(substitute(tool.value(), args).asText(), false);
        }
        JsonNode target = db;
        List<String> keys = keys(tool.path(), args);
        for (String key : keys) {
            target = target.isArray() && key.matches("\\d+") ? target.get(Integer.parseInt(key)) : target.get(key);
            if (target == null || target.isNull()) {
                return new ToolResult("Error: " + String.join("/", keys) + " not found", true);
            }
        }
        switch (tool.op()) {
            case "set" -> {
                if (!target.isObject()) {
                    return new ToolResult("Error: " + String.join("/", keys) + " is not a record", true);
                }
                ((ObjectNode) target).set(tool.field(), substitute(tool.value(), args));
            }
            case "append" -> {
                if (!target.isArray()) {
                    return new ToolResult("Error: " + String.join("/", keys) + " is not a list", true);
                }
                ((ArrayNode) target).add(substitute(tool.value(), args));
            }
            default -> {
            }
        }
        return new ToolResult(Tau2Json.compactOf(target), false);
    }

    private static List<String> keys(String path, JsonNode args) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.add(part.startsWith("{") && part.endsWith("}") ? args.path(part.substring(1, part.length() - 1)).asText() : part);
            }
        }
        return out;
    }

    /** The value with every string that is exactly {@code {arg}} replaced by the argument (null when absent). */
    static JsonNode substitute(JsonNode value, JsonNode args) {
        if (value.isTextual()) {
            String s = value.asText();
            if (s.length() > 2 && s.startsWith("{") && s.endsWith("}") && s.indexOf('{', 1) < 0) {
                JsonNode v = args.get(s.substring(1, s.length() - 1));
                return v == null ? JsonNodeFactory.instance.nullNode() : v.deepCopy();
            }
            return TextNode.valueOf(s);
        }
        if (value.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), substitute(e.getValue(), args));
            }
            return out;
        }
        if (value.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            value.forEach(v -> out.add(substitute(v, args)));
            return out;
        }
        return value.deepCopy();
    }

    /** The database as canonical JSON (keys sorted at every level), the text a DB check hashes. */
    static String canonical(JsonNode node) {
        return Tau2Json.compactOf(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            names.forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> out.add(sorted(v)));
            return out;
        }
        return node;
    }
}
