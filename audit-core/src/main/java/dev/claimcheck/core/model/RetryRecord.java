package dev.claimcheck.core.model;

/**
 * One failed try of a request that was retried.
 *
 * @param cause why the try failed
 * @param status the HTTP status, 0 when none was received
 * @param delayMs how long the client waited before the next try
 * @param message short description (never contains secrets)
 */
public record RetryRecord(ErrorCause cause, int status, long delayMs, String message) {
}
