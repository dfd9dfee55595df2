package dev.claimcheck.core.verify;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding.Kind;
import java.util.List;

/**
 * The task count of a run whose suite makes one task per dataset row ({@code Suite.tasksAreRows}): a complete run
 * that is not a shard has attempts of the first {@code min(rows, request.limit)} tasks. Fewer means whole tasks were
 * dropped with the metrics recomputed, which the re-grade of the tasks that are left cannot see.
 */
final class DatasetTasks {
    private DatasetTasks() {
    }

    static void missing(RunManifest manifest, List<Sample> samples, Findings.Collector out) {
        RunManifest.DatasetRef dataset = manifest.suite().dataset();
        if (dataset == null || dataset.rows() == null || manifest.status() != RunStatus.COMPLETE || manifest.shard() != null
                || manifest.request() == null
                || !SuiteRegistry.find(manifest.suite().id()).map(s -> s.tasksAreRows()).orElse(false)) {
            return;
        }
        Integer limit = manifest.request().limit();
        int planned = limit == null ? dataset.rows() : Math.min(limit, dataset.rows());
        long tasks = samples.stream().map(Sample::taskId).distinct().count();
        if (tasks < planned) {
            out.add(new Finding(Kind.TASK_MISSING, "the journal has attempts of " + tasks + " tasks; the dataset's "
                    + dataset.rows() + " rows" + (limit == null ? "" : " with limit " + limit) + " make " + planned));
        }
    }
}
