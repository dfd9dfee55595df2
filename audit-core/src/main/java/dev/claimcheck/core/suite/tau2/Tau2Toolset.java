package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.util.List;

/**
 * Where a native run's domain tools come from: the domain's own declarative {@code tools.json} ({@link Tau2Tools}), or,
 * without one, a built-in Java port of upstream's Python tools chosen by the domain's name ({@link PortedToolset}).
 * Either way the tools are deterministic, so the DB check can replay the task's reference actions through them.
 */
sealed interface Tau2Toolset permits Tau2Tools, PortedToolset {
    /** The tools as OpenAI functions, in the request's {@code tools}. */
    List<ObjectNode> schemas();

    /** Runs one call on {@code db} (changed in place by a write; unchanged by an error). */
    ToolResult execute(ObjectNode db, String name, JsonNode args);

    /**
     * What the run records as its tools (run.json's {@code --tools}, each trial's {@code info.tools}):
     * {@code tools.json@sha256:<hash>} or {@code <port version>@tau2-bench:<upstream commit>}.
     */
    String recorded();

    /** A hash of what the agent is shown and runs: the file's, or the port's version with its schemas. */
    String sha256();

    /** The database as the DB check hashes it (a port may canonicalize what upstream's hash ignores). */
    JsonNode forHash(ObjectNode db);
}
