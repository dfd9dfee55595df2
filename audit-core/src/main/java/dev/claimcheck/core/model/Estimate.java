package dev.claimcheck.core.model;

/**
 * A per-task statistic averaged over tasks, with a t interval over tasks (docs/architecture.md §5.3).
 *
 * @param value the mean over {@code tasks}
 * @param ci95Low lower end of the 95% interval, clipped to [0, 1]; null with fewer than 2 tasks
 * @param ci95High upper end, likewise
 * @param tasks tasks the mean is over
 */
public record Estimate(double value, Double ci95Low, Double ci95High, int tasks) {
}
