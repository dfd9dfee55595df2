package dev.claimcheck.site.proof;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.suite.proofs.ProofReview;
import dev.claimcheck.core.verify.ReviewCheck;
import dev.claimcheck.site.index.RunEntry;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

/**
 * A proof run's human reviews in the root ({@code reviews/<run-id>/}), checked as {@code verify} checks them: only a
 * review signed by a key the root's allowed_signers lists for its reviewer is counted; the others are shown as what
 * they are.
 */
public final class ProofReviews {
    private ProofReviews() {
    }

    public static List<ReviewCheck.Report> of(RunEntry run, List<Sample> samples, Root root, Instant at) {
        return ReviewCheck.inRoot(root.dir(), run.manifest(), samples, signers(root), at);
    }

    public static List<ProofReview> trusted(List<ReviewCheck.Report> reports) {
        return reports.stream().filter(ReviewCheck.Report::trusted).map(ReviewCheck.Report::review).toList();
    }

    /** The root's allowed_signers; none when absent or unreadable (then no review is trusted). */
    static AllowedSigners signers(Root root) {
        if (!Files.isRegularFile(root.allowedSigners()) || RootWalk.throughLink(root, root.allowedSigners())) {
            return new AllowedSigners(List.of());
        }
        try {
            return AllowedSigners.read(root.allowedSigners());
        } catch (RuntimeException e) {
            return new AllowedSigners(List.of());
        }
    }
}
