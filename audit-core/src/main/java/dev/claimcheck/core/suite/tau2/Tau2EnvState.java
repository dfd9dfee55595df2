package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.tau2.port.EnvFunctions;
import dev.claimcheck.core.suite.tau2.port.ToolArgs;
import dev.claimcheck.core.suite.tau2.port.ToolError;
import java.util.List;

/**
 * A task's environment around its tools, on a port that runs upstream's environment functions: the initial state set
 * up by {@code initial_state.initialization_actions} (each {@code {env_type, func_name, arguments}}), and the
 * {@code env_assertions} read at the end (each {@code {env_type, func_name, arguments, assert_value}}, met when the
 * function answers {@code assert_value}, default true, as upstream's {@code EnvAssertion}).
 */
final class Tau2EnvState {
    private Tau2EnvState() {
    }

    /**
     * {@code db} with the task's initialization actions run in order. Upstream's other ways to set a state,
     * {@code initialization_data} and {@code message_history}, are refused: no upstream telecom task uses them.
     */
    static ObjectNode initialize(EnvFunctions env, ObjectNode db, JsonNode initialState, String where) {
        ObjectNode state = db.deepCopy();
        if (initialState == null || initialState.isNull()) {
            return state;
        }
        for (String unsupported : List.of("initialization_data", "message_history")) {
            JsonNode u = initialState.get(unsupported);
            if (u != null && !u.isNull() && !(u.isArray() && u.isEmpty())) {
                throw new BadInputException(where + ".initial_state." + unsupported + ": not supported by the built-in port "
                        + "(only initialization_actions are run; docs/workloads/tau2.md \"Built-in ports\")");
            }
        }
        JsonNode actions = initialState.path("initialization_actions");
        for (int i = 0; i < actions.size(); i++) {
            String at = where + ".initial_state.initialization_actions[" + i + "]";
            JsonNode a = actions.get(i);
            try {
                env.run(state, envType(a, at), a.path("func_name").asText(), args(a));
            } catch (ToolError e) {
                throw new BadInputException(at + ": " + e.getMessage());
            }
        }
        return state;
    }

    /** The assertions as upstream's {@code reward_info.env_assertions}: each with {@code met} and its reward, 1 or 0. */
    static ArrayNode evaluate(EnvFunctions env, ObjectNode db, List<JsonNode> assertions) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode a : assertions) {
            ObjectNode checked = out.addObject();
            checked.set("env_assertion", a.deepCopy());
            boolean expected = !a.hasNonNull("assert_value") || a.get("assert_value").asBoolean();
            boolean met;
            try {
                JsonNode answer = env.run(db.deepCopy(), envType(a, "env_assertion"), a.path("func_name").asText(), args(a));
                met = answer.isBoolean() && answer.asBoolean() == expected;
            } catch (ToolError e) {
                checked.put("error", e.getMessage()); // upstream's function raised: the assertion is not met
                met = false;
            }
            checked.put("met", met).put("reward", met ? 1.0 : 0.0);
        }
        return out;
    }

    private static String envType(JsonNode a, String at) {
        String t = a.path("env_type").asText();
        if (!t.equals(Tau2Toolset.AGENT) && !t.equals(Tau2Toolset.USER)) {
            throw new BadInputException(at + ".env_type: expected assistant or user, got '" + t + "'");
        }
        return t;
    }

    private static ToolArgs args(JsonNode a) {
        JsonNode args = a.get("arguments");
        return ToolArgs.of(args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args);
    }
}
