package dev.claimcheck.core.verify;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.SignCommand;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.proofs.ProofReview;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sign reviews/<run-id>/<reviewer>.json --key KEY} writes the signature ReviewCheck and ssh-keygen verify. */
class ReviewSignerTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/proofs");

    @TempDir
    Path root;
    @TempDir
    Path keys;

    Path alice;
    RunManifest run;
    List<Sample> samples;
    Path allowed;

    @BeforeEach
    void importedRunAndKey() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
        allowed = keys.resolve("allowed_signers");
        Files.writeString(allowed, Evidence.signerLine("alice@example.org", "", alice));
        var r = audit("proofs", "--base-url", "sim", "--model", "toy/toy-2", "--root", root.toString(),
                "--dataset", FIXTURE.resolve("set").toString(), "--import-solutions", FIXTURE.resolve("vendor").toString(),
                "--judge", "sim:accuracy=1=judge-exact", "--judge", "sim:accuracy=0=judge-harsh");
        assertThat(r.exitCode()).as(r.err()).isZero();
        run = r.manifest();
        samples = Journal.readAll(new RunFolder(r.runDir()));
    }

    Path write(String reviewer, String runId, double points, String hash) throws Exception {
        ProofReview review = new ProofReview(ProofReview.SCHEMA, runId, reviewer,
                List.of(new ProofReview.Grade("1", 0, points, hash, "the parity step is justified")));
        Path file = ReviewCheck.folder(root, runId).resolve(reviewer + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, review.toJson());
        return file;
    }

    String solutionHash() {
        Sample one = samples.stream().filter(s -> s.taskId().equals("1")).findFirst().orElseThrow();
        return "sha256:" + PromptHash.sha256Hex(one.response().content());
    }

    record Result(int code, String out, String err) {
    }

    Result sign(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new SignCommand(new PrintStream(out, true, StandardCharsets.UTF_8)),
                new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code ssh-keygen -Y verify -f allowed -I principal -n claimcheck -s SIG < FILE}: its exit code. */
    int sshKeygenVerify(Path file, String principal) throws Exception {
        Process p = new ProcessBuilder(Evidence.KEYGEN, "-Y", "verify", "-f", allowed.toString(), "-I", principal,
                "-n", "claimcheck", "-s", ReviewCheck.signatureOf(file).toString())
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @Test
    void aSignedReviewVerifiesWithReviewCheckAndSshKeygen() throws Exception {
        Path file = write("alice@example.org", run.runId(), 6, solutionHash());
        Result r = sign(file.toString(), "--key", alice.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed by SHA256:", "1 grades of results/runs/toy--toy-2/proofs/proofs/" + run.runId());
        var report = ReviewCheck.check(file, run, samples,
                AllowedSigners.parse(Files.readString(allowed), ZoneOffset.UTC), Instant.now());
        assertThat(report.status()).as(report.problems().toString()).isEqualTo(ReviewCheck.Status.TRUSTED);
        assertThat(sshKeygenVerify(file, "alice@example.org")).isZero();
    }

    @Test
    void anEditedSignedReviewFailsBothVerifiers() throws Exception {
        Path file = write("alice@example.org", run.runId(), 6, solutionHash());
        assertThat(sign(file.toString(), "--key", alice.toString()).code()).isZero();
        Files.writeString(file, Files.readString(file).replace("6.0", "7.0"));
        var report = ReviewCheck.check(file, run, samples,
                AllowedSigners.parse(Files.readString(allowed), ZoneOffset.UTC), Instant.now());
        assertThat(report.status()).isEqualTo(ReviewCheck.Status.INVALID);
        assertThat(sshKeygenVerify(file, "alice@example.org")).isNotZero();
    }

    @Test
    void aSignedReviewIsNotSignedAgainWithoutForce() throws Exception {
        Path file = write("alice@example.org", run.runId(), 6, solutionHash());
        assertThat(sign(file.toString(), "--key", alice.toString()).code()).isZero();
        Result again = sign(file.toString(), "--key", alice.toString());
        assertThat(again.code()).isEqualTo(Cli.FAILED);
        assertThat(again.err()).contains("signed already (--force signs it again)");
        assertThat(sign(file.toString(), "--key", alice.toString(), "--force").code()).isZero();
    }

    @Test
    void aReviewThatDoesNotFitItsRunIsRefusedBeforeSigning() throws Exception {
        Path wrongHash = write("alice@example.org", run.runId(), 9, "sha256:" + "0".repeat(64));
        Result r = sign(wrongHash.toString(), "--key", alice.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("1#0: the review read solution sha256:000", "1#0: 9.0 points outside [0, 7.0]");
        assertThat(ReviewCheck.signatureOf(wrongHash)).doesNotExist();
    }

    @Test
    void aReviewOutOfPlaceOrOfAnAbsentRunIsRefused() throws Exception {
        Path misnamed = ReviewCheck.folder(root, run.runId()).resolve("bob.json");
        Files.createDirectories(misnamed.getParent());
        Files.writeString(misnamed, new ProofReview(ProofReview.SCHEMA, run.runId(), "alice@example.org",
                List.of(new ProofReview.Grade("1", 0, 6, solutionHash(), ""))).toJson());
        Result r = sign(misnamed.toString(), "--key", alice.toString());
        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("lies at reviews/" + run.runId() + "/alice@example.org.json in the root");
        Path absent = write("alice@example.org", "20990101T000000Z-00000000", 6, solutionHash());
        Result none = sign(absent.toString(), "--key", alice.toString());
        assertThat(none.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(none.err()).contains("run 20990101T000000Z-00000000 is not in the root");
    }
}
