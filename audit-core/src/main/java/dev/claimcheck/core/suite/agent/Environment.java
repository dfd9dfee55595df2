package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One episode's environment: the task's world with its fault applied around it. It executes tool calls given
 * as raw model output (name + argument text), turns every malformed call into an error result for the model,
 * and counts what happened. Everything is a function of the task, the fault and the call sequence, so a
 * recorded episode replays to the same final state ({@code verify}).
 */
final class Environment {
    /** Arguments above this size are refused unread (a model may emit megabytes). */
    static final int MAX_ARGUMENT_CHARS = 64 * 1024;
    static final String TRANSIENT = "transient failure: the service is temporarily unavailable; retry the call";
    /** The field a permanent tool error asks for; the call has no effect until it is sent. */
    static final String CONFIRM = "confirm";
    static final String NO_DETAILS = "No further details: the instruction is complete as given.";
    static final ToolSpec ASK_USER = ToolSpec.of("ask_user",
            "Ask the user a clarifying question; returns their answer.", false, "question:string");

    private final AgentTask task;
    private final Fault fault;
    private final World world;
    private int calls;
    private int toolErrors;
    private int malformed;
    private int askViolations;
    private boolean askedUser;
    private boolean faultFired;
    private boolean toolErrorUsed;
    private boolean staleUsed;
    private boolean checkpointDelivered;

    /** @param fault the task's fault, or null */
    Environment(AgentTask task, Fault fault) {
        this.task = task;
        this.fault = fault;
        this.world = task.newWorld().get();
        this.faultFired = fault == Fault.AMBIGUITY; // the underspecified instruction is the injection
    }

    /** The tools offered to the agent: the world's and {@code ask_user}. */
    List<ToolSpec> tools() {
        List<ToolSpec> all = new ArrayList<>(world.tools().stream().map(Tool::spec).toList());
        all.add(ASK_USER);
        return all;
    }

    /** Executes one call and returns the result the agent sees, always a JSON object. */
    ObjectNode execute(String name, String rawArguments) {
        calls++;
        String raw = rawArguments == null ? "" : rawArguments;
        if (raw.length() > MAX_ARGUMENT_CHARS) {
            // No length in the message: the transcript keeps such arguments cut (AgentEpisode), and a replay must agree.
            return malformed("arguments too large: over " + MAX_ARGUMENT_CHARS + " characters; send a smaller call");
        }
        ObjectNode args;
        try {
            JsonNode parsed = raw.isBlank() ? ToolSpec.JSON.createObjectNode() : ToolSpec.JSON.readTree(raw);
            if (parsed == null || !parsed.isObject()) {
                return malformed("arguments must be a JSON object");
            }
            args = (ObjectNode) parsed;
        } catch (JsonProcessingException e) {
            return malformed("arguments are not valid JSON: " + e.getOriginalMessage());
        }
        if (name.equals(ASK_USER.name())) {
            askedUser = true;
            return deliver(ToolSpec.JSON.createObjectNode().put("answer", fault == Fault.AMBIGUITY ? task.clarification() : NO_DETAILS));
        }
        Tool tool = world.tools().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (tool == null) {
            return malformed("unknown tool '" + name + "'; available: "
                    + String.join(", ", tools().stream().map(ToolSpec::name).toList()));
        }
        if (tool.spec().mutating() && fault == Fault.AMBIGUITY && !askedUser) {
            askViolations++; // acting on an underspecified instruction without asking
        }
        if (fault == Fault.TOOL_ERROR && name.equals(task.faultTool())) {
            if (task.permanentToolError() && !args.path(CONFIRM).asBoolean(false)) {
                faultFired = true;
                toolErrors++;
                return World.error(permanentError(name));
            }
            if (!task.permanentToolError() && !toolErrorUsed) {
                toolErrorUsed = true;
                faultFired = true;
                toolErrors++;
                return World.error(TRANSIENT);
            }
        }
        ObjectNode result;
        try {
            result = tool.call().apply(new Args(args));
        } catch (Args.BadArgument e) {
            return malformed("bad arguments for " + name + ": " + e.getMessage());
        }
        if (result.has("error")) {
            toolErrors++;
            return result;
        }
        if (fault == Fault.STALE_FILE && !staleUsed && name.equals(world.readTool())
                && task.staleTarget().equals(args.path("path").asText(null))) {
            // The read returns the old content; someone else edits the file right after.
            staleUsed = true;
            faultFired = world.concurrentEdit(task.staleTarget());
        }
        return deliver(result);
    }

    /** The error of a permanent tool fault: it names what the call lacks, so only reading it helps. */
    static String permanentError(String tool) {
        return "permanent error: " + tool + " now requires \"" + CONFIRM + "\": true in its arguments to confirm the change; "
                + "this call had no effect and repeating it unchanged will fail again";
    }

    /** A successful result, with the changed requirement attached once the episode is under way (call 2 or later). */
    private ObjectNode deliver(ObjectNode result) {
        if (fault == Fault.CHECKPOINT && !checkpointDelivered && calls >= 2) {
            checkpointDelivered = true;
            faultFired = true;
            result.put("notice", "REQUIREMENT CHANGED: " + task.checkpointNotice());
        }
        return result;
    }

    /** Answers a call that is not executed (e.g. over the per-turn limit): counted as a call and as malformed. */
    ObjectNode refuse(String message) {
        calls++;
        return malformed(message);
    }

    private ObjectNode malformed(String message) {
        malformed++;
        toolErrors++;
        return World.error(message);
    }

    boolean goalMet() {
        return task.goal().met(world, checkpointDelivered);
    }

    World world() {
        return world;
    }

    Fault fault() {
        return fault;
    }

    int calls() {
        return calls;
    }

    int toolErrors() {
        return toolErrors;
    }

    int malformedCalls() {
        return malformed;
    }

    int policyViolations() {
        return askViolations + world.policyViolations();
    }

    boolean faultFired() {
        return faultFired;
    }

    boolean checkpointDelivered() {
        return checkpointDelivered;
    }
}
