package dev.claimcheck.core.verify;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.run.ShardPartition;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A signer who drops every attempt of a task, recomputes the metrics and re-signs leaves each remaining task complete;
 * in suites whose dataset rows are not their tasks only the task list run.json commits to at the start
 * ({@code tasks}) shows the gap (docs/verification.md, taskMissing).
 */
class DroppedTasksTest {
    @TempDir
    static Path keys;

    static Path alice;
    static Path signers;

    @BeforeAll
    static void trustedKey() throws Exception {
        Evidence.requireSshKeygen();
        alice = Evidence.keygen(keys, "alice", "alice@example.org");
        signers = Files.writeString(keys.resolve("allowed_signers"), Evidence.signerLine("alice@example.org", "", alice));
    }

    /** Suites whose tasks are not the dataset's rows, each run by the simulator on its fixture. */
    static List<List<String>> suites() {
        return List.of(
                List.of("ifeval", "--dataset", "src/test/resources/suites/ifeval/input_data.jsonl", "--base-url",
                        "sim:accuracy=0.5", "--k", "2"),
                List.of("bfcl", "--dataset", "src/test/resources/suites/bfcl", "--base-url", "sim:accuracy=0.5", "--k", "2"),
                List.of("tau2", "--data", "src/test/resources/suites/tau2/native", "--domain", "airline", "--user-model",
                        "sim:accuracy=1=user-sim", "--base-url", "sim:accuracy=0.5", "--model", "acme/agent-1", "--k", "2",
                        "--seed", "7"));
    }

    static Path signedRun(List<String> args, Path root) throws Exception {
        String[] all = java.util.stream.Stream.concat(args.stream(), java.util.stream.Stream.of("--root", root.toString()))
                .toArray(String[]::new);
        AuditRunner.Result r = audit(all);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Signer.sign(r.runDir(), alice, false);
        return r.runDir();
    }

    static RunReport verify(Path run) {
        return new Verifier(new Verifier.Options(signers, false, true, Instant.now(), 1)).verifyRun(run);
    }

    /** The suite's signed run with the forger's edit applied (re-signed by the trusted key), verified. */
    static RunReport forged(List<String> suite, Path root, Forgery.Mutation edit) throws Exception {
        Path run = signedRun(suite, root);
        edit.apply(root, run);
        return verify(run);
    }

    static final Forgery forge = new Forgery(() -> alice);

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void anUntouchedRunCommitsToItsTaskListAndPasses(List<String> suite, @TempDir Path root) throws Exception {
        Path run = signedRun(suite, root);
        RunManifest.TaskList tasks = RunManifestStore.read(new RunFolder(run)).tasks();
        List<String> ids = Journal.readAll(new RunFolder(run)).stream().map(s -> s.taskId()).distinct().toList();
        assertThat(tasks).isEqualTo(new RunManifest.TaskList(ids.size(), ShardPartition.taskIdsSha256(ids.stream())));
        RunReport report = verify(run);
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.findings()).extracting(Finding::id).doesNotContain("taskListUncommitted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyAttemptOfATaskDroppedMetricsRecomputedAndReSignedIsCaught(List<String> suite, @TempDir Path root) throws Exception {
        RunReport report = forged(suite, root, forge.dropLines((s, wrong) -> s.path("taskId").equals(wrong.path("taskId"))));
        assertThat(report.passed()).isFalse();
        assertThat(report.failureIds()).as(String.join("\n", report.lines())).contains("taskMissing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void aRunRecordedBeforeTheCommitmentIsWarnedAboutNeverFailed(List<String> suite, @TempDir Path root) throws Exception {
        RunReport report = forged(suite, root, forge.resigned(j -> j.remove("tasks")));
        assertThat(report.passed()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.findings()).extracting(Finding::id).contains("taskListUncommitted");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void aTaskListOtherThanTheCommittedOneIsCaught(List<String> suite, @TempDir Path root) throws Exception {
        RunReport report = forged(suite, root, forge.resigned(j -> j.with("tasks").put("idsSha256", "0".repeat(64))));
        assertThat(report.failureIds()).as(String.join("\n", report.lines())).containsExactly("taskListMismatch");
    }
}
