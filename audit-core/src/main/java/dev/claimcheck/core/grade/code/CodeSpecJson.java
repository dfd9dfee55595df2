package dev.claimcheck.core.grade.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CodeSpec} to and from JSON ({@code {"language","tests":[{"input","output","kind","fn"?}],"timeLimitMs"?,
 * "memoryLimitMb"?}}, the shape of {@code grade@. code} input lines). Reading reports the first missing or wrong
 * field precisely, as an {@link IllegalArgumentException}.
 */
public final class CodeSpecJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CodeSpecJson() {
    }

    public static CodeSpec read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String language = text(node, "language", "python");
        JsonNode tests = node.get("tests");
        if (tests == null || !tests.isArray()) {
            throw new IllegalArgumentException("missing tests (an array)");
        }
        List<CodeTest> list = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            JsonNode t = tests.get(i);
            String where = "tests[" + i + "]";
            if (!t.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            String input = required(t, "input", where);
            String output = required(t, "output", where);
            String kind = text(t, "kind", "stdin");
            CodeTest.Kind k = switch (kind) {
                case "stdin" -> CodeTest.Kind.STDIN;
                case "call", "functional" -> CodeTest.Kind.CALL;
                default -> throw new IllegalArgumentException(where + ".kind must be stdin or call, not " + kind);
            };
            String fn = text(t, "fn", null);
            try {
                list.add(new CodeTest(input, output, k, fn));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        long time = node.hasNonNull("timeLimitMs") ? node.get("timeLimitMs").asLong() : CodeSpec.DEFAULT_TIME_LIMIT_MS;
        int memory = node.hasNonNull("memoryLimitMb") ? node.get("memoryLimitMb").asInt() : CodeSpec.DEFAULT_MEMORY_LIMIT_MB;
        return new CodeSpec(language, list, time, memory);
    }

    public static CodeSpec read(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }

    public static String write(CodeSpec spec) {
        ObjectNode n = JSON.createObjectNode();
        n.put("language", spec.language());
        ArrayNode tests = n.putArray("tests");
        for (CodeTest t : spec.tests()) {
            ObjectNode o = tests.addObject();
            o.put("input", t.input());
            o.put("output", t.output());
            o.put("kind", t.kind() == CodeTest.Kind.CALL ? "call" : "stdin");
            if (t.fn() != null) {
                o.put("fn", t.fn());
            }
        }
        n.put("timeLimitMs", spec.timeLimitMs());
        n.put("memoryLimitMb", spec.memoryLimitMb());
        return n.toString();
    }

    private static String required(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + " is missing " + field);
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + "." + field + " must be a string");
        }
        return v.asText();
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
