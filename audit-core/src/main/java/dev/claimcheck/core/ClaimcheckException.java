package dev.claimcheck.core;

/**
 * The root of claimcheck's exceptions. Each subclass maps to one exit code of the command
 * contract (docs/architecture.md §3.1); the message is the one line printed on stderr.
 */
public abstract sealed class ClaimcheckException extends RuntimeException
        permits BadInputException, RunFailedException {

    protected ClaimcheckException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code for this failure. */
    public abstract int exitCode();
}
