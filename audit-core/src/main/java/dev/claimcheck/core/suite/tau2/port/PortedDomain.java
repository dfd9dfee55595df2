package dev.claimcheck.core.suite.tau2.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import java.util.Iterator;
import java.util.List;

/**
 * A τ²-bench domain's tools written in Java from upstream's documented behaviour ({@code src/tau2/domains/<domain>/tools.py}
 * and {@code data_model.py}): a port, not upstream's code, so it names the upstream commit it was read from and carries
 * a version that changes whenever its behaviour does (docs/workloads/tau2.md "Built-in ports").
 */
public interface PortedDomain {
    /** The domain's name, as {@code --domain} gives it. */
    String domain();

    /** This port's version, bumped with every change of behaviour, e.g. {@code airline-port-1}. */
    String version();

    /** The upstream commit (sierra-research/tau2-bench) whose tools.py the port follows. */
    String upstreamCommit();

    List<PortedTool> tools();

    /** The database as its DB check hashes it: upstream's domain may canonicalize parts whose order is incidental. */
    default JsonNode forHash(ObjectNode db) {
        return db;
    }

    /**
     * Runs the call on {@code db} as τ²-bench's environment does: an unknown tool, an argument the tool does not declare,
     * a missing one or the tool's own refusal answers {@code Error: …} and changes nothing.
     */
    default ToolResult execute(ObjectNode db, String name, JsonNode args) {
        return executeAmong(tools(), db, name, args);
    }

    /** The user's own tools (telecom's user acting on its phone); none for a domain whose user only talks. */
    default List<PortedTool> userTools() {
        return List.of();
    }

    /** Runs one of the user's tools on {@code db} as {@link #execute} runs the agent's. */
    default ToolResult executeUser(ObjectNode db, String name, JsonNode args) {
        return executeAmong(userTools(), db, name, args);
    }

    /**
     * What upstream's environment does after every tool call of either side ({@code sync_tools}): a domain whose two
     * parts of the database depend on each other brings them in line here. Nothing for most domains. A
     * {@link ToolError} says the scenario is inconsistent (upstream raises): the task's initial state is refused.
     */
    default void sync(ObjectNode db) {
    }

    /**
     * Upstream's environment functions that are not tools, by {@code env_type} ({@code assistant} or {@code user}) and
     * name: what a task's {@code initial_state.initialization_actions} and {@code env_assertions} call. Empty when the
     * port runs none (a task that names one is then not scorable by its ENV_ASSERTION and refused its initial state).
     */
    default java.util.Optional<EnvFunctions> envFunctions() {
        return java.util.Optional.empty();
    }

    /** Runs {@code name} among {@code tools}, refusing a call its schema does not accept. */
    static ToolResult executeAmong(List<PortedTool> tools, ObjectNode db, String name, JsonNode args) {
        PortedTool tool = tools.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
        if (tool == null) {
            return ToolResult.error("Tool '" + name + "' not found.");
        }
        if (args == null || !args.isObject()) {
            return ToolResult.error("arguments must be a JSON object");
        }
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String a = it.next();
            if (!tool.schema().declares(a)) {
                return ToolResult.error(name + "() got an unexpected keyword argument '" + a + "'");
            }
        }
        for (String r : tool.schema().required()) {
            if (!args.hasNonNull(r)) {
                return ToolResult.error(name + "() missing required argument '" + r + "'");
            }
        }
        try {
            Object answer = tool.body().run(db, ToolArgs.of(args));
            return new ToolResult(answer instanceof JsonNode j ? Tau2Json.compactOf(j) : String.valueOf(answer), false);
        } catch (ToolError e) {
            return ToolResult.error(e.getMessage());
        }
    }
}
