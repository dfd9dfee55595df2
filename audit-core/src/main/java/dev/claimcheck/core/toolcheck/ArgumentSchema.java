package dev.claimcheck.core.toolcheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of JSON Schema that tool parameter schemas use — {@code type} (one or a list), {@code properties},
 * {@code required}, {@code enum}, {@code items}, {@code additionalProperties: false} — checked against a call's
 * arguments. Keywords outside that set are not checked (a lenient check: a call it rejects is surely invalid).
 */
final class ArgumentSchema {
    static final int MAX_DEPTH = 32;

    private ArgumentSchema() {
    }

    /** Every violation, each with its JSON pointer; empty when the value fits the schema. */
    static List<String> violations(JsonNode schema, JsonNode value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "", out, 0);
        return out;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> out, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return;
        }
        JsonNode type = schema.get("type");
        if (type != null && !typeMatches(type, value)) {
            out.add((at.isEmpty() ? "/" : at) + ": " + kind(value) + " is not " + type.asText(type.toString()));
            return;
        }
        JsonNode allowed = schema.get("enum");
        if (allowed != null && allowed.isArray()) {
            boolean found = false;
            for (JsonNode a : allowed) {
                found |= a.equals(value);
            }
            if (!found) {
                out.add((at.isEmpty() ? "/" : at) + ": " + value + " is not one of " + allowed);
            }
        }
        if (value.isObject()) {
            JsonNode props = schema.path("properties");
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    out.add(at + "/" + r.asText() + ": required, missing");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode p = props.get(f.getKey());
                if (p != null) {
                    check(p, f.getValue(), at + "/" + f.getKey(), out, depth + 1);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    out.add(at + "/" + f.getKey() + ": not a declared property");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, out, depth + 1);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }

    private static String kind(JsonNode v) {
        return v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean" : v.isNull() ? "null"
                : v.isArray() ? "an array" : "an object";
    }
}
