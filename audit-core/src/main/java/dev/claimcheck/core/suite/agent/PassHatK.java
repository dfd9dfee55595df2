package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.model.Estimate;

/**
 * pass^k: the chance that k attempts drawn without replacement from a task's graded attempts all succeed
 * (C(c,k)/C(n,k) for c successes in n), averaged over tasks with at least k graded attempts. It falls as k
 * rises unless every task is solved always or never: the reliability figure beside pass@k.
 */
public record PassHatK(int k, Estimate estimate) {
}
