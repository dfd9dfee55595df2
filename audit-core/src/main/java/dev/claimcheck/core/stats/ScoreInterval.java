package dev.claimcheck.core.stats;

/** A point estimate with its 95% interval; {@code low}/{@code high} are null when undefined (fewer than 2 tasks). */
public record ScoreInterval(double estimate, Double low, Double high, int clusters, int observations) {
}
