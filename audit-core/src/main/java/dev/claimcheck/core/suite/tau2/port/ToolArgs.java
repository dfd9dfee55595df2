package dev.claimcheck.core.suite.tau2.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A call's arguments (or one object inside them, such as a passenger), read with the type upstream's signature gives.
 * A wrong type is a {@link ToolError} naming the argument: upstream's Python would fail on it too (with its own
 * message), and the database is not touched either way. An integer accepts an integral number ({@code 2.0}) or an
 * integer string ({@code "2"}), as pydantic's lax mode does for upstream's typed records, within Java's int range.
 */
public record ToolArgs(JsonNode node, String where) {
    public static ToolArgs of(JsonNode args) {
        return new ToolArgs(args, "");
    }

    private String named(String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    private JsonNode required(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ToolError("missing argument " + named(field));
        }
        return v;
    }

    public String text(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw new ToolError("argument " + named(field) + " must be a string, got " + v);
        }
        return v.asText();
    }

    public String choice(String field, List<String> allowed) {
        String v = text(field);
        if (!allowed.contains(v)) {
            throw new ToolError("argument " + named(field) + " must be one of " + allowed + ", got '" + v + "'");
        }
        return v;
    }

    public int integer(String field) {
        JsonNode v = required(field);
        BigDecimal d = null;
        if (v.isNumber()) {
            d = v.decimalValue();
        } else if (v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")) {
            d = new BigDecimal(v.asText().trim());
        }
        if (d == null || d.stripTrailingZeros().scale() > 0 || d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new ToolError("argument " + named(field) + " must be an integer, got " + v);
        }
        return d.intValueExact();
    }

    /** A list of objects, each read as its own arguments ({@code flights[0].date}). */
    public List<ToolArgs> objects(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw new ToolError("argument " + named(field) + " must be a list, got " + v);
        }
        List<ToolArgs> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String at = named(field) + "[" + i + "]";
            if (!v.get(i).isObject()) {
                throw new ToolError("argument " + at + " must be an object, got " + v.get(i));
            }
            out.add(new ToolArgs(v.get(i), at));
        }
        return out;
    }

    public List<String> texts(String field) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw new ToolError("argument " + named(field) + " must be a list, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new ToolError("argument " + named(field) + " must hold strings, got " + e);
            }
            out.add(e.asText());
        }
        return out;
    }
}
