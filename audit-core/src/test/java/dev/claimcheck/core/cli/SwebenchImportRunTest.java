package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.suite.swebench.SwebenchDetail;
import dev.claimcheck.core.suite.swebench.SwebenchFigures;
import dev.claimcheck.core.suite.swebench.SwebenchFixture;
import dev.claimcheck.core.suite.swebench.SwebenchMetrics;
import dev.claimcheck.core.verify.Evidence;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swebench import --root}: the fixture submission (flask-9001 resolved, flask-9002 unresolved, django-9003
 * resolved, flask-9004 not submitted) becomes a signed run folder that verify re-derives and trusts, labelled as
 * imported, not simulated; an edited log in it is named by verify.
 */
class SwebenchImportRunTest {
    @TempDir
    Path dir;

    private String out;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = Cli.execute(new SwebenchCommand(new PrintStream(o, true, StandardCharsets.UTF_8), ""),
                new PrintWriter(new PrintStream(o, true, StandardCharsets.UTF_8), true), args);
        out = o.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path imported(String... more) throws Exception {
        Path dataset = SwebenchFixture.dataset(dir);
        Path submission = SwebenchFixture.submission(dir);
        List<String> args = new java.util.ArrayList<>(List.of("import", "--dataset", dataset.toString(), "--submission",
                submission.toString(), "--root", dir.toString(), "--model", "fixture-org/fixture-model"));
        args.addAll(List.of(more));
        assertThat(run(args.toArray(String[]::new))).as(out).isEqualTo(Cli.OK);
        Matcher m = Pattern.compile("run folder\\s+(\\S+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Path.of(m.group(1));
    }

    @Test
    void theReScoredSubmissionIsASignedRunFolderThatVerifyReDerivesAndTrusts() throws Exception {
        Evidence.requireSshKeygen();
        Path key = Evidence.keygen(Files.createDirectories(dir.resolve("keys")), "alice", "alice@example.org");
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("results/allowed_signers"), Evidence.signerLine("alice@example.org", "", key));

        Path runDir = imported("--sign", key.toString());

        var m = RunManifestStore.read(new RunFolder(runDir));
        assertThat(m.simulated()).isFalse();
        assertThat(m.workload()).isEqualTo(Workload.SWEBENCH);
        assertThat(m.endpoint().baseUrl()).isEqualTo("imported:submission");
        assertThat(m.suite().options()).containsEntry("--import-submission", "submission")
                .containsEntry("--dataset", "test-00000-of-00001.parquet");
        assertThat(m.suite().dataset().sha256()).matches("[0-9a-f]{64}");
        SwebenchMetrics x = m.metrics().get(SwebenchFigures.BLOCK);
        assertThat(x.imported()).isEqualTo(4);
        assertThat(x.resolved()).isEqualTo(2);
        assertThat(x.claimedResolved()).isEqualTo(2);
        assertThat(x.disagreements()).isZero();
        assertThat(m.metrics().score()).isEqualTo(0.5);
        List<Sample> samples = Journal.readAll(new RunFolder(runDir));
        assertThat(samples).extracting(Sample::taskId).containsExactly("pallets__flask-9001", "pallets__flask-9002", "django__django-9003",
                "pallets__flask-9004");
        SwebenchDetail first = SwebenchDetail.parse(samples.get(0).verdict().detail()).orElseThrow();
        assertThat(first.end()).isEqualTo(SwebenchDetail.IMPORTED);
        assertThat(first.claimed()).isTrue();
        assertThat(first.testLog()).contains(">>>>> Start Test Output");
        assertThat(runDir.resolve("MANIFEST")).isRegularFile();

        RunReport report = new Verifier(Verifier.Options.defaults()).verifyRun(runDir);
        assertThat(report.checks()).contains("metrics", "regrade", "signature");
        assertThat(report.findings()).as(report.findings().toString()).isEmpty();
    }

    @Test
    void anEditedLogInTheRunFolderIsARegradeMismatch() throws Exception {
        Path runDir = imported();
        Path journal = runDir.resolve("samples.jsonl");
        // The run's record of flask-9002's log, its failing test edited to pass: the recorded verdict no longer follows.
        Files.writeString(journal, Files.readString(journal).replace("FAILED tests/test_app.py::test_empty_rule",
                "PASSED tests/test_app.py::test_empty_rule"));

        RunReport report = new Verifier(Verifier.Options.defaults()).verifyRun(runDir);
        assertThat(report.findings()).extracting(Finding::id).contains("regradeMismatch");
        assertThat(report.findings().toString()).contains("pallets__flask-9002");
    }

    @Test
    void rootNeedsTheModel() throws Exception {
        Path dataset = SwebenchFixture.dataset(dir);
        Path submission = SwebenchFixture.submission(dir);
        assertThat(run("import", "--dataset", dataset.toString(), "--submission", submission.toString(), "--root", dir.toString()))
                .isEqualTo(Cli.BAD_INPUT);
        assertThat(out).contains("--root needs --model ID");
    }
}
