package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.RunFailedException;

/**
 * The endpoint cannot serve this run any more: credentials refused (401/403) or the circuit
 * breaker opened after sustained server errors. The run stops in a resumable state.
 */
public final class EndpointAbortedException extends RunFailedException {
    /** Why the endpoint was given up. */
    public enum Reason { AUTH, CIRCUIT_OPEN, UNREACHABLE }

    private final Reason reason;

    public EndpointAbortedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
