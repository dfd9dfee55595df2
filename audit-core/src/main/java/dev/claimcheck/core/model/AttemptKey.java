package dev.claimcheck.core.model;

import java.util.Comparator;

/** Identifies one attempt of one task within a run. */
public record AttemptKey(String taskId, int attempt) {
    /**
     * The canonical order of a run's attempts (task id, then attempt): metrics and proofs are computed in it, so they
     * do not depend on the order attempts finished in or on how the run was split into shards.
     */
    public static final Comparator<AttemptKey> ORDER =
            Comparator.comparing(AttemptKey::taskId).thenComparingInt(AttemptKey::attempt);

    /** The same order over samples. */
    public static final Comparator<Sample> SAMPLE_ORDER = Comparator.comparing(Sample::key, ORDER);
}
