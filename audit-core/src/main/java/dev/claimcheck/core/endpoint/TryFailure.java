package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.ErrorCause;
import java.time.Duration;

/** Why one try failed; internal to the client, turned into a RetryRecord or an AttemptError. */
final class TryFailure extends Exception {
    final ErrorCause cause;
    final int status;
    final Duration retryAfter;
    /** Connection refused: nothing listens (counts toward "unreachable"). */
    final boolean refused;
    /** The calling thread was interrupted: stop at once, no retry. */
    final boolean interrupted;
    /**
     * The connection was closed or reset before any byte of response: what a kept-alive connection the server had
     * already closed looks like. Worth one immediate resend on a new connection.
     */
    final boolean beforeResponse;

    TryFailure(ErrorCause cause, int status, String message, Duration retryAfter, boolean refused, boolean interrupted) {
        this(cause, status, message, retryAfter, refused, interrupted, false);
    }

    private TryFailure(ErrorCause cause, int status, String message, Duration retryAfter, boolean refused,
                       boolean interrupted, boolean beforeResponse) {
        super(message, null, false, false);
        this.cause = cause;
        this.status = status;
        this.retryAfter = retryAfter;
        this.refused = refused;
        this.interrupted = interrupted;
        this.beforeResponse = beforeResponse;
    }

    /** A connection that was closed or reset before any byte of response. */
    static TryFailure closedBeforeResponse(String message, boolean refused) {
        return new TryFailure(ErrorCause.CONNECTION, 0, message, null, refused, false, true);
    }

    static TryFailure of(ErrorCause cause, int status, String message) {
        return new TryFailure(cause, status, message, null, false, false);
    }

    static TryFailure of(ErrorCause cause, String message) {
        return of(cause, 0, message);
    }

    /** 5xx and connection failures are what the circuit breaker counts. */
    boolean countsForBreaker() {
        return cause == ErrorCause.SERVER_ERROR || cause == ErrorCause.CONNECTION;
    }
}
