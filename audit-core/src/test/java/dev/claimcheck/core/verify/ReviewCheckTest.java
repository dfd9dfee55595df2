package dev.claimcheck.core.verify;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.proofs.ProofReview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A human review is verified like a run: signature, allowed signer for its reviewer, hashes of what it reviewed. */
class ReviewCheckTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/proofs");

    @TempDir
    Path root;
    @TempDir
    Path keys;

    Path alice;
    Path mallory;
    RunManifest run;
    List<Sample> samples;
    AllowedSigners signers;

    @BeforeEach
    void importedRunAndKeys() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
        mallory = Evidence.keygen(keys, "mallory", "mallory@example.org");
        signers = AllowedSigners.parse(Evidence.signerLine("alice@example.org", "", alice), ZoneOffset.UTC);
        var r = audit("proofs", "--base-url", "sim", "--model", "toy/toy-2", "--root", root.toString(),
                "--dataset", FIXTURE.resolve("set").toString(), "--import-solutions", FIXTURE.resolve("vendor").toString(),
                "--judge", "sim:accuracy=1=judge-exact", "--judge", "sim:accuracy=0=judge-harsh");
        assertThat(r.exitCode()).as(r.err()).isZero();
        run = r.manifest();
        samples = Journal.readAll(new RunFolder(r.runDir()));
    }

    Path review(String reviewer, double points, String hash, Path key) throws Exception {
        ProofReview review = new ProofReview(ProofReview.SCHEMA, run.runId(), reviewer,
                List.of(new ProofReview.Grade("1", 0, points, hash, "the parity step is justified")));
        Path file = root.resolve("reviews").resolve(run.runId()).resolve(reviewer + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, review.toJson());
        if (key != null) {
            Files.writeString(file.resolveSibling(file.getFileName() + ".sig"),
                    SshSignature.sign(Files.readAllBytes(file), SigningKeys.readFile(key)));
        }
        return file;
    }

    String solutionHash() {
        Sample one = samples.stream().filter(s -> s.taskId().equals("1")).findFirst().orElseThrow();
        return "sha256:" + PromptHash.sha256Hex(one.response().content());
    }

    @Test
    void aReviewSignedByAnAllowedKeyForItsReviewerIsTrusted() throws Exception {
        var report = ReviewCheck.check(review("alice@example.org", 6, solutionHash(), alice), run, samples, signers, Instant.now());
        assertThat(report.status()).as(report.problems().toString()).isEqualTo(ReviewCheck.Status.TRUSTED);
    }

    @Test
    void verifyReportsAnUntrustedReviewBesideTheRunAndCountsNoTrustedOne() throws Exception {
        Files.createDirectories(root.resolve("results"));
        Files.writeString(root.resolve("results/allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
        review("alice@example.org", 6, solutionHash(), alice);
        review("mallory@example.org", 0, solutionHash(), mallory);
        List<Finding> findings = new RecordedJudgesRegrader().regrade(run, samples, root);
        assertThat(findings).extracting(Finding::kind).containsExactly(Finding.Kind.REVIEW_UNTRUSTED, Finding.Kind.NOT_REGRADED);
        assertThat(findings.get(0).detail()).startsWith("reviews/" + run.runId() + "/mallory@example.org.json: signed by SHA256:");
    }

    @Test
    void aReviewSignedByAnUnknownKeyIsUntrusted() throws Exception {
        var report = ReviewCheck.check(review("alice@example.org", 6, solutionHash(), mallory), run, samples, signers, Instant.now());
        assertThat(report.status()).isEqualTo(ReviewCheck.Status.UNTRUSTED);
        assertThat(report.problems()).singleElement().asString().startsWith("signed by SHA256:");
    }

    @Test
    void aReviewOfAnotherTextOrOutOfRangeIsInvalid() throws Exception {
        String other = "sha256:" + "0".repeat(64);
        var report = ReviewCheck.check(review("alice@example.org", 9, other, alice), run, samples, signers, Instant.now());
        assertThat(report.status()).isEqualTo(ReviewCheck.Status.INVALID);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("1#0: the review read solution " + other))
                .anySatisfy(p -> assertThat(p).contains("1#0: 9.0 points outside [0, 7.0]"));
    }

    @Test
    void anUnsignedOrEditedReviewIsInvalid() throws Exception {
        Path unsigned = review("bob@example.org", 6, solutionHash(), null);
        assertThat(ReviewCheck.check(unsigned, run, samples, signers, Instant.now()).problems())
                .singleElement().asString().endsWith("not found: the review is not signed");
        Path signed = review("alice@example.org", 6, solutionHash(), alice);
        Files.writeString(signed, Files.readString(signed).replace("6.0", "7.0"));
        var report = ReviewCheck.check(signed, run, samples, signers, Instant.now());
        assertThat(report.status()).isEqualTo(ReviewCheck.Status.INVALID);
        assertThat(report.problems()).singleElement().asString().contains("does not match the signed data");
    }

    @Test
    void aReviewThatIsASymbolicLinkIsNeverFollowed() throws Exception {
        Path real = review("alice@example.org", 6, solutionHash(), alice);
        Path elsewhere = root.resolve("elsewhere.json");
        Files.move(real, elsewhere);
        Files.createSymbolicLink(real, elsewhere);
        List<ReviewCheck.Report> reports = ReviewCheck.inRoot(root, run, samples, signers, Instant.now());
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewCheck.Status.INVALID);
            assertThat(r.problems()).containsExactly("a symbolic link: never followed");
        });
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a regression blocks on the FIFO: fail, don't hang
    void aReviewOrSignatureThatIsAFifoOrDirectoryIsNeverRead() throws Exception {
        // reviews/ lies outside the root walk's trees; reading a FIFO would block verify forever.
        Path dir = Files.createDirectories(root.resolve("reviews").resolve(run.runId()));
        Evidence.exec(dir, "mkfifo", "fifo@example.org.json");
        Path signed = review("alice@example.org", 6, solutionHash(), alice);
        Path sig = signed.resolveSibling(signed.getFileName() + ".sig");
        Files.delete(sig);
        Evidence.exec(dir, "mkfifo", sig.getFileName().toString());
        Files.createDirectories(dir.resolve("dir@example.org.json"));
        List<ReviewCheck.Report> reports = ReviewCheck.inRoot(root, run, samples, signers, Instant.now());
        assertThat(reports).hasSize(3).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ReviewCheck.Status.INVALID);
            assertThat(r.problems()).singleElement().asString().endsWith(": not a regular file: never read");
        });
    }
}
