package dev.claimcheck.site.claims;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimMetric;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.ClaimAssessment;
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
                    Sentence.of(Sentence.Kind.PROOF_NO_RUN, c.dataset()), null);
        }
        RunEntry r = run.get();
        List<Sample> samples = Journal.readAll(r.folder());
        ProofMetrics m = ProofRunMetrics.of(samples, ProofReviews.trusted(ProofReviews.of(r, samples, index.root(), Instant.now())));
        long humans = m.judges().stream().filter(j -> j.total() != null && j.judge().startsWith(ProofRunMetrics.HUMAN)).count();
        Sentence graders = Sentence.of(Sentence.Kind.PROOF_GRADERS, m.graders(), m.graders() - humans, humans);
        ProofMetrics.ClaimCheck check = m.claim();
        if (check == null) {
            return new ClaimAssessment(ClaimVerdict.NOT_REPRODUCED, m.total(), m.totalLow(), m.totalHigh(), null, List.of(),
                    Sentence.of(Sentence.Kind.PROOF_NO_SELF_GRADE).then(graders), null);
        }
        ClaimVerdict v = switch (check.verdict()) {
            case "consistent" -> ClaimVerdict.CONSISTENT;
            case "refuted" -> ClaimVerdict.REFUTED;
            default -> ClaimVerdict.NOT_REPRODUCED;
        };
        Sentence note = (r.simulated() ? simulated(v) : ProofRunMetrics.rule(m)).then(graders);
        if (Math.abs(check.claimedTotal() - c.value()) >= 1e-9) {
            note = note.then(Sentence.of(Sentence.Kind.PROOF_README_SUM, ProofPageView.points(check.claimedTotal()),
                    ProofPageView.points(c.value())));
        }
        return new ClaimAssessment(r.simulated() ? ClaimVerdict.NOT_REPRODUCED : v, m.total(), m.totalLow(), m.totalHigh(),
                null, List.of(), note, null);
    }

    /** A simulated run is no evidence: the graders' verdict on it is only told. */
    private static Sentence simulated(ClaimVerdict graders) {
        return Sentence.of(switch (graders) {
            case CONSISTENT -> Sentence.Kind.PROOF_SIMULATED_CONSISTENT;
            case REFUTED -> Sentence.Kind.PROOF_SIMULATED_REFUTED;
            default -> Sentence.Kind.PROOF_SIMULATED_NOT_REPRODUCED;
        });
    }
}
