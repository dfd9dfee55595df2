package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading τ²-bench's JSON with errors that name the field: {@code results.json: simulations[3].reward_info.reward:
 * missing}. A task or simulation id may be a string or a number upstream; both read as text.
 */
public final class Tau2Json {
    static final ObjectMapper JSON = new ObjectMapper();

    private Tau2Json() {
    }

    /** The document, or a precise error with the line Jackson stopped at. */
    public static JsonNode parse(String text, String file) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null) {
                throw new BadInputException(file + ": empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The path of {@code field} below {@code where}; a file-level where ends in {@code ": "}. */
    public static String at(String where, String field) {
        return where.endsWith(": ") ? where + field : where + "." + field;
    }

    /** A required text (or number, read as text) field. */
    public static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadInputException(at(where, field) + ": missing");
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new BadInputException(at(where, field) + ": expected a string, got " + v.getNodeType().toString().toLowerCase());
        }
        return v.asText();
    }

    /** An optional list of strings; empty when absent or null. */
    public static List<String> strings(JsonNode node, String field, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : array(node, field, where, false)) {
            if (!v.isTextual()) {
                throw new BadInputException(at(where, field) + "[" + out.size() + "]: expected a string");
            }
            out.add(v.asText());
        }
        return out;
    }

    /** An array field; an absent or null one is empty unless {@code required}. */
    public static List<JsonNode> array(JsonNode node, String field, String where, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new BadInputException(at(where, field) + ": missing");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw new BadInputException(at(where, field) + ": expected an array, got " + v.getNodeType().toString().toLowerCase());
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** An optional number; null when absent or null. */
    public static Double number(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new BadInputException(at(where, field) + ": expected a number, got " + v.getNodeType().toString().toLowerCase());
        }
        return v.asDouble();
    }

    /** An optional boolean; null when absent or null. */
    public static Boolean bool(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw new BadInputException(at(where, field) + ": expected true or false");
        }
        return v.asBoolean();
    }

    /** A JSON object field, or null when absent. */
    public static JsonNode object(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new BadInputException(at(where, field) + ": expected an object, got " + v.getNodeType().toString().toLowerCase());
        }
        return v;
    }

    /** The node as compact JSON text. */
    public static String compactOf(JsonNode node) {
        return compact(node);
    }

    static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
