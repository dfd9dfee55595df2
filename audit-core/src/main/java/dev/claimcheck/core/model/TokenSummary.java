package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mean and percentiles of a per-attempt token count.
 *
 * @param counted attempts whose figure the harness counted with the run's tokenizer because the server did not report
 *     it (reasoning tokens, {@link Usage#reasoningCounted()}); null when none, so the figure is the servers' own
 */
public record TokenSummary(double mean, double p50, double p90, @JsonInclude(JsonInclude.Include.NON_NULL) Integer counted) {
    public static final TokenSummary EMPTY = new TokenSummary(0, 0, 0);

    public TokenSummary(double mean, double p50, double p90) {
        this(mean, p50, p90, null);
    }

    /** This summary noting how many of its figures were counted (none: null). */
    public TokenSummary withCounted(int n) {
        return new TokenSummary(mean, p50, p90, n == 0 ? null : n);
    }
}
