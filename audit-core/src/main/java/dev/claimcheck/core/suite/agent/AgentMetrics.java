package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.Estimate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The agent workload's figures beside the shared ones ({@code metrics.agent}; null for other workloads). The success
 * rate is {@link Metrics#score()}; pass^k and the per-fault figures sit at {@code metrics.passHatK} and
 * {@code metrics.byFault}. Definitions: docs/workloads/agent.md.
 *
 * @param k the most attempts any task has
 * @param successes graded attempts whose final state met the goal within budget
 * @param policyViolationRate share of graded attempts with at least one policy violation (clustered CI)
 * @param policyViolations policy violations summed over graded attempts
 * @param stepsPerSuccess mean model turns of successful attempts (clustered CI); null without a success
 * @param tokensPerSuccess mean prompt + completion tokens of successful attempts (clustered CI); null without a success
 * @param toolErrors tool calls answered with an error, summed
 * @param malformedCalls malformed tool calls (bad JSON, unknown tool, wrong types, oversized arguments), summed
 * @param budgetStops graded attempts stopped by the step or token budget
 * @param byWorld success rate per world (workspace, orders, calendar)
 */
public record AgentMetrics(int k, int successes, Estimate policyViolationRate, int policyViolations,
                           Estimate stepsPerSuccess, Estimate tokensPerSuccess, int toolErrors, int malformedCalls,
                           int budgetStops, Map<String, Estimate> byWorld) {
    public AgentMetrics {
        byWorld = byWorld == null ? Map.of() : new TreeMap<>(byWorld);
    }
}
