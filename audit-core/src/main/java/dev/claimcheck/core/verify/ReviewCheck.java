package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.provenance.InvalidSignatureException;
import dev.claimcheck.core.provenance.SignatureVerdict;
import dev.claimcheck.core.provenance.SshPublicKey;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.provenance.Trust;
import dev.claimcheck.core.stats.Sentence;
import dev.claimcheck.core.stats.Sentence.Kind;
import dev.claimcheck.core.suite.proofs.ProofDetail;
import dev.claimcheck.core.suite.proofs.ProofReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies one human review of a proof run like a run (docs/workloads/proofs.md): its signature ({@code .sig} beside
 * it), that allowed_signers trusts the key for the reviewer's principal, and that every grade names a solution of the
 * run by its hash and awards points within the problem's maximum.
 */
public final class ReviewCheck {
    /** A review's standing: trusted (count it), untrusted (a valid signature by a key not allowed), or invalid. */
    public enum Status { TRUSTED, UNTRUSTED, INVALID }

    /**
     * The verdict on one review file, with every reason it is not trusted.
     *
     * @param reasons why it is not trusted, as sentences the site words in each language (docs/site.md, "Languages")
     * @param review the review as read, or null when it could not be read
     */
    public record Report(Path file, Status status, List<Sentence> reasons, ProofReview review) {
        public Report {
            reasons = List.copyOf(reasons);
        }

        /** The reasons in English, as verify prints them. */
        public List<String> problems() {
            return reasons.stream().map(Sentence::english).toList();
        }

        public boolean trusted() {
            return status == Status.TRUSTED;
        }
    }

    /** Where a run's reviews lie in a root. */
    public static Path folder(Path root, String runId) {
        return root.resolve(REVIEWS).resolve(runId);
    }

    /**
     * Every review of the run in the root ({@code reviews/<run-id>/*.json}, by name), checked. A symbolic link (the
     * folders, a review or its signature) is never followed: it is an invalid review, like a file that cannot be read.
     */
    public static List<Report> inRoot(Path root, RunManifest run, List<Sample> samples, AllowedSigners signers, Instant at) {
        Path reviews = root.resolve(REVIEWS);
        Path dir = folder(root, run.runId());
        if (Files.isSymbolicLink(reviews) || Files.isSymbolicLink(dir)) {
            return List.of(new Report(dir, Status.INVALID, List.of(Sentence.of(Kind.REVIEW_SYMLINK)), null));
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Report> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(check(f, run, samples, signers, at));
            }
        } catch (IOException e) {
            out.add(new Report(dir, Status.INVALID, List.of(Sentence.of(Kind.REVIEW_UNLISTABLE, e.getMessage())), null));
        }
        return out;
    }

    /** The root's folder of reviews. */
    public static final String REVIEWS = "reviews";

    private ReviewCheck() {
    }

    public static Report check(Path reviewFile, RunManifest run, List<Sample> samples, AllowedSigners signers, Instant at) {
        Path sig = signatureOf(reviewFile);
        if (Files.isSymbolicLink(reviewFile) || Files.isSymbolicLink(sig)) {
            return new Report(reviewFile, Status.INVALID, List.of(Sentence.of(Kind.REVIEW_SYMLINK)), null);
        }
        ProofReview review;
        try {
            review = ProofReview.read(reviewFile);
        } catch (BadInputException e) {
            return new Report(reviewFile, Status.INVALID, List.of(Sentence.text(e.getMessage())), null);
        }
        SshPublicKey key;
        try {
            key = SshSignature.verify(Files.readAllBytes(reviewFile), Files.readString(sig, StandardCharsets.UTF_8),
                    SshSignature.NAMESPACE);
        } catch (IOException e) {
            return new Report(reviewFile, Status.INVALID, List.of(Sentence.of(Kind.REVIEW_UNSIGNED, sig)), review);
        } catch (InvalidSignatureException e) {
            return new Report(reviewFile, Status.INVALID, List.of(Sentence.of(Kind.REVIEW_BAD_SIGNATURE, sig, e.getMessage())), review);
        }
        List<Sentence> problems = contentProblems(review, run, samples);
        if (!problems.isEmpty()) {
            return new Report(reviewFile, Status.INVALID, problems, review);
        }
        Trust trust = signers.check(key, review.reviewer(), SshSignature.NAMESPACE, at);
        if (trust instanceof Trust.Trusted) {
            return new Report(reviewFile, Status.TRUSTED, List.of(), review);
        }
        return new Report(reviewFile, Status.UNTRUSTED, List.of(new SignatureVerdict.Valid(key, trust).sentence()), review);
    }

    /** {@code <review>.json.sig}: the SSH signature beside a review. */
    public static Path signatureOf(Path reviewFile) {
        return reviewFile.resolveSibling(reviewFile.getFileName() + ".sig");
    }

    /**
     * What makes a review wrong whoever signed it: another run, a solution the run does not hold by that hash, points
     * outside the problem's range. Empty when none.
     */
    public static List<Sentence> contentProblems(ProofReview review, RunManifest run, List<Sample> samples) {
        List<Sentence> problems = new ArrayList<>();
        if (!review.runId().equals(run.runId())) {
            problems.add(Sentence.of(Kind.REVIEW_OTHER_RUN, review.runId(), run.runId()));
        }
        for (ProofReview.Grade g : review.grades()) {
            String where = g.problem() + "#" + g.attempt();
            Sample s = samples.stream().filter(x -> x.taskId().equals(g.problem()) && x.attempt() == g.attempt())
                    .findFirst().orElse(null);
            if (s == null || s.response() == null) {
                problems.add(Sentence.of(Kind.REVIEW_NO_SOLUTION, where));
                continue;
            }
            String actual = "sha256:" + PromptHash.sha256Hex(s.response().content());
            if (!actual.equals(g.solutionSha256())) {
                problems.add(Sentence.of(Kind.REVIEW_OTHER_SOLUTION, where, g.solutionSha256(), actual));
            }
            ProofDetail d = s.verdict() == null ? null : ProofDetail.read(s.verdict().detail()).orElse(null);
            if (d != null && !(g.points() >= 0 && g.points() <= d.maxPoints())) {
                problems.add(Sentence.of(Kind.REVIEW_POINTS_OUTSIDE, where, g.points(), d.maxPoints()));
            }
        }
        return problems;
    }
}
