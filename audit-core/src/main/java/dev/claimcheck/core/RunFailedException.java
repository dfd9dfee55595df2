package dev.claimcheck.core;

/**
 * The command could not do its job (endpoint unreachable or refusing credentials, circuit breaker
 * open, root not writable, verification failed): exit code 1.
 */
public non-sealed class RunFailedException extends ClaimcheckException {
    public RunFailedException(String message) {
        super(message, null);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return 1;
    }
}
