package dev.claimcheck.core.suite.gaia2;

import dev.claimcheck.core.model.Estimate;

/**
 * The agentic-search workload's figures ({@code metrics.search} in run.json). The accuracy itself stays
 * {@code metrics.score} (correct answers over graded attempts, clustered by task). Means are over graded attempts,
 * clustered by task (t interval, not clipped). Definitions: docs/workloads/gaia2.md.
 *
 * @param tokensPerTask prompt + completion tokens per attempt, summed over its turns
 * @param toolCallsPerTask tool server calls per attempt (the answer call not counted)
 * @param stepsPerTask model turns per attempt
 * @param toolErrors calls answered with an error (server error, transport failure or timeout, malformed call)
 * @param malformedCalls calls refused before reaching the server
 * @param noAnswer attempts that ended without an answer (budget stop, empty answer)
 * @param budgetStops attempts stopped by {@code --max-steps} or {@code --max-episode-tokens}
 */
public record SearchMetrics(Estimate tokensPerTask, Estimate toolCallsPerTask, Estimate stepsPerTask, int toolErrors,
                            int malformedCalls, int noAnswer, int budgetStops) {
}
