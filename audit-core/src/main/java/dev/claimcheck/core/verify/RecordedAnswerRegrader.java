package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.model.AnswersHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.math.MathJudgeReplay;
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
 *
 * <p>A recorded answer-judge verdict (math {@code --judge}) is checked as proofs' judges are: its reply is read again
 * and must give the recorded status and verdict; asking the judge again needs its endpoint, so the run is also
 * reported {@code notRegraded} for it unless {@code verify --rejudge} asks it (docs/verification.md).
 */
public final class RecordedAnswerRegrader implements Regrader {
    private final boolean rejudge;

    public RecordedAnswerRegrader() {
        this(false);
    }

    /** @param rejudge ask a recorded answer judge again ({@code verify --rejudge}) */
    RecordedAnswerRegrader(boolean rejudge) {
        this.rejudge = rejudge;
    }

    @Override
    public List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root) {
        Findings.Collector out = new Findings.Collector();
        Map<String, String> answers = new HashMap<>();
        boolean judged = false;
        boolean simulatedJudge = false;
        for (Sample s : samples) {
            Verdict recorded = s.verdict();
            if (recorded == null) {
                continue;
            }
            String where = s.taskId() + "#" + s.attempt();
            if (s.judge() != null) {
                judged = true;
                simulatedJudge |= s.judge().judge().startsWith("sim");
                String problem = MathJudgeReplay.reread(s.judge());
                if (problem != null) {
                    out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": " + problem));
                }
            }
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
        if (judged) {
            judges(manifest, samples, root, simulatedJudge, out);
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
        DatasetTasks.missing(manifest, samples, out);
        return out.list();
    }

    private void judges(RunManifest manifest, List<Sample> samples, Path root, boolean simulatedJudge,
                        Findings.Collector out) {
        if (simulatedJudge && !manifest.simulated()) {
            out.add(new Finding(Kind.SIMULATED_MISLABELLED, "a simulated judge graded a run not labelled simulated"));
        }
        if (!rejudge) {
            out.add(new Finding(Kind.NOT_REGRADED, "answer judge not asked again: re-judging needs the judge's endpoint"
                    + " (the recorded replies were re-read and checked; verify --rejudge asks it)"));
            return;
        }
        try {
            // A simulated judge must answer exactly as recorded; a real one may not, which is drift, not a failure.
            Kind kind = manifest.simulated() ? Kind.REGRADE_MISMATCH : Kind.REGRADE_DRIFT;
            for (String d : MathJudgeReplay.differences(manifest, samples, root)) {
                out.add(new Finding(kind, d));
            }
        } catch (BadInputException e) {
            out.add(new Finding(Kind.NOT_REGRADED, "answer judge not asked again: " + e.getMessage()));
        }
    }
}
