package dev.claimcheck.core.verify;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.TaskList;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.run.ShardPartition;
import dev.claimcheck.core.verify.Finding.Kind;
import java.util.List;

/**
 * The journal's task ids against the task list run.json committed to at the run's start ({@code tasks}): whole tasks
 * dropped with the metrics recomputed leave every remaining task complete (no attemptMissing) and, in a suite whose
 * dataset rows are not its tasks, nothing to count them against but this commitment (docs/verification.md).
 */
final class TaskListCheck {
    private TaskListCheck() {
    }

    static void check(RunManifest manifest, List<Sample> samples, List<Finding> findings) {
        if (manifest.status() != RunStatus.COMPLETE || manifest.workload() == Workload.THROUGHPUT) {
            return; // the bench has no tasks; an incomplete run is the incomplete finding
        }
        TaskList committed = manifest.tasks();
        if (committed == null) {
            findings.add(new Finding(Kind.TASK_LIST_UNCOMMITTED, "run.json has no tasks commitment (recorded before it"
                    + " existed): dropped tasks go unseen"));
            return;
        }
        List<String> ids = samples.stream().map(Sample::taskId).distinct().toList();
        String sha = ShardPartition.taskIdsSha256(ids.stream());
        if (ids.size() == committed.count() && sha.equals(committed.idsSha256())) {
            return;
        }
        if (ids.size() < committed.count()) {
            findings.add(new Finding(Kind.TASK_MISSING, "the journal has attempts of " + ids.size()
                    + " tasks; run.json tasks.count commits to " + committed.count()));
        } else {
            findings.add(new Finding(Kind.TASK_LIST_MISMATCH, "the journal's " + ids.size() + " task ids hash to "
                    + sha.substring(0, 12) + "…, not the committed " + committed.count() + " (" + prefix(committed) + "…)"));
        }
    }

    private static String prefix(TaskList committed) {
        String h = committed.idsSha256();
        return h.length() <= 12 ? h : h.substring(0, 12);
    }
}
