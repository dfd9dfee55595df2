package dev.claimcheck.core.model;

/**
 * pass@k: the chance that at least one of k attempts drawn without replacement from a task's graded
 * attempts is correct (unbiased estimator 1 − C(n−c,k)/C(n,k)), averaged over tasks with at least k
 * graded attempts.
 */
public record PassAtK(int k, Estimate estimate) {
}
