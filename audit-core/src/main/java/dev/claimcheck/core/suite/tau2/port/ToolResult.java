package dev.claimcheck.core.suite.tau2.port;

/**
 * A tool's answer to the agent: its text, and whether it is an error. An error answers as τ²-bench's environment does,
 * {@code Error: <message>}, and leaves the database as it was.
 */
public record ToolResult(String text, boolean error) {
    public static ToolResult error(String message) {
        return new ToolResult("Error: " + message, true);
    }
}
