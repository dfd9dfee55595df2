package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One action of a task's reference trajectory ({@code evaluation_criteria.actions[i]}), matched against a recorded
 * tool call as τ²-bench documents it: the same name, and equal values for {@code compare_args} (every argument of the
 * call when it is absent; none to compare matches any call of that name). An argument that is itself a JSON string is
 * compared as the JSON it holds. With {@code allow_partial_match} (τ²-bench's partial credit for tool calls), a call of
 * the right name whose arguments differ still matches, for half the credit ({@link #reward}).
 *
 * @param requestor who performs it, {@code assistant} (the default) or {@code user} (a user-side tool, as telecom's)
 * @param allowPartialMatch the action's {@code allow_partial_match} (absent or null: false)
 */
public record ExpectedAction(String actionId, String name, JsonNode arguments, List<String> compareArgs, String requestor,
                             boolean allowPartialMatch) {
    public static final String ASSISTANT = "assistant";
    public static final String USER = "user";
    /** The credit upstream gives a partial match: the right tool with wrong or missing arguments. */
    public static final double PARTIAL_CREDIT = 0.5;

    static ExpectedAction parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInputException(where + ": expected an action object");
        }
        JsonNode args = Tau2Json.object(node, "arguments", where);
        if (args == null) {
            throw new BadInputException(where + ".arguments: missing");
        }
        JsonNode compare = node.get("compare_args");
        List<String> compareArgs = compare == null || compare.isNull() ? null : Tau2Json.strings(node, "compare_args", where);
        String id = node.hasNonNull("action_id") ? node.get("action_id").asText() : "";
        String requestor = node.hasNonNull("requestor") ? node.get("requestor").asText() : ASSISTANT;
        if (!requestor.equals(ASSISTANT) && !requestor.equals(USER)) {
            throw new BadInputException(where + ".requestor: '" + requestor + "' is neither assistant nor user");
        }
        Boolean partial = Tau2Json.bool(node, "allow_partial_match", where);
        return new ExpectedAction(id, Tau2Json.text(node, "name", where), args, compareArgs, requestor, Boolean.TRUE.equals(partial));
    }

    /**
     * The credit the recorded call earns this action, as upstream's action check scores one call: 1 when it
     * {@link #matches}, {@link #PARTIAL_CREDIT} when only its name does and the action allows a partial match, else 0.
     */
    public double reward(String callName, JsonNode callArguments) {
        if (matches(callName, callArguments)) {
            return 1;
        }
        return allowPartialMatch && name.equals(callName) ? PARTIAL_CREDIT : 0;
    }

    /** Whether the recorded call {@code (name, arguments)} performs this action. */
    public boolean matches(String callName, JsonNode callArguments) {
        if (!name.equals(callName)) {
            return false;
        }
        Iterable<String> keys = compareArgs != null ? compareArgs : () -> callArguments.fieldNames();
        for (String key : keys) {
            JsonNode mine = normalized(arguments.get(key));
            JsonNode theirs = normalized(callArguments.get(key));
            if (compareArgs == null && mine == null) {
                return false; // the call has an argument the action does not
            }
            if (mine == null ? theirs != null : !same(mine, theirs)) {
                return false;
            }
        }
        return true;
    }

    /** Equal JSON values; numbers by value, as Python compares 1 and 1.0. */
    private static boolean same(JsonNode a, JsonNode b) {
        if (b == null) {
            return false;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** A JSON string that holds an object or array compares as that value; Jackson's equality ignores key order. */
    private static JsonNode normalized(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.startsWith("{") || s.startsWith("[")) {
                try {
                    return normalizedTree(Tau2Json.JSON.readTree(s));
                } catch (Exception e) {
                    return v;
                }
            }
            return v;
        }
        return normalizedTree(v);
    }

    private static JsonNode normalizedTree(JsonNode v) {
        if (v.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode out = Tau2Json.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode n = normalized(e.getValue());
                out.set(e.getKey(), n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n);
            }
            return out;
        }
        if (v.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Tau2Json.JSON.createArrayNode();
            v.forEach(x -> {
                JsonNode n = normalized(x);
                out.add(n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n);
            });
            return out;
        }
        return v;
    }
}
