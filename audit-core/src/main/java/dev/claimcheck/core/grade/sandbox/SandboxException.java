package dev.claimcheck.core.grade.sandbox;

/**
 * The sandbox could not be started (no bwrap, no user namespaces, a staging failure). Graders turn it into a
 * {@code sandboxError} verdict; nothing ever runs unsandboxed instead.
 */
public final class SandboxException extends Exception {
    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
