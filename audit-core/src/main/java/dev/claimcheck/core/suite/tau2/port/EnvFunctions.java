package dev.claimcheck.core.suite.tau2.port;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A ported domain's environment functions beside its tools, as upstream's {@code Environment.run_env_function} calls
 * them: a task's initialization actions (which set up the scenario, e.g. switch the user's phone to airplane mode) and
 * its environment assertions (which read the final state, e.g. whether mobile data works).
 */
public interface EnvFunctions {
    /** How the error for a function the port does not run begins. */
    String UNKNOWN = "unknown environment function";

    /** Runs {@code envType}'s ({@code assistant} or {@code user}) function {@code name}; an unknown one is a {@link ToolError}. */
    JsonNode run(ObjectNode db, String envType, String name, ToolArgs args);
}
