package dev.claimcheck.core.model;

/** Identifies one attempt of one task within a run. */
public record AttemptKey(String taskId, int attempt) {
}
