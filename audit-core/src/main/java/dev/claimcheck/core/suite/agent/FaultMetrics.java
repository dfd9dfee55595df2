package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.Estimate;

/**
 * The agent workload's figures for one fault ({@code metrics.byFault.<faultId>}).
 *
 * @param success success rate over the graded attempts of tasks given this fault (clustered by task)
 * @param recoveryRate success rate over those attempts in which the fault actually fired; null when it never did
 * @param attempts graded attempts of tasks given this fault
 * @param injected how many of them the fault fired in
 */
public record FaultMetrics(Estimate success, Estimate recoveryRate, int attempts, int injected) {
}
