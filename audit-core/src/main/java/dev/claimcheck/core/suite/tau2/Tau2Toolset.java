package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.util.List;

/**
 * Where a native run's domain tools come from: the domain's own declarative {@code tools.json} ({@link Tau2Tools}), or,
 * without one, a built-in Java port of upstream's Python tools chosen by the domain's name ({@link PortedToolset}).
 * Either way the tools are deterministic, so the DB check can replay the task's reference actions through them. Each
 * tool belongs to one side: the agent's ({@link #AGENT}) or the user's ({@link #USER}, telecom's user acting on its own
 * device); of the ports, telecom's alone has user tools.
 */
sealed interface Tau2Toolset permits Tau2Tools, PortedToolset {
    /** The agent's side, as upstream's {@code requestor} names it. */
    String AGENT = "assistant";
    /** The user's side: its tools are shown to the user simulator only. */
    String USER = "user";

    /** One side's tools ({@link #AGENT} or {@link #USER}) as OpenAI functions, in that side's request {@code tools}. */
    List<ObjectNode> schemas(String side);

    /**
     * Runs one call of {@code side} on {@code db} (changed in place by a write; unchanged by an error): a tool of the
     * other side is unknown to it.
     */
    ToolResult execute(ObjectNode db, String name, JsonNode args, String side);

    /**
     * What the run records as its tools (run.json's {@code --tools}, each trial's {@code info.tools}):
     * {@code tools.json@sha256:<hash>} or {@code <port version>@tau2-bench:<upstream commit>}.
     */
    String recorded();

    /** A hash of what the agent is shown and runs: the file's, or the port's version with its schemas. */
    String sha256();

    /**
     * The trial's starting database: a copy of {@code db} with the task's {@code initial_state} applied, as upstream's
     * {@code Environment.set_state} does. The declarative tools run no initialization functions: the copy as it is.
     */
    default ObjectNode initialDb(ObjectNode db, JsonNode initialState, String where) {
        return db.deepCopy();
    }

    /**
     * The task's environment assertions evaluated on the trial's final database, as upstream records them in
     * {@code reward_info.env_assertions}; empty when this toolset cannot run them (the task is then not scorable by
     * ENV_ASSERTION).
     */
    default java.util.Optional<com.fasterxml.jackson.databind.node.ArrayNode> envAssertions(ObjectNode db, List<JsonNode> assertions) {
        return java.util.Optional.empty();
    }

    /** The database as the DB check hashes it (a port may canonicalize what upstream's hash ignores). */
    JsonNode forHash(ObjectNode db);
}
