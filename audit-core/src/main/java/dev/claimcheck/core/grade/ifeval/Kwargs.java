package dev.claimcheck.core.grade.ifeval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One instruction's kwargs as the dataset gives them (a JSON object; null values count as absent, as upstream
 * files carry null for kwargs an instruction does not use). Each read names the instruction and the kwarg when
 * the value is missing or of the wrong type, so a bad dataset line is one clear message.
 */
final class Kwargs {
    private final String instruction;
    private final JsonNode node;

    Kwargs(String instruction, JsonNode node) {
        this.instruction = instruction;
        this.node = node == null || node.isNull() ? null : node;
        if (this.node != null && !this.node.isObject()) {
            throw fail(null, "kwargs must be a JSON object, got " + this.node.getNodeType().toString().toLowerCase());
        }
    }

    /** Rejects a non-null kwarg the instruction does not take (upstream would fail on it too). */
    void onlyThese(Set<String> names) {
        if (node == null) {
            return;
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!node.get(k).isNull() && !names.contains(k)) {
                String takes = names.isEmpty() ? "none" : String.join(", ", names.stream().sorted().toList());
                throw fail(k, "is not a kwarg of this instruction (it takes " + takes + ")");
            }
        }
    }

    int integer(String name, int min) {
        JsonNode v = value(name);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw fail(name, "must be an integer, got " + v);
        }
        if (v.intValue() < min) {
            throw fail(name, "must be at least " + min + ", got " + v.intValue());
        }
        return v.intValue();
    }

    String text(String name) {
        JsonNode v = value(name);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw fail(name, "must be a non-empty string, got " + v);
        }
        return v.asText();
    }

    List<String> texts(String name) {
        JsonNode v = value(name);
        if (!v.isArray() || v.isEmpty()) {
            throw fail(name, "must be a non-empty list of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw fail(name, "must be a list of non-empty strings, got " + v);
            }
            out.add(e.asText());
        }
        return out;
    }

    Relation relation(String name) {
        String r = text(name);
        return Relation.of(r).orElseThrow(() -> fail(name, "must be \"less than\" or \"at least\", got \"" + r + "\""));
    }

    private JsonNode value(String name) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            throw fail(name, "is missing");
        }
        return v;
    }

    BadInputException fail(String kwarg, String message) {
        return new BadInputException("instruction " + instruction + (kwarg == null ? ": " : ": kwarg " + kwarg + " ") + message);
    }
}
