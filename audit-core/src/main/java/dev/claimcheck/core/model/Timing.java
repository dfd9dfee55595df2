package dev.claimcheck.core.model;

/**
 * Per-request timing in milliseconds after the request was sent, on the monotonic clock.
 * A component is null when the event never happened (e.g. no content token).
 *
 * @param firstByteMs first byte of the response (headers)
 * @param ttftMs first token of any kind (reasoning or content)
 * @param firstContentMs first content token (after any reasoning)
 * @param lastTokenMs last token
 * @param e2eMs end of the response
 */
public record Timing(Double firstByteMs, Double ttftMs, Double firstContentMs, Double lastTokenMs, Double e2eMs) {
    public static final Timing NONE = new Timing(null, null, null, null, null);
}
