package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-grade for suites graded against a dataset answer (math): no dataset is needed. Each recorded
 * response is graded again against its recorded {@code verdict.expected} with the grader version the
 * verdict names (a disagreement is a failure); the newest version of that grader is also asked, and
 * a disagreement there is reported as drift. When the samples cover every dataset row, the recorded
 * expected answers must hash to the run's {@code answersSha256}, so they cannot be edited to fit.
 */
public final class RecordedAnswerRegrader implements Regrader {
    @Override
    public List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root) {
        Findings.Collector out = new Findings.Collector();
        Map<String, String> answers = new HashMap<>();
        for (Sample s : samples) {
            Verdict recorded = s.verdict();
            if (recorded == null) {
                continue;
            }
            String where = s.taskId() + "#" + s.attempt();
            String previous = answers.putIfAbsent(s.taskId(), recorded.expected());
            if (previous != null && !previous.equals(recorded.expected())) {
                out.add(new Finding(Kind.EXPECTED_MISMATCH, where + ": verdict.expected differs between attempts of one task"));
                continue;
            }
            Verdict again;
            try {
                again = Regrade.of(s);
            } catch (BadInputException e) {
                out.add(new Finding(Kind.NOT_REGRADED, where + ": " + e.getMessage()));
                continue;
            }
            if (again.correct() != recorded.correct() || Double.compare(again.score(), recorded.score()) != 0) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": recorded correct=" + recorded.correct() + ", "
                        + recorded.grader() + " " + recorded.graderVersion() + " re-grades correct=" + again.correct()
                        + " (" + again.detail() + ")"));
                continue;
            }
            Grader newest = Graders.byId(recorded.grader());
            if (!newest.version().equals(recorded.graderVersion())) {
                Verdict now = newest.gradeResponse(s.response(), recorded.expected());
                if (now.correct() != recorded.correct()) {
                    out.add(new Finding(Kind.REGRADE_DRIFT, where + ": grader " + newest.id() + " " + newest.version()
                            + " says correct=" + now.correct() + ", recorded version " + recorded.graderVersion()
                            + " said " + recorded.correct()));
                }
            }
        }
        RunManifest.DatasetRef dataset = manifest.suite().dataset();
        if (dataset != null && dataset.answersSha256() != null && dataset.rows() != null
                && answers.size() == dataset.rows()) {
            String actual = AnswersHash.of(answers);
            if (!Objects.equals(actual, dataset.answersSha256())) {
                out.add(new Finding(Kind.EXPECTED_MISMATCH, "the recorded expected answers hash to " + actual
                        + ", run.json suite.dataset.answersSha256 is " + dataset.answersSha256()));
            }
        }
        return out.list();
    }
}
