package dev.claimcheck.core.model;

import java.util.Objects;

/** Why an attempt ended without a gradable response, after {@code retries} retries. */
public record AttemptError(ErrorCause cause, String message, int retries) {
    public AttemptError {
        Objects.requireNonNull(cause, "cause");
    }
}
