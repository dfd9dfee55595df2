package dev.claimcheck.core.verify;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.SigningKey;
import dev.claimcheck.core.provenance.SshPublicKey;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.suite.proofs.ProofReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Signs a human review of a proof run ({@code sign reviews/<run-id>/<reviewer>.json --key KEY}): writes
 * {@code <reviewer>.json.sig}, the SSH signature (namespace {@code claimcheck}) that {@link ReviewCheck} verifies and
 * {@code ssh-keygen -Y verify -n claimcheck} accepts. It refuses first what {@link ReviewCheck} would reject whoever
 * signed: a file that is not a review, one not at its place in the root, or grades that do not fit the run.
 */
public final class ReviewSigner {
    /** What was signed, and by which key. */
    public record Signed(Path review, Path signature, SshPublicKey signer, String runFolder, int grades) {
    }

    private ReviewSigner() {
    }

    /** Whether a path names a review file rather than a run folder (the sign command takes either). */
    public static boolean isReview(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".json");
    }

    /** Throws what {@link #sign} would throw before a key is opened. */
    public static Target check(Path file, boolean force) {
        if (Files.isSymbolicLink(file)) {
            throw new BadInputException(file + ": a symbolic link; sign the file itself");
        }
        ProofReview review = ProofReview.read(file);
        Path dir = file.toAbsolutePath().normalize().getParent();
        String name = review.reviewer() + ".json";
        if (!file.getFileName().toString().equals(name) || dir == null || !dir.getFileName().toString().equals(review.runId())
                || dir.getParent() == null || !dir.getParent().getFileName().toString().equals(ReviewCheck.REVIEWS)) {
            throw new BadInputException(file + ": a review of run " + review.runId() + " by " + review.reviewer()
                    + " lies at " + ReviewCheck.REVIEWS + "/" + review.runId() + "/" + name + " in the root");
        }
        Root root = new Root(dir.getParent().getParent());
        Path runDir = RootWalk.of(root).runFolders().stream()
                .filter(p -> p.getFileName().toString().equals(review.runId())).findFirst()
                .orElseThrow(() -> new BadInputException(file + ": run " + review.runId() + " is not in the root "
                        + root.dir() + " (results/runs/…/" + review.runId() + "); a review is signed beside the run it grades"));
        RunFolder folder = new RunFolder(runDir);
        RunManifest run = RunManifestStore.read(folder);
        List<Sample> samples = Journal.readAll(folder);
        List<String> problems = ReviewCheck.contentProblems(review, run, samples).stream().map(dev.claimcheck.core.stats.Sentence::english).toList();
        if (!problems.isEmpty()) {
            throw new BadInputException(file + ": " + String.join("; ", problems));
        }
        if (Files.exists(ReviewCheck.signatureOf(file), LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new RunFailedException(ReviewCheck.signatureOf(file) + " exists: the review is signed already (--force signs it again)");
        }
        return new Target(file, review, root.dir().relativize(runDir).toString().replace('\\', '/'));
    }

    /** A review checked and ready to sign. */
    public record Target(Path file, ProofReview review, String runFolder) {
    }

    /** Signs the review's bytes as they are on disk; with {@code force} an existing signature is replaced. */
    public static Signed sign(Path file, SigningKey key, boolean force) {
        Target t = check(file, force);
        Path sig = ReviewCheck.signatureOf(file);
        try {
            String signature = SshSignature.sign(Files.readAllBytes(file), key);
            Path tmp = sig.resolveSibling(sig.getFileName() + ".tmp");
            Files.writeString(tmp, signature, StandardCharsets.US_ASCII);
            Files.move(tmp, sig, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + sig + ": " + e.getMessage(), e);
        }
        return new Signed(file, sig, key.publicKey(), t.runFolder(), t.review().grades().size());
    }
}
