package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A small deterministic world an agent acts in: its state, its tools, and what a tool call does. Fresh per
 * episode; single-threaded. Faults are applied around it by {@link Environment}, not inside it.
 */
interface World {
    /** The world's tools, each bound to what a call does (without {@code ask_user}, which every environment adds). */
    List<Tool> tools();

    /** Calls that broke the world's written policy (e.g. a refund the policy forbids). */
    default int policyViolations() {
        return 0;
    }

    /** Applies a concurrent change to {@code target} (the {@code staleFile} fault); false when the world has none. */
    default boolean concurrentEdit(String target) {
        return false;
    }

    /** The tool whose result carries the content a stale-file fault changes afterwards (e.g. read_file). */
    default String readTool() {
        return null;
    }

    static ObjectNode ok() {
        return ToolSpec.JSON.createObjectNode().put("ok", true);
    }

    static ObjectNode error(String message) {
        return ToolSpec.JSON.createObjectNode().put("error", message);
    }
}
