package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed git commits through JGit, checked with the real git ({@code git log --show-signature} with
 * gpg.ssh.allowedSignersFile), {@code audit --sign --commit}, and that private key material never leaves the key file.
 */
class SignedCommitTest {
    static final String GIT = "/usr/bin/git";

    @TempDir
    static Path keys;
    static Path alice;
    static Path allowed;

    @BeforeAll
    static void setUp() throws Exception {
        Evidence.requireSshKeygen();
        Prerequisite.GIT.requireExecutable(Path.of(GIT));
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
        allowed = Files.writeString(keys.resolve("allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
    }

    static Path gitRepo(Path dir) throws Exception {
        Files.createDirectories(dir);
        git(dir, "init", "-q", "-b", "main");
        git(dir, "config", "user.name", "Alice Auditor");
        git(dir, "config", "user.email", "alice@example.org");
        Files.writeString(dir.resolve("README.md"), "results\n");
        git(dir, "add", "README.md");
        git(dir, "-c", "commit.gpgsign=false", "commit", "-q", "-m", "init");
        return dir;
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(GIT, "-c", "gpg.ssh.allowedSignersFile=" + allowed));
        cmd.addAll(List.of(args));
        return Evidence.exec(dir, cmd.toArray(String[]::new));
    }

    record Out(int code, String out, String err) {
    }

    static Out audit(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        int code = Cli.execute(new AuditCommand(session, o, e), new PrintWriter(e, true), args);
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Out sign(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new SignCommand(new PrintStream(out, true, StandardCharsets.UTF_8)),
                new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void auditSignCommitMakesACommitThatRealGitReportsAsAGoodSignature(@TempDir Path dir) throws Exception {
        Path repo = gitRepo(dir.resolve("repo"));
        Out r = audit("arith", "--base-url", "sim", "--k", "2", "--problems", "5", "--root", repo.toString(),
                "--sign", alice.toString(), "--commit");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("signed by SHA256:").containsPattern("committed [0-9a-f]{40} on main: audit\\(sim\\): arith ");

        String log = git(repo, "log", "--show-signature", "-1");
        assertThat(log).contains("Good \"git\" signature for alice@example.org with ED25519 key");
        assertThat(git(repo, "log", "-1", "--format=%s")).containsPattern("^audit\\(sim\\): arith \\d\\.\\d{3} ± \\d\\.\\d{3}\\n$");
        assertThat(git(repo, "status", "--porcelain")).isEmpty();
        Path run = Evidence.runs(repo).get(0);
        String files = git(repo, "show", "--name-only", "--format=", "HEAD");
        assertThat(files).contains(repo.relativize(run) + "/MANIFEST.sig").contains(repo.relativize(run) + "/samples.jsonl");
        assertThat(sign(run.toString(), "--key", alice.toString()).code()).as("already signed").isEqualTo(1);

        assertNoPrivateKeyMaterial(repo, r.out() + r.err());
    }

    @Test
    void signCommitAddsTheProofsListedInRunJsonAndOnlyThose(@TempDir Path dir) throws Exception {
        Path repo = gitRepo(dir.resolve("repo"));
        Path run = Evidence.simRun(repo);
        Path proof = Evidence.addProof(repo, run);
        Files.writeString(repo.resolve("unrelated.txt"), "not part of the run\n");
        Out r = sign(run.toString(), "--key", alice.toString(), "--commit");
        assertThat(r.code()).as(r.err()).isZero();
        String files = git(repo, "show", "--name-only", "--format=", "HEAD");
        assertThat(files).contains(repo.relativize(proof).toString()).doesNotContain("unrelated.txt");
        assertThat(git(repo, "log", "--show-signature", "-1")).contains("Good \"git\" signature");
        assertNoPrivateKeyMaterial(repo, r.out() + r.err());
    }

    @Test
    void commitIsRefusedForASimulatedRunInTheRepositorysOwnResultsAndOutsideGit(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain");
        Path run = Evidence.simRun(plain);
        Out noRepo = sign(run.toString(), "--key", alice.toString(), "--commit");
        assertThat(noRepo.code()).isEqualTo(1);
        assertThat(noRepo.err()).contains("not inside a git repository");
        assertThat(run.resolve("MANIFEST")).as("nothing signed when the commit cannot happen").doesNotExist();

        Path repo = gitRepo(dir.resolve("repo"));
        Path simRun = Evidence.simRun(repo);
        Files.writeString(repo.resolve("jbang-catalog.json"), "{}\n");
        Files.createDirectories(repo.resolve("audit-core"));
        Out r = sign(simRun.toString(), "--key", alice.toString(), "--commit");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("simulated run into the repository's own results/");
    }

    @Test
    void auditChecksTheKeyBeforeTheRunStarts(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("root");
        Path badKey = Files.writeString(dir.resolve("bad"), "-----BEGIN OPENSSH PRIVATE KEY-----\nnope\n-----END OPENSSH PRIVATE KEY-----\n");
        Out r = audit("arith", "--base-url", "sim", "--problems", "3", "--root", root.toString(), "--sign", badKey.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(root.resolve("results")).as("no run folder was started").doesNotExist();
        Out missing = audit("arith", "--base-url", "sim", "--problems", "3", "--root", root.toString(), "--sign", dir.resolve("none").toString());
        assertThat(missing.code()).isEqualTo(2);
        Out commitOnly = audit("arith", "--base-url", "sim", "--problems", "3", "--root", root.toString(), "--commit");
        assertThat(commitOnly.code()).isEqualTo(2);
        assertThat(commitOnly.err()).contains("--commit needs --sign");
        assertThat(root.resolve("results")).doesNotExist();
    }

    /** Every line of the private key's base64 body, searched in the files, every git object and the output. */
    static void assertNoPrivateKeyMaterial(Path repo, String output) throws Exception {
        List<String> secrets = Files.readAllLines(alice).stream()
                .filter(l -> !l.startsWith("-----") && l.length() >= 20).toList();
        assertThat(secrets).isNotEmpty();
        StringBuilder haystack = new StringBuilder(output);
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                haystack.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        haystack.append(git(repo, "cat-file", "--batch-all-objects", "--batch"));
        haystack.append(git(repo, "log", "-p", "--all", "--format=raw"));
        String all = haystack.toString();
        assertThat(all).doesNotContain("PRIVATE KEY");
        for (String s : secrets) {
            assertThat(all).as("private key material in the repository or output").doesNotContain(s);
        }
        assertThat(all).as("the key's path is not recorded either").doesNotContain(alice.toString());
    }
}
