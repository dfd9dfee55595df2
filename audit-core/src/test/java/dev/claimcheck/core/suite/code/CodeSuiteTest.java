package dev.claimcheck.core.suite.code;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.Regraders;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code suite end to end against the simulator, over real loopback HTTP, programs run in the sandbox. */
class CodeSuiteTest {
    static final Path FIXTURES = Path.of("src/test/resources/suites/code");

    @TempDir
    Path root;

    @BeforeEach
    void needsBubblewrap() {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
    }

    @Test
    void aPerfectModelPassesEveryProblemAndTheRunReGradesFromRecordedVerdicts() throws Exception {
        var r = audit("code", "--dataset", FIXTURES.resolve("problems.jsonl").toString(), "--base-url", "sim:accuracy=1.0",
                "--lane", "thinking", "--k", "2", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.workload()).isEqualTo(Workload.CODE);
        assertThat(m.metrics().score()).isEqualTo(1.0);
        assertThat(m.metrics().get(CodeFigures.BLOCK).passAtK()).extracting(p -> p.k()).containsExactly(1, 2);
        assertThat(m.metrics().get(CodeFigures.BLOCK).verdicts()).containsExactly(java.util.Map.entry("accepted", 8));
        assertThat(m.suite().dataset().rows()).isEqualTo(4);
        assertThat(m.suite().options().get("--dataset")).isEqualTo("problems.jsonl");
        assertThat(m.harness().graders()).containsEntry("code", "1");
        assertThat(m.metrics().get(CodeFigures.BLOCK).byDifficulty()).containsOnlyKeys("easy", "medium", "hard");
        assertThat(m.metrics().get(CodeFigures.BLOCK).byDifficulty().get("easy").tasks()).isEqualTo(2);
        assertThat(m.metrics().get(CodeFigures.BLOCK).byMonth()).containsOnlyKeys("2024-11", "2025-02", "2025-03", "2025-04");
        assertThat(r.out()).contains("code.passAt2", "code.verdicts.accepted", "code.passAt1.difficulty.easy");
        assertThat(Files.readString(r.runDir().resolve("summary.csv"))).contains("code.passAt1,1.0", "code.verdicts.accepted,8",
                "code.passAt1.difficulty.easy,1.0", "code.passAt1.month.2025-02,1.0");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(8).allSatisfy(s -> {
            CodeDetail d = CodeDetail.parse(s.verdict().detail()).orElseThrow();
            assertThat(d.tests()).hasSize(d.testsTotal());
            assertThat(d.interpreter()).startsWith("/usr/bin/python3");
            assertThat(s.verdict().expected()).startsWith("sha256:");
        });
        // Hidden tests never reach the run folder: a private expected output appears nowhere in it.
        assertThat(Files.readString(r.runDir().resolve("samples.jsonl"))).doesNotContain("2000000000", "[1, 2]");
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.CODE))).isEqualTo(m.metrics());
        assertThat(Regraders.standard().forSuite("code").orElseThrow().regrade(m, samples, root)).isEmpty();
        // The verifier itself: metrics recomputed from the recorded per-test verdicts, re-grade included.
        RunReport report = new Verifier(new Verifier.Options(null, true, true, Instant.now(), 1)).verifyRun(r.runDir());
        assertThat(report.checks()).contains("metrics", "regrade");
        assertThat(report.findings()).extracting(Finding::id).doesNotContain("metricsMismatch", "regradeMismatch",
                "notRegraded", "expectedMismatch");
    }

    @Test
    void wrongProgramsAreCountedByVerdictAndATamperedVerdictIsCaught() throws Exception {
        var r = audit("code", "--dataset", FIXTURES.resolve("problems.jsonl").toString(), "--base-url", "sim:accuracy=0.0",
                "--k", "1", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.metrics().score()).isEqualTo(0.0);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(m.metrics().get(CodeFigures.BLOCK).verdicts()).as(samples.stream().map(x -> x.verdict().detail()).toList().toString())
                .containsExactly(java.util.Map.entry("wrongAnswer", 4));
        Sample s = samples.get(0);
        Verdict v = s.verdict();
        Sample forged = new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                s.response(), s.usage(), s.timing(), new Verdict(true, 1, v.extracted(), v.expected(), v.grader(),
                v.graderVersion(), v.detail()), null, s.retries());
        List<Sample> withForged = new java.util.ArrayList<>(samples);
        withForged.set(0, forged);
        List<Finding> findings = Regraders.standard().forSuite("code").orElseThrow()
                .regrade(m, withForged, root);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.detail()).contains("for verdict wrongAnswer"));
    }

    @Test
    void reexecutionRunsTheRecordedProgramsAgainAgainstTheDatasetInTheRoot() throws Exception {
        Path data = Files.createDirectories(root.resolve("data")).resolve("problems.jsonl");
        Files.copy(FIXTURES.resolve("problems.jsonl"), data);
        var r = audit("code", "--dataset", data.toString(), "--base-url", "sim:accuracy=0.5", "--k", "2",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options().get("--dataset")).isEqualTo("data/problems.jsonl");
        Verifier.Options options = new Verifier.Options(null, true, true, Instant.now(), 1);

        RunReport again = new Verifier(options, Regraders.standard(true)).verifyRun(r.runDir());
        assertThat(again.findings()).extracting(Finding::id).doesNotContain("regradeMismatch", "regradeDrift",
                "notRegraded", "datasetMismatch", "expectedMismatch", "metricsMismatch");

        Files.writeString(data, Files.readString(data).replace("print A+B", "print A plus B"));
        RunReport changed = new Verifier(options, Regraders.standard(true)).verifyRun(r.runDir());
        assertThat(changed.findings()).extracting(Finding::id).contains("datasetMismatch");
    }

    @Test
    void theDateWindowSelectsProblemsByContestDate() throws Exception {
        var r = audit("code", "--dataset", FIXTURES.resolve("problems.jsonl").toString(), "--base-url", "sim:accuracy=1.0",
                "--after", "2025-02-10", "--before", "2025-04-01", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Journal.readAll(new RunFolder(r.runDir()))).extracting(Sample::taskId)
                .containsExactlyInAnyOrder("cc002", "cc003");
        assertThat(r.manifest().suite().options()).containsEntry("--after", "2025-02-10");
    }
}
