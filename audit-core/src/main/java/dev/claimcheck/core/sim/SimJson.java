package dev.claimcheck.core.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The simulator's answer under {@code response_format}: a JSON document that carries the planned text. For
 * {@code json_object} it is {@code {"answer": TEXT}}; for {@code json_schema} an instance of the schema in which every
 * property is present, every string is TEXT (or the first {@code enum}/{@code const} value), numbers are 0, booleans
 * false and arrays hold one item. Keywords beyond type, properties, items, enum, const, anyOf/oneOf/allOf are ignored:
 * the point is a parseable document of the right overall shape, not a schema validator.
 */
final class SimJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 16;

    private SimJson() {
    }

    /** The document as compact JSON text. {@code schema} null: any JSON object. */
    static String instance(JsonNode schema, String text) {
        if (schema == null || schema.isNull() || schema.isMissingNode()) {
            return F.objectNode().put("answer", text).toString();
        }
        return value(schema, text, 0).toString();
    }

    private static JsonNode value(JsonNode schema, String text, int depth) {
        if (depth > MAX_DEPTH || !schema.isObject()) {
            return F.textNode(text);
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray() && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        for (String combinator : new String[] {"anyOf", "oneOf", "allOf"}) {
            if (schema.path(combinator).isArray() && !schema.get(combinator).isEmpty()) {
                return value(schema.get(combinator).get(0), text, depth + 1);
            }
        }
        JsonNode type = schema.path("type");
        String t = type.isArray() && !type.isEmpty() ? type.get(0).asText() : type.asText(
                schema.has("properties") ? "object" : schema.has("items") ? "array" : "string");
        return switch (t) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
                while (props.hasNext()) {
                    Map.Entry<String, JsonNode> p = props.next();
                    o.set(p.getKey(), value(p.getValue(), text, depth + 1));
                }
                yield o;
            }
            case "array" -> {
                ArrayNode a = F.arrayNode();
                a.add(value(schema.path("items"), text, depth + 1));
                yield a;
            }
            case "integer", "number" -> F.numberNode(0);
            case "boolean" -> F.booleanNode(false);
            case "null" -> F.nullNode();
            default -> F.textNode(text);
        };
    }
}
