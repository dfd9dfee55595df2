package dev.claimcheck.core.suite.tau2.port;

/**
 * A ported tool refusing the call, where upstream's Python raises {@code ValueError}: the message is upstream's where it
 * is documented, and the tool has changed nothing (each port checks before it writes).
 */
public final class ToolError extends RuntimeException {
    public ToolError(String message) {
        super(message, null, false, false);
    }
}
