package dev.claimcheck.core.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a request is retried: exponential backoff from {@code baseDelay}, capped at
 * {@code maxDelay}, shortened by up to {@code jitter} (a fraction in [0, 1]) so that concurrent clients spread out.
 * A server's {@code Retry-After} wins over the backoff, but is capped at {@code maxDelay} too.
 *
 * @param maxRetries retries after the first try (so at most {@code maxRetries + 1} tries)
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, double jitter) {
    public static final int DEFAULT_MAX_RETRIES = 6;

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1]");
        }
    }

    /** 6 retries, 500 ms doubling up to 30 s, 20 % jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(DEFAULT_MAX_RETRIES, Duration.ofMillis(500), Duration.ofSeconds(30), 0.2);
    }

    /** Retries without waiting, even when the server asks for a pause; for tests and in-process servers. */
    public static RetryPolicy immediate(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ZERO, Duration.ZERO, 0);
    }

    /** Never retries. */
    public static RetryPolicy none() {
        return immediate(0);
    }

    /** The backoff before retry number {@code retry} (0 = the first retry). Deterministic for a seeded {@code random}. */
    public Duration backoff(int retry, RandomGenerator random) {
        long base = baseDelay.toMillis();
        long cap = maxDelay.toMillis();
        // Shift capped so that a large retry index cannot overflow.
        long exp = base <= 0 ? 0 : base << Math.min(retry, 30);
        if (exp < 0 || exp > cap) {
            exp = cap;
        }
        double factor = jitter == 0 ? 1 : 1 - jitter * random.nextDouble();
        return Duration.ofMillis(Math.round(exp * factor));
    }

    /** The wait before retry number {@code retry}: {@code retryAfter} (capped) when the server gave one, else the backoff. */
    public Duration delay(int retry, Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) {
            Duration d = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }
        return backoff(retry, random);
    }

    /**
     * Reads a {@code Retry-After} value: delta-seconds or an HTTP-date (a date in the past means now).
     * Anything else is ignored (empty), so a garbled header falls back to the backoff.
     */
    public static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
