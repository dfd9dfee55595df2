package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.verify.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sign} and {@code verify} in-process, as their scripts run them: output and exit codes (docs/architecture.md §3.1). */
class SignVerifyCommandTest {
    @TempDir
    static Path keys;
    static Path alice;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void keys() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
    }

    static Result sign(String... args) {
        return run(SignCommand::new, args);
    }

    static Result verify(String... args) {
        return run(VerifyCommand::new, args);
    }

    private static Result run(Function<PrintStream, Object> command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.execute(command.apply(o), new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path signedRoot(Path root) throws IOException {
        Path run = Evidence.simRun(root);
        Files.writeString(root.resolve("results/allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
        Result r = sign(run.toString(), "--key", alice.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return run;
    }

    @Test
    void signPrintsTheFingerprintAndManifestAndRefusesToSignTwice(@TempDir Path root) throws Exception {
        Path run = Evidence.simRun(root);
        Result r = sign(run.toString(), "--key", alice.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String fingerprint = Evidence.exec(keys, Evidence.KEYGEN, "-l", "-f", alice + ".pub").split(" ")[1];
        assertThat(r.out()).contains("signed by " + fingerprint).contains("MANIFEST " + run.resolve("MANIFEST"));
        assertThat(run.resolve("MANIFEST.sig")).exists();

        Result again = sign(run.toString(), "--key", alice.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already signed").doesNotContain("\tat ");

        Result forced = sign(run.toString(), "--key", alice.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(run.resolve("MANIFEST.sig.1")).exists();
    }

    @Test
    void signRejectsBadInputWithExitTwo(@TempDir Path dir) throws Exception {
        Path run = Evidence.simRun(dir.resolve("root"));
        Path notAKey = Files.writeString(dir.resolve("key"), "hello\n");
        assertThat(sign(run.toString(), "--key", notAKey.toString()).exitCode()).isEqualTo(2);
        assertThat(sign(run.toString(), "--key", dir.resolve("absent").toString()).exitCode()).isEqualTo(2);
        assertThat(sign(dir.toString(), "--key", alice.toString()).exitCode()).isEqualTo(2);
        assertThat(sign(run.toString()).exitCode()).as("--key is required").isEqualTo(2);
        assertThat(run.resolve("MANIFEST")).doesNotExist();
    }

    @Test
    void signRefusesAnIncompleteRun(@TempDir Path root) throws Exception {
        Path run = Evidence.simRun(root);
        Path runJson = run.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"complete\"", "\"running\""));
        Result r = sign(run.toString(), "--key", alice.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("not 'complete'");
    }

    @Test
    void verifyPassesASignedRootAndWritesAReport(@TempDir Path root) throws Exception {
        Path run = signedRoot(root);
        Path report = root.resolve("out/report.md");
        Result r = verify(root.toString(), "--report", report.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("TRUSTED " + run).contains("  PASS signature").contains("1 trusted, 0 failed");
        assertThat(Files.readString(report)).contains("# claimcheck verify report").contains("**trusted (simulated)**")
                .contains("PASS regrade");
        // a run folder given directly works the same
        assertThat(verify(run.toString()).exitCode()).isZero();
    }

    @Test
    void verifyFailsATamperedRunWithOneLinePerFailingCheck(@TempDir Path root) throws Exception {
        Path run = signedRoot(root);
        Files.writeString(run.resolve("samples.jsonl"), "\n", StandardOpenOption.APPEND);
        Files.writeString(run.resolve("notes.txt"), "extra\n");
        Path report = root.resolve("report.md");
        Result r = verify(root.toString(), "--report", report.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("FAILED " + run).containsPattern("(?m)^  FAIL hashMismatch: .*samples\\.jsonl")
                .containsPattern("(?m)^  FAIL manifestExtra: .*notes\\.txt").contains("0 trusted, 1 failed");
        assertThat(Files.readString(report)).contains("**failed**").contains("hashMismatch");
    }

    @Test
    void verifyBadUsageExitsTwo(@TempDir Path dir) throws Exception {
        assertThat(verify().exitCode()).isEqualTo(2);
        assertThat(verify(dir.resolve("absent").toString()).exitCode()).isEqualTo(2);
        Path root = Files.createDirectories(dir.resolve("root"));
        Path run = signedRoot(root);
        assertThat(verify(run.toString(), "--allowed-signers", dir.resolve("none").toString()).exitCode()).isEqualTo(2);
        Path bad = Files.writeString(dir.resolve("bad_signers"), "alice@example.org bogus-option ssh-ed25519 AAAA\n");
        assertThat(verify(run.toString(), "--allowed-signers", bad.toString()).exitCode()).isEqualTo(2);
        // a run folder outside any root needs --allowed-signers
        Path loose = dir.resolve("loose").resolve(run.getFileName().toString());
        Evidence.copyTree(run, loose);
        assertThat(verify(loose.toString()).exitCode()).isEqualTo(2);
        Result r = verify(loose.toString(), "--allowed-signers", root.resolve("results/allowed_signers").toString());
        // Signature and hashes check out, but the proofs its run.json lists live in a root it is not part of.
        assertThat(r.exitCode()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("PASS signature").contains("FAIL proofMissing").contains("not inside a root");
    }

    @Test
    void verifyWithAnotherSignersFileReportsTheUnknownSigner(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        signedRoot(root);
        Path other = Evidence.keygen(dir, "bob", "bob@example.org");
        Path signers = Files.writeString(dir.resolve("signers"), Evidence.signerLine("bob@example.org", "", other));
        Result r = verify(root.toString(), "--allowed-signers", signers.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).containsPattern("(?m)^  FAIL unknownSigner: signed by SHA256:");
    }
}
