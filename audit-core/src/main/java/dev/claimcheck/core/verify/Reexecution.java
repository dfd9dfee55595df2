package dev.claimcheck.core.verify;

import dev.claimcheck.core.ClaimcheckException;
import dev.claimcheck.core.grade.CodeGrader;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code verify --reexecute} for code runs: loads the dataset the run names (resolved against the root, hash
 * checked), and runs each recorded program again in the sandbox. A different outcome (solved or not) is a
 * {@code regradeMismatch}; the same outcome with another failure kind (a timeLimit that is now a wrongAnswer) is
 * {@code regradeDrift}, since execution depends on the machine.
 */
final class Reexecution {
    private Reexecution() {
    }

    static void check(RunManifest manifest, List<Sample> samples, Path root, Findings.Collector out) {
        Suite suite;
        Map<String, Task> byId = new HashMap<>();
        try {
            suite = SuiteRegistry.byId(manifest.suite().id());
            Object options = SuiteOptions.restore(suite, manifest.suite().options());
            SuiteContext context = new SuiteContext(manifest.request() == null ? 0 : manifest.request().seed(), options, root);
            String recorded = manifest.suite().dataset() == null ? null : manifest.suite().dataset().sha256();
            Suite.Prepared prepared = suite.prepare(context);
            String actual = prepared.dataset().sha256();
            if (!Objects.equals(recorded, actual)) {
                out.add(new Finding(Kind.DATASET_MISMATCH, "--reexecute: the dataset hashes to " + actual + ", run.json says " + recorded));
                return;
            }
            prepared.tasks().forEach(t -> byId.put(t.id(), t));
        } catch (ClaimcheckException | IllegalArgumentException e) {
            out.add(new Finding(Kind.NOT_REGRADED, "--reexecute: cannot load the dataset: " + Findings.clip(e.getMessage())));
            return;
        }
        for (Sample s : samples) {
            Verdict recorded = s.verdict();
            if (recorded == null) {
                continue;
            }
            String where = Findings.clip(s.taskId()) + "#" + s.attempt();
            Task task = byId.get(s.taskId());
            if (task == null) {
                out.add(new Finding(Kind.UNKNOWN_TASK, where + ": no such problem in the dataset"));
                continue;
            }
            if (!CodeGrader.testsRef(task.expected()).equals(recorded.expected())) {
                out.add(new Finding(Kind.EXPECTED_MISMATCH, where + ": the dataset's tests do not hash to verdict.expected"));
                continue;
            }
            Verdict now = suite.grade(task, s.response() == null ? "" : s.response().content());
            String was = CodeDetail.parse(recorded.detail()).map(CodeDetail::verdict).orElse("?");
            String is = CodeDetail.parse(now.detail()).map(CodeDetail::verdict).orElse("?");
            if (now.correct() != recorded.correct()) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": re-executed " + is + ", recorded " + was));
            } else if (!was.equals(is)) {
                out.add(new Finding(Kind.REGRADE_DRIFT, where + ": re-executed " + is + ", recorded " + was));
            }
        }
    }
}
