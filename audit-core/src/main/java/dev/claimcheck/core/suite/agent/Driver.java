package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a solution program against an environment and records its calls, the tool-call script the simulator
 * replays. The fault handling lives here, once for every task: a {@link Mode#REFERENCE} driver retries a
 * transient error, re-reads after a version conflict, asks before acting on an ambiguous instruction and
 * switches to the changed requirement; a {@link Mode#MISTAKE} driver does the plausible wrong thing for each.
 */
final class Driver {
    /** How faults are handled. */
    enum Mode { REFERENCE, MISTAKE }

    private final Environment env;
    private final Mode mode;
    private final List<ToolCall> calls = new ArrayList<>();
    private boolean asked;
    /** Tools a permanent error said need {@code confirm}: the reference sends it on every later call. */
    private final java.util.Set<String> confirming = new java.util.TreeSet<>();

    Driver(Environment env, Mode mode) {
        this.env = env;
        this.mode = mode;
    }

    /** Calls a tool with alternating name/value arguments (String or Integer values). */
    JsonNode call(String tool, Object... nameValues) {
        ObjectNode args = ToolSpec.JSON.createObjectNode();
        for (int i = 0; i < nameValues.length; i += 2) {
            Object v = nameValues[i + 1];
            if (v instanceof Integer n) {
                args.put((String) nameValues[i], n);
            } else {
                args.put((String) nameValues[i], (String) v);
            }
        }
        if (confirming.contains(tool)) {
            args.put(Environment.CONFIRM, true);
        }
        JsonNode result = once(tool, args.toString());
        String error = result.path("error").asText("");
        if (mode == Mode.REFERENCE && error.equals(Environment.TRANSIENT)) {
            result = once(tool, args.toString()); // read the error, retry
        } else if (mode == Mode.REFERENCE && error.equals(Environment.permanentError(tool))) {
            confirming.add(tool);
            result = once(tool, args.put(Environment.CONFIRM, true).toString()); // read the error, supply what it asks
        }
        return result;
    }

    private JsonNode once(String tool, String arguments) {
        calls.add(new ToolCall("call_" + (calls.size() + 1), tool, arguments));
        return env.execute(tool, arguments);
    }

    /** Reads a file, applies {@code change} to its content and writes it back against the version read. */
    void edit(String path, UnaryOperator<String> change) {
        JsonNode read = call("read_file", "path", path);
        JsonNode written = call("write_file", "path", path, "content", change.apply(read.path("content").asText()),
                "version", read.path("version").asInt());
        if (mode == Mode.REFERENCE && written.path("error").asText("").startsWith("version conflict")) {
            read = call("read_file", "path", path);
            call("write_file", "path", path, "content", change.apply(read.path("content").asText()),
                    "version", read.path("version").asInt());
        }
    }

    /** The target the task means: under ambiguity the reference asks first, the mistake guesses the decoy. */
    <T> T pick(T target, T decoy) {
        if (env.fault() != Fault.AMBIGUITY) {
            return target;
        }
        if (mode == Mode.MISTAKE) {
            return decoy;
        }
        if (!asked) {
            asked = true;
            call("ask_user", "question", "The instruction is ambiguous: which one do you mean?");
        }
        return target;
    }

    /** The value now required: after an announced checkpoint the reference follows the new one, the mistake does not. */
    <T> T value(T original, T changed) {
        return mode == Mode.REFERENCE && env.checkpointDelivered() ? changed : original;
    }

    List<ToolCall> calls() {
        return List.copyOf(calls);
    }
}
