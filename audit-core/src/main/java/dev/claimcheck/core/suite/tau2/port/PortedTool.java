package dev.claimcheck.core.suite.tau2.port;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tool of a ported domain: what the agent is shown, whether it writes (upstream's {@code ToolType.WRITE}), and what
 * it does over the database.
 */
public record PortedTool(ToolSchema schema, boolean writes, Body body) {
    /** The tool's effect: answers a {@link com.fasterxml.jackson.databind.JsonNode} (sent as JSON) or a String (as is). */
    @FunctionalInterface
    public interface Body {
        Object run(ObjectNode db, ToolArgs args);
    }

    public static PortedTool reads(ToolSchema schema, Body body) {
        return new PortedTool(schema, false, body);
    }

    public static PortedTool writes(ToolSchema schema, Body body) {
        return new PortedTool(schema, true, body);
    }

    public String name() {
        return schema.name();
    }
}
