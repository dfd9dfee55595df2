package dev.claimcheck.core.verify;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import java.nio.file.Path;
import java.util.List;

/**
 * The per-workload re-grade (docs/verification.md), one small piece per suite, registered in {@link Regraders} by
 * suite id. It checks that the recorded samples are what the suite would have produced and graded; it reports
 * {@link Finding.Kind#REGRADE_DRIFT} (not a failure) when a newer grader version disagrees with the recorded verdict.
 */
public interface Regrader {
    /** The suite ids this re-grader handles. */
    List<String> suiteIds();

    /**
     * @param manifest the run's run.json (schema already checked)
     * @param samples the journal, already parsed and free of duplicates
     * @param root the run's root (datasets and recipes are resolved against it), or null when unknown
     */
    List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root);
}
