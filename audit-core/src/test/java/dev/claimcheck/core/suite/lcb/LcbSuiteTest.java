package dev.claimcheck.core.suite.lcb;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.code.CodeFigures;
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

/** LiveCodeBench release files end to end against the simulator, over loopback HTTP, programs run in the sandbox. */
class LcbSuiteTest {
    static final Path RELEASE = Path.of("src/test/resources/suites/lcb/release");

    @TempDir
    Path root;

    @BeforeEach
    void needsBubblewrap() {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
    }

    @Test
    void aPerfectModelPassesTheWholeReleaseV6AndTheRunReGradesFromRecordedVerdicts() throws Exception {
        var r = audit("lcb", "--dataset", RELEASE.toString(), "--base-url", "sim:accuracy=1.0", "--lane", "thinking",
                "--k", "2", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.workload()).isEqualTo(Workload.CODE);
        assertThat(m.suite().id()).isEqualTo("lcb");
        assertThat(m.metrics().score()).isEqualTo(1.0);
        assertThat(m.metrics().get(CodeFigures.BLOCK).passAtK()).extracting(p -> p.k()).containsExactly(1, 2);
        assertThat(m.metrics().get(CodeFigures.BLOCK).verdicts()).containsExactly(java.util.Map.entry("accepted", 14));
        assertThat(m.suite().dataset().name()).isEqualTo("livecodebench-release_v6");
        assertThat(m.suite().dataset().rows()).isEqualTo(7);
        assertThat(m.suite().dataset().sha256()).isEqualTo(LcbIndexTest.sha256sumOfSums(RELEASE, "test.jsonl",
                "test2.jsonl", "test3.jsonl", "test4.jsonl", "test5.jsonl", "test6.jsonl"));
        assertThat(m.suite().dataset().source()).isEqualTo("livecodebench/code_generation_lite release_v6 (test.jsonl, "
                + "test2.jsonl, test3.jsonl, test4.jsonl, test5.jsonl, test6.jsonl); contest_date 2023-05-13 … 2025-04-12 "
                + "(the release's full window): 7 of 7 problems");
        assertThat(m.suite().options()).containsEntry("--release", "release_v6").containsEntry("--dataset", "release");
        assertThat(m.metrics().get(CodeFigures.BLOCK).byMonth()).containsKeys("2023-05", "2025-04");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(14).allSatisfy(s -> {
            CodeDetail d = CodeDetail.parse(s.verdict().detail()).orElseThrow();
            assertThat(d.tests()).hasSize(d.testsTotal());
            assertThat(s.verdict().expected()).startsWith("sha256:");
            assertThat(s.messages()).isNull(); // not redistributed: the prompt's hash only
        });
        // Hidden tests never reach the run folder: private expected outputs appear nowhere in it.
        assertThat(Files.readString(r.runDir().resolve("samples.jsonl"))).doesNotContain("2000000000", "[1, 2]");
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.CODE))).isEqualTo(m.metrics());
        RunReport report = new Verifier(new Verifier.Options(null, true, true, Instant.now(), 1)).verifyRun(r.runDir());
        assertThat(report.checks()).contains("metrics", "regrade");
        assertThat(report.findings()).extracting(Finding::id).doesNotContain("metricsMismatch", "regradeMismatch",
                "notRegraded", "expectedMismatch");
    }

    @Test
    void afterTheModelsReleaseDateIsTheContaminationFreeRowAndRecordsItsWindow() throws Exception {
        var r = audit("lcb", "--dataset", RELEASE.toString(), "--base-url", "sim:accuracy=1.0", "--after", "2024-11-01",
                "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Journal.readAll(new RunFolder(r.runDir()))).extracting(Sample::taskId)
                .containsExactlyInAnyOrder("abc380_a", "1999A", "lc-average");
        assertThat(r.manifest().suite().options()).containsEntry("--after", "2024-11-01");
        assertThat(r.manifest().suite().dataset().name()).as("its own board, beside the full window's")
                .isEqualTo("livecodebench-release_v6-after-2024-11-01");
        assertThat(r.manifest().suite().dataset().source())
                .endsWith("contest_date 2024-11-16 … 2025-04-12 (--after 2024-11-01): 3 of 7 problems");
    }

    @Test
    void v6AloneIsTheOneFileThatReleaseAdded() throws Exception {
        var r = audit("lcb", "--dataset", RELEASE.toString(), "--release", "v6", "--base-url", "sim:accuracy=1.0",
                "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().dataset().rows()).isEqualTo(2);
        assertThat(r.manifest().suite().dataset().sha256()).isEqualTo(LcbIndexTest.sha256(RELEASE.resolve("test6.jsonl")));
    }

    @Test
    void aReleaseMissingAFileIsRefusedNamingIt() throws Exception {
        Path partial = Files.createDirectories(root.resolve("partial"));
        Files.copy(RELEASE.resolve("test.jsonl"), partial.resolve("test.jsonl"));
        var r = audit("lcb", "--dataset", partial.toString(), "--base-url", "sim", "--root", root.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("release release_v6 needs test2.jsonl in");
    }

    @Test
    void aProgramPassingThePublicTestsButNotTheCompressedPrivateOnesIsWrong() {
        LcbSuite suite = new LcbSuite();
        LcbOptions o = new LcbOptions();
        o.dataset = RELEASE;
        o.release = "v6";
        Task maxSubarray = suite.prepare(new SuiteContext(0, o, root)).tasks().stream()
                .filter(t -> t.id().equals("1999A")).findFirst().orElseThrow();

        var printsFour = suite.grade(maxSubarray, "```python\nprint(4)\n```");
        var right = suite.grade(maxSubarray, "```python\n" + maxSubarray.meta().get("referenceSolution") + "```");

        CodeDetail wrong = CodeDetail.parse(printsFour.detail()).orElseThrow();
        assertThat(printsFour.correct()).isFalse();
        assertThat(wrong.verdict()).isEqualTo("wrongAnswer");
        assertThat(wrong.tests()).extracting(CodeDetail.Test::passed).containsExactly(true, false); // public passed
        assertThat(wrong.testsTotal()).isEqualTo(3);
        assertThat(right.correct()).isTrue();
        assertThat(right.expected()).isEqualTo(printsFour.expected());
    }

    @Test
    void reexecutionRunsTheRecordedProgramsAgainAndAChangedReleaseFileIsCaught() throws Exception {
        Path data = Files.createDirectories(root.resolve("data/lcb"));
        try (var files = Files.list(RELEASE)) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        var r = audit("lcb", "--dataset", data.toString(), "--release", "v6", "--base-url", "sim:accuracy=0.5",
                "--k", "2", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--dataset", "data/lcb");
        Verifier.Options options = new Verifier.Options(null, true, true, Instant.now(), 1);

        RunReport again = new Verifier(options, Regraders.standard(true)).verifyRun(r.runDir());
        assertThat(again.findings()).extracting(Finding::id).doesNotContain("regradeMismatch", "regradeDrift",
                "notRegraded", "datasetMismatch", "expectedMismatch", "metricsMismatch");

        Path v6 = data.resolve("test6.jsonl");
        Files.writeString(v6, Files.readString(v6).replace("Maximum Subarray", "Maximum Sub-array"));
        RunReport changed = new Verifier(options, Regraders.standard(true)).verifyRun(r.runDir());
        assertThat(changed.findings()).extracting(Finding::id).contains("datasetMismatch");
    }
}
