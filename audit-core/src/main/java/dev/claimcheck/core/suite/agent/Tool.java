package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Function;

/**
 * One tool of a {@link World}: what the agent is offered ({@link ToolSpec}) bound to what a call does, so a tool's
 * name is written once and the environment dispatches every world's calls the same way. A refused request (not
 * found, version conflict) is a result with an {@code error} field; arguments of the wrong shape throw
 * {@link Args.BadArgument}.
 */
record Tool(ToolSpec spec, Function<Args, ObjectNode> call) {
    Tool {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(call, "call");
    }

    /** As {@link ToolSpec#of}: arguments {@code "name:string"} or {@code "n:integer"}, all required. */
    static Tool of(String name, String description, boolean mutating, Function<Args, ObjectNode> call, String... params) {
        return new Tool(ToolSpec.of(name, description, mutating, params), call);
    }

    String name() {
        return spec.name();
    }
}
