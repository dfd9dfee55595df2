package dev.claimcheck.core.suite.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.bfcl.FunctionDoc;
import dev.claimcheck.core.model.ChatMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a question is asked in each mode. FC: the functions as OpenAI {@code tools} (BFCL's Python type names turned
 * into JSON Schema's: dict → object, float → number, tuple → array, any → no type; dots in names → underscores),
 * the question's messages as published. Prompt: a system prompt of ours listing the functions as JSON and asking for
 * {@code [func(param=value, ...)]} or no call, before the question's messages.
 */
final class BfclRequests {
    static final String PROMPT_SYSTEM = "You can call functions to answer the user. The functions available are listed "
            + "below as JSON. If one or more of them fit the request, reply with the calls only, as a Python list of "
            + "keyword-argument calls: [func_name(param=value, other_param=value), other_func(param=value)], with "
            + "Python literals as values. If no function fits, or required information is missing, reply in plain "
            + "text and call nothing.\n\nFunctions:\n";

    private BfclRequests() {
    }

    /** The messages as sent: the question's own in FC mode; the function-listing system prompt first in prompt mode. */
    static List<ChatMessage> messages(BfclQuestion q, boolean prompt) {
        if (!prompt) {
            return q.messages();
        }
        List<ChatMessage> out = new ArrayList<>(q.messages().size() + 1);
        out.add(ChatMessage.system(PROMPT_SYSTEM + q.functions().toString()));
        out.addAll(q.messages());
        return out;
    }

    /** The OpenAI {@code tools} array for the functions. */
    static ArrayNode tools(ArrayNode functions) {
        ArrayNode tools = JsonNodeFactory.instance.arrayNode();
        for (JsonNode f : functions) {
            ObjectNode fn = JsonNodeFactory.instance.objectNode();
            fn.put("name", FunctionDoc.toolName(f.get("name").asText()));
            if (f.has("description")) {
                fn.set("description", f.get("description"));
            }
            fn.set("parameters", schema(f.path("parameters").isObject() ? f.get("parameters")
                    : JsonNodeFactory.instance.objectNode().put("type", "dict")));
            tools.addObject().put("type", "function").set("function", fn);
        }
        return tools;
    }

    /** One schema node with BFCL's type names mapped, recursively through properties and items. */
    static JsonNode schema(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            switch (e.getKey()) {
                case "type" -> {
                    String t = jsonType(e.getValue().asText());
                    if (t != null) {
                        out.put("type", t);
                    }
                }
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    e.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), schema(p.getValue())));
                }
                case "items" -> out.set("items", schema(e.getValue()));
                default -> out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String jsonType(String bfcl) {
        return switch (bfcl.toLowerCase(Locale.ROOT)) {
            case "dict" -> "object";
            case "float" -> "number";
            case "tuple" -> "array";
            case "any" -> null;
            default -> bfcl;
        };
    }
}
