package dev.claimcheck.site.claims;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.ClaimAssessment;
import dev.claimcheck.core.stats.ClaimVerdicts;
import dev.claimcheck.core.stats.Sentence;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.suite.proofs.ProofMetrics;
import dev.claimcheck.core.suite.proofs.ProofRunMetrics;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.proof.ProofPageView;
import dev.claimcheck.site.proof.ProofReviews;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A self-graded competition claim ({@code competitionPoints}) judged by the proofs workload (docs/workloads/proofs.md):
 * the latest proofs run of the claim's model, lane and dataset, its figures recomputed with the root's trusted human
 * reviews counted beside the judges, and the verdict those graders give, with their count.
 */
final class ProofClaims {
    private ProofClaims() {
    }

    static boolean applies(Claim c) {
        return c.metricKind() == ClaimMetric.COMPETITION_POINTS;
    }

    static Optional<RunEntry> match(ResultsIndex index, ClaimsFile f, Claim c) {
        return index.runs().stream()
                .filter(r -> r.manifest().shard() == null && r.manifest().workload() == Workload.PROOFS)
                .filter(r -> r.modelSlug().equals(f.modelSlug()) && r.manifest().lane() == f.lane()
                        && r.datasetName().equals(c.dataset()))
                .max(Comparator.comparing((RunEntry r) -> !r.simulated()).thenComparing(RunEntry::runId));
    }

    static ClaimAssessment assess(ResultsIndex index, Claim c, Optional<RunEntry> run) {
        if (run.isEmpty()) {
            return new ClaimAssessment(ClaimVerdict.NOT_REPRODUCED, null, null, null, null, List.of(),
                    Sentence.text("no proofs run of " + c.dataset() + " yet"), null);
        }
        RunEntry r = run.get();
        List<Sample> samples = Journal.readAll(r.folder());
        ProofMetrics m = ProofRunMetrics.of(samples, ProofReviews.trusted(ProofReviews.of(r, samples, index.root(), Instant.now())));
        long humans = m.judges().stream().filter(j -> j.total() != null && j.judge().startsWith(ProofRunMetrics.HUMAN)).count();
        String graders = m.graders() + " graders (" + (m.graders() - humans) + " judges, " + humans + " human reviewers)";
        ProofMetrics.ClaimCheck check = m.claim();
        if (check == null) {
            return new ClaimAssessment(ClaimVerdict.NOT_REPRODUCED, m.total(), m.totalLow(), m.totalHigh(), null, List.of(),
                    Sentence.text("the run holds no self-grade for every problem · " + graders), null);
        }
        String stated = Math.abs(check.claimedTotal() - c.value()) < 1e-9 ? ""
                : " · the vendor's README sums to " + ProofPageView.points(check.claimedTotal()) + ", the ledger states "
                        + ProofPageView.points(c.value());
        if (r.simulated()) {
            return new ClaimAssessment(ClaimVerdict.NOT_REPRODUCED, m.total(), m.totalLow(), m.totalHigh(), null, List.of(),
                    Sentence.text(ClaimVerdicts.SIMULATED_ONLY + "; the graders' verdict on it: " + check.verdict() + " · " + graders + stated), null);
        }
        ClaimVerdict v = switch (check.verdict()) {
            case "consistent" -> ClaimVerdict.CONSISTENT;
            case "refuted" -> ClaimVerdict.REFUTED;
            default -> ClaimVerdict.NOT_REPRODUCED;
        };
        return new ClaimAssessment(v, m.total(), m.totalLow(), m.totalHigh(), null, List.of(),
                Sentence.text(check.rule() + " · " + graders + stated), null);
    }
}
