package dev.claimcheck.core.verify;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import java.nio.file.Path;
import java.util.List;

/**
 * The re-grade of a recorded run, one per {@link dev.claimcheck.core.suite.RegradeMethod} a suite declares
 * (mapped in {@link Regraders}; docs/verification.md). It checks that the recorded samples are what the suite would have produced and graded; it reports
 * {@link Finding.Kind#REGRADE_DRIFT} (not a failure) when a newer grader version disagrees with the recorded verdict.
 */
public interface Regrader {
    /**
     * @param manifest the run's run.json (schema already checked)
     * @param samples the journal, already parsed and free of duplicates
     * @param root the run's root (datasets and recipes are resolved against it), or null when unknown
     */
    List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root);
}
