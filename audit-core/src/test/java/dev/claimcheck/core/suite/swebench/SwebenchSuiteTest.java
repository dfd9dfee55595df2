package dev.claimcheck.core.suite.swebench;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.sandbox.Sandbox;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.testing.Prerequisite;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.RunReport;
import dev.claimcheck.core.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit swebench} end to end against the simulator scripted as the agent (its oracle entry: apply the
 * instance's patch with one bash command and submit, or, as its mistake, look around and submit nothing), every
 * command run in the sandbox over a copy of the fixture checkout, the patch evaluated there with pytest; then the run
 * folder re-graded as {@code verify} does.
 */
class SwebenchSuiteTest {
    @TempDir
    Path dir;
    AgentFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        Prerequisite.SANDBOX.require(Sandbox.system().unavailableReason());
        Prerequisite.PYTEST.requireExecutable(Path.of("/usr/bin/pytest-3"));
        Prerequisite.GIT.requireExecutable(Path.of("/usr/bin/git"));
        fixture = AgentFixture.create(dir);
    }

    AuditRunner.Result run(String baseUrl, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("swebench", "--base-url", baseUrl, "--root",
                dir.toString(), "--dataset", fixture.dataset.toString(), "--repos", fixture.repos.toString(),
                "--concurrency", "1", "--no-fingerprint"));
        args.addAll(List.of(more));
        return audit(args.toArray(String[]::new));
    }

    static SwebenchDetail detail(Sample s) {
        return SwebenchDetail.parse(s.verdict().detail()).orElseThrow();
    }

    @Test
    void anAgentThatAppliesTheFixIsResolvedAndVerifyReDerivesIt() throws Exception {
        var r = run("sim:accuracy=1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        var m = r.manifest();
        assertThat(m.workload()).isEqualTo(Workload.SWEBENCH);
        assertThat(m.metrics().score()).isEqualTo(1.0);
        SwebenchMetrics x = m.metrics().get(SwebenchFigures.BLOCK);
        assertThat(x.resolved()).isEqualTo(1);
        assertThat(x.submitted()).isEqualTo(1);
        assertThat(x.evaluated()).isEqualTo(1);
        assertThat(x.commands()).isEqualTo(2);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        SwebenchDetail d = detail(samples.get(0));
        assertThat(d.end()).isEqualTo(SwebenchDetail.SUBMITTED);
        assertThat(d.patch()).contains("+    return a + b").doesNotContain("test_add");
        assertThat(d.failToPass().success()).containsExactly("test_calc.py::test_add");
        assertThat(d.passToPass().success()).containsExactly("test_calc.py::test_mul");
        assertThat(d.commands()).extracting(SwebenchDetail.Command::exitCode).containsExactly(0, 0);
        // Every step is in the transcript: the call, then its exit code and output.
        assertThat(samples.get(0).transcript()).filteredOn(msg -> msg.role().equals("tool")).extracting(ChatMessage::content)
                .allSatisfy(c -> assertThat(c).startsWith("<returncode>0</returncode>"))
                .anySatisfy(c -> assertThat(c).contains(SwebenchEpisode.SUBMIT));
        assertThat(samples.get(0).request().path("tools").get(0).path("function").path("name").asText()).isEqualTo("bash");
        // The user's checkout is untouched: still at its commit, nothing changed.
        assertThat(AgentFixture.git(fixture.checkout, "status", "--porcelain")).isEmpty();
        assertThat(AgentFixture.git(fixture.checkout, "rev-parse", "HEAD").strip()).isEqualTo(fixture.baseCommit);

        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.SWEBENCH))).isEqualTo(m.metrics());
        RunReport report = new Verifier(Verifier.Options.defaults()).verifyRun(r.runDir());
        assertThat(report.checks()).contains("metrics", "regrade");
        assertThat(report.findings()).extracting(Finding::id).as(report.findings().toString())
                .doesNotContain("metricsMismatch", "regradeMismatch", "promptMismatch", "datasetMismatch",
                        "expectedMismatch", "unknownTask", "schema", "notRegraded");
    }

    @Test
    void anAgentThatChangesNothingIsNotResolvedAndItsEmptyPatchIsCounted() {
        var r = run("sim:accuracy=0");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().metrics().score()).isEqualTo(0.0);
        SwebenchMetrics x = r.manifest().metrics().get(SwebenchFigures.BLOCK);
        assertThat(x.resolved()).isZero();
        assertThat(x.emptyPatches()).isEqualTo(1);
        assertThat(x.evaluated()).isZero();
    }

    @Test
    void theStepLimitEndsTheEpisodeWithACountedStopAndIsRecorded() throws Exception {
        var r = run("sim:accuracy=1", "--max-steps", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        var m = r.manifest();
        SwebenchMetrics x = m.metrics().get(SwebenchFigures.BLOCK);
        assertThat(x.stepStops()).isEqualTo(1);
        assertThat(x.resolved()).isZero();
        assertThat(x.evaluated()).isZero();
        assertThat(m.suite().options()).containsEntry("--max-steps", "1").containsEntry("--max-episode-tokens", "2000000");
        SwebenchDetail d = detail(Journal.readAll(new RunFolder(r.runDir())).get(0));
        assertThat(d.end()).isEqualTo(SwebenchDetail.STOP_STEPS);
        assertThat(d.steps()).isEqualTo(1);
        // The one command that ran (the fix) is in the patch, but a stopped episode submits nothing.
        assertThat(d.patch()).contains("+    return a + b");
    }

    @Test
    void theTokenLimitIsCountedApart() {
        var r = run("sim:accuracy=1", "--max-episode-tokens", "1");

        assertThat(r.exitCode()).as(r.err()).isZero();
        SwebenchMetrics x = r.manifest().metrics().get(SwebenchFigures.BLOCK);
        assertThat(x.tokenStops()).isEqualTo(1);
        assertThat(x.stepStops()).isZero();
        assertThat(x.resolved()).isZero();
    }

    @Test
    void aMissingCheckoutIsRefusedBeforeAnythingIsSent() {
        var r = audit("swebench", "--base-url", "sim", "--root", dir.toString(), "--dataset",
                fixture.dataset.toString(), "--repos", dir.resolve("nowhere").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--repos").contains("not a directory");
    }
}
