package dev.claimcheck.core.stats;

/**
 * One strategy (at one budget) of a routing analysis. Every figure is a per-attempt mean over the instant run's
 * attempts (the thinking run's, for {@code thinking-only}) with a cluster-robust (by task) 95% interval.
 *
 * @param budget the instant output-token budget for {@code escalate-over-budget}, else null
 * @param accuracy fraction answered correctly (an escalated attempt scores the thinking run's mean on that task)
 * @param tokens output tokens spent: the instant attempt's, plus the thinking run's mean on the task when escalated
 * @param latencyMs end-to-end milliseconds, added up the same way; null when either run lacks timings
 * @param escalated fraction of attempts escalated
 */
public record RoutingRow(RoutingStrategy strategy, Long budget, ScoreInterval accuracy, ScoreInterval tokens,
                         ScoreInterval latencyMs, double escalated) {
}
