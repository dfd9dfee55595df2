package dev.claimcheck.core.model;

/** Mean and percentiles of a per-attempt token count. */
public record TokenSummary(double mean, double p50, double p90) {
    public static final TokenSummary EMPTY = new TokenSummary(0, 0, 0);
}
