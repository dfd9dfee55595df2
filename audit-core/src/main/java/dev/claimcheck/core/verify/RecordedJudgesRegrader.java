package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Grader;
import dev.claimcheck.core.grade.Graders;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.proofs.JudgeGrade;
import dev.claimcheck.core.suite.proofs.ProofDetail;
import dev.claimcheck.core.suite.proofs.ProofSuite;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Re-grade of a judged run (proofs): every recorded judge reply is read again with the grader version the verdict
 * names, and must give the recorded status and points; each attempt's verdict must follow from its grades (the figures
 * and totals are then recomputed by the metrics check). Asking the judges again needs their endpoints, so the run is
 * also reported {@code notRegraded} with that reason (docs/verification.md).
 */
final class RecordedJudgesRegrader implements Regrader {
    private final boolean rejudge;

    RecordedJudgesRegrader() {
        this(false);
    }

    /** @param rejudge ask the recorded judges again ({@code verify --rejudge}) */
    RecordedJudgesRegrader(boolean rejudge) {
        this.rejudge = rejudge;
    }

    @Override
    public List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root) {
        Findings.Collector out = new Findings.Collector();
        boolean simulatedJudge = false;
        for (Sample s : samples) {
            Verdict recorded = s.verdict();
            if (recorded == null) {
                continue;
            }
            String where = s.taskId() + "#" + s.attempt();
            ProofDetail detail = ProofDetail.read(recorded.detail()).orElse(null);
            if (detail == null) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": verdict.detail is not a proof detail"));
                continue;
            }
            Grader grader;
            try {
                grader = Graders.byIdAndVersion(recorded.grader(), recorded.graderVersion());
            } catch (BadInputException e) {
                out.add(new Finding(Kind.NOT_REGRADED, where + ": " + e.getMessage()));
                continue;
            }
            String max = String.valueOf(detail.maxPoints());
            for (JudgeGrade g : detail.judges()) {
                simulatedJudge |= g.judge().startsWith("sim");
                if (g.status() == JudgeGrade.Status.ERROR) {
                    continue; // no reply to read
                }
                Verdict again = grader.grade(g.reply(), max);
                boolean parsed = again.extracted() != null;
                Double points = parsed ? Double.valueOf(again.extracted()) : null;
                if (parsed != (g.status() == JudgeGrade.Status.GRADED) || !Objects.equals(points, g.points())) {
                    out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": judge " + g.judge() + " recorded " + g.status().id()
                            + " " + g.points() + ", its reply reads " + (parsed ? points + " points" : again.detail())));
                }
            }
            Verdict expected = ProofSuite.verdict(detail);
            if (expected.correct() != recorded.correct() || Double.compare(expected.score(), recorded.score()) != 0) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": recorded score " + recorded.score()
                        + ", the judges' grades give " + expected.score()));
            }
        }
        if (simulatedJudge && !manifest.simulated()) {
            out.add(new Finding(Kind.SIMULATED_MISLABELLED, "a simulated judge graded a run not labelled simulated"));
        }
        reviews(manifest, samples, root, out);
        if (!rejudge) {
            out.add(new Finding(Kind.NOT_REGRADED, "judges not asked again: re-judging needs the judges' endpoints"
                    + " (the recorded replies were re-read and checked; verify --rejudge asks them)"));
            return out.list();
        }
        try {
            // A simulated judge must answer exactly as recorded; a real one may not, which is drift, not a failure.
            Kind kind = manifest.simulated() ? Kind.REGRADE_MISMATCH : Kind.REGRADE_DRIFT;
            for (String d : dev.claimcheck.core.suite.proofs.ProofRejudge.differences(manifest, samples, root)) {
                out.add(new Finding(kind, d));
            }
        } catch (BadInputException e) {
            out.add(new Finding(Kind.NOT_REGRADED, "judges not asked again: " + e.getMessage()));
        }
        return out.list();
    }

    /** Every human review of this run in the root ({@code reviews/<run-id>/*.json}), checked like a run. */
    private static void reviews(RunManifest manifest, List<Sample> samples, Path root, Findings.Collector out) {
        if (root == null) {
            return;
        }
        Path signersFile = root.resolve("results/allowed_signers");
        dev.claimcheck.core.provenance.AllowedSigners signers = java.nio.file.Files.isRegularFile(signersFile)
                ? dev.claimcheck.core.provenance.AllowedSigners.read(signersFile)
                : dev.claimcheck.core.provenance.AllowedSigners.parse("", java.time.ZoneOffset.UTC);
        for (ReviewCheck.Report r : ReviewCheck.inRoot(root, manifest, samples, signers, java.time.Instant.now())) {
            String where = ReviewCheck.REVIEWS + "/" + manifest.runId() + "/" + r.file().getFileName() + ": ";
            switch (r.status()) {
                case TRUSTED -> { }
                case UNTRUSTED -> out.add(new Finding(Kind.REVIEW_UNTRUSTED, where + String.join("; ", r.problems())));
                case INVALID -> out.add(new Finding(Kind.REVIEW_INVALID, where + String.join("; ", r.problems())));
            }
        }
    }
}
