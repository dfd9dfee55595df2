package dev.claimcheck.core.suite.bfcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.bfcl.BfclSpec;
import dev.claimcheck.core.grade.bfcl.CheckKind;
import dev.claimcheck.core.grade.bfcl.FunctionDoc;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.sim.OracleEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the simulator answers a BFCL question with (docs/simulator.md): a reply built from the possible answer (the
 * first allowed value of each parameter, optional ones left out) and a reply the AST check rejects (the first call's
 * function misnamed). Irrelevance: plain text versus a call; relevance: a call versus plain text. FC mode as native
 * tool calls ({@link OracleEntry.ToolCallReply}), prompt mode as the text {@code [f(a=1)]} ({@link OracleEntry.VerbatimReply}).
 */
final class ReferenceCalls {
    static final String NO_CALL = "None of the functions fits this request, so I call none.";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReferenceCalls() {
    }

    static OracleEntry entry(BfclSpec spec) {
        List<Named> right;
        List<Named> wrong;
        CheckKind kind = spec.kind();
        Named any = new Named(spec.functions().get(0).get("name").asText(), F.objectNode());
        switch (kind) {
            case IRRELEVANCE -> {
                right = List.of();
                wrong = List.of(any);
            }
            case RELEVANCE -> {
                right = List.of(any);
                wrong = List.of();
            }
            default -> {
                right = new ArrayList<>();
                for (JsonNode answer : spec.groundTruth()) {
                    String name = answer.fieldNames().next();
                    right.add(new Named(name, arguments(answer.get(name))));
                }
                wrong = new ArrayList<>(right);
                wrong.set(0, new Named("not_" + right.get(0).name(), right.get(0).args()));
            }
        }
        if (BfclSpec.FC.equals(spec.mode())) {
            return new OracleEntry.ToolCallReply(toolCalls(right), toolCalls(wrong), NO_CALL);
        }
        return new OracleEntry.VerbatimReply(text(right), text(wrong));
    }

    private record Named(String name, ObjectNode args) {
    }

    private static List<ToolCall> toolCalls(List<Named> calls) {
        List<ToolCall> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            out.add(new ToolCall("call_" + (i + 1), FunctionDoc.toolName(calls.get(i).name()), calls.get(i).args().toString()));
        }
        return out;
    }

    private static String text(List<Named> calls) {
        if (calls.isEmpty()) {
            return NO_CALL;
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < calls.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(calls.get(i).name()).append('(');
            Iterator<Map.Entry<String, JsonNode>> args = calls.get(i).args().fields();
            boolean first = true;
            while (args.hasNext()) {
                Map.Entry<String, JsonNode> a = args.next();
                b.append(first ? "" : ", ").append(a.getKey()).append('=').append(python(a.getValue()));
                first = false;
            }
            b.append(')');
        }
        return b.append(']').toString();
    }

    /** The first allowed value of every parameter that has one besides the optional marker {@code ""}. */
    private static ObjectNode arguments(JsonNode allowedByParam) {
        ObjectNode args = F.objectNode();
        allowedByParam.fields().forEachRemaining(e -> {
            JsonNode v = first(e.getValue());
            if (v != null) {
                args.set(e.getKey(), v);
            }
        });
        return args;
    }

    private static JsonNode first(JsonNode allowed) {
        for (JsonNode a : allowed) {
            if (!(a.isTextual() && a.textValue().isEmpty())) {
                return realize(a);
            }
        }
        return null;
    }

    /** An answer value made concrete: a dict answer holds allowed lists per key. */
    private static JsonNode realize(JsonNode a) {
        if (a.isObject()) {
            ObjectNode o = F.objectNode();
            a.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue().isArray() ? first(e.getValue()) : realize(e.getValue());
                if (v != null) {
                    o.set(e.getKey(), v);
                }
            });
            return o;
        }
        if (a.isArray()) {
            ArrayNode arr = F.arrayNode();
            a.forEach(e -> arr.add(realize(e)));
            return arr;
        }
        return a;
    }

    /** A JSON value as a Python literal. */
    static String python(JsonNode v) {
        if (v.isTextual()) {
            return "'" + v.textValue().replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "True" : "False";
        }
        if (v.isNull()) {
            return "None";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(e -> parts.add(python(e)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            v.fields().forEachRemaining(e -> parts.add(python(F.textNode(e.getKey())) + ": " + python(e.getValue())));
            return "{" + String.join(", ", parts) + "}";
        }
        return v.toString();
    }
}
