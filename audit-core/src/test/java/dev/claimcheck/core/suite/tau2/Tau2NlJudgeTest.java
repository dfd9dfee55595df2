package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.grade.Tau2Grader;
import dev.claimcheck.core.grade.tau2.Tau2Detail;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NL-assertion judge of a native τ² run ({@code --judge}) on the fixture suites/tau2/native, whose task 4 counts
 * one NL assertion: the simulator scripted as agent, user and judge. Without a judge the task is not scorable
 * ({@link Tau2NativeTest}); with one its trials are scored, and every re-grade reads the judge's recorded reply again.
 */
class Tau2NlJudgeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    AuditRunner.Result running(String agent, String judge, String... more) {
        return running(2, agent, judge, more);
    }

    AuditRunner.Result running(int k, String agent, String judge, String... more) {
        List<String> args = new ArrayList<>(List.of("tau2", "--data", Tau2NativeTest.DATA.toString(), "--domain", "airline",
                "--user-model", "sim:accuracy=1=user-sim", "--base-url", agent, "--model", "acme/agent-1", "--k", String.valueOf(k),
                "--root", root.toString(), "--seed", "7", "--judge", judge));
        args.addAll(List.of(more));
        return audit(args.toArray(String[]::new));
    }

    static Sample sample(List<Sample> samples, String task, int attempt) {
        return Tau2NativeTest.sample(samples, task, attempt);
    }

    @Test
    void aJudgedTaskIsScoredAndItsVerdictsAreRecordedAsTau2RecordsThem() throws Exception {
        var r = running("sim:accuracy=1", "sim:accuracy=1=judge-sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.suite().options()).containsEntry("--judge-prompt", Tau2NlJudge.recorded())
                .containsEntry("--judge", "sim:accuracy=1=judge-sim");
        Tau2Metrics t = m.metrics().get(Tau2Figures.BLOCK);
        assertThat(t.notScorable()).isZero();
        assertThat(t.trials()).isEqualTo(10);
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(1.0);
        assertThat(t.nlJudge()).isEqualTo(new Tau2Metrics.NlJudge("sim:accuracy=1=judge-sim", 2, 2, 0, 0, t.nlJudge().tokens()));
        assertThat(t.nlJudge().tokens().requests()).isEqualTo(2);

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        JsonNode sim = Tau2NativeTest.simulation(sample(samples, "4", 0));
        assertThat(sim.at("/reward_info/nl_assertions/0/nl_assertion").asText()).isEqualTo("The agent apologises for the delay.");
        assertThat(sim.at("/reward_info/nl_assertions/0/met").asBoolean()).isTrue();
        assertThat(sim.at("/reward_info/nl_assertions/0/justification").asText()).isEqualTo("simulated reference verdict");
        assertThat(sim.at("/reward_info/info/judge/prompt").asText()).isEqualTo(Tau2NlJudge.recorded());
        assertThat(sim.at("/reward_info/info/judge/status").asText()).isEqualTo("graded");
        Tau2Detail d = Tau2Detail.parse(sample(samples, "4", 0).verdict().detail()).orElseThrow();
        assertThat(d.components().get("NL_ASSERTION").source()).isEqualTo(Tau2Detail.Component.JUDGE_REPLY);
        assertThat(d.notScorable()).isNull();
        assertThat(Tau2NativeTest.simulation(sample(samples, "0", 0)).at("/reward_info/info").isMissingNode())
                .as("only tasks counting NL_ASSERTION ask the judge").isTrue();

        assertThat(new RecordedAnswerRegrader().regrade(m, samples, root)).isEmpty();
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.TAU2))).isEqualTo(m.metrics());
        assertThat(SuiteRegistry.figures(Workload.TAU2).rows(m.metrics()).stream().map(FigureRow::name))
                .contains("tau2.nlJudge.asked", "tau2.nlJudge.parseFailures", "tau2.userSimulator.completionTokens");
    }

    @Test
    void anAgentThatSkipsItsActionIsJudgedNotToMeetTheAssertion() {
        var r = running("sim:accuracy=0", "sim:accuracy=1=judge-sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(sample(samples, "4", 1).verdict().score()).isZero();
        assertThat(Tau2Detail.parse(sample(samples, "4", 1).verdict().detail()).orElseThrow().components().get("NL_ASSERTION").value())
                .isZero();
    }

    @Test
    void anEditedVerdictOrReplyIsCaughtByTheReGrade() throws Exception {
        var r = running("sim:accuracy=1", "sim:accuracy=1=judge-sim");
        Sample s = sample(Journal.readAll(new RunFolder(r.runDir())), "4", 0);
        ObjectNode sim = (ObjectNode) JSON.readTree(s.response().content());
        // The verdict edited, the reply left: the reply still decides, and the edit is listed.
        ObjectNode verdictEdited = sim.deepCopy();
        ((ObjectNode) verdictEdited.at("/reward_info/nl_assertions/0")).put("met", false);
        Verdict v = new Tau2Grader().grade(JSON.writeValueAsString(verdictEdited), s.verdict().expected());
        assertThat(v.score()).isEqualTo(1.0);
        assertThat(Tau2Detail.parse(v.detail()).orElseThrow().disagreements())
                .containsExactly("nl_assertions[0]: recorded met=false, the judge's reply reads true");
        // The reply edited: the re-grade follows it, so it no longer matches the recorded score.
        ObjectNode replyEdited = sim.deepCopy();
        ObjectNode judge = (ObjectNode) replyEdited.at("/reward_info/info/judge");
        judge.put("reply", judge.get("reply").asText().replace("true", "false"));
        assertThat(new Tau2Grader().grade(JSON.writeValueAsString(replyEdited), s.verdict().expected()).score()).isZero();
        assertThat(Regrade.of(s).score()).isEqualTo(s.verdict().score());
    }

    @Test
    void aJudgeWhoseRepliesCannotBeReadLeavesTheTaskNotScorableAndIsCounted() throws Exception {
        var r = running("sim:accuracy=1", "sim:accuracy=0=judge-malformed");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.notScorable()).isEqualTo(2);
        assertThat(t.nlJudge().parseFailures()).isEqualTo(2);
        assertThat(t.nlJudge().graded()).isZero();
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(Tau2Detail.parse(sample(samples, "4", 0).verdict().detail()).orElseThrow().notScorable())
                .startsWith("the NL judge's reply cannot be read: no JSON object");
        assertThat(sample(samples, "4", 0).verdict().correct()).isFalse();
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), samples, root)).isEmpty();
    }

    @Test
    void aWrongJudgeFlipsTheVerdictAndTheFiguresShowIt() {
        var r = running("sim:accuracy=1", "sim:accuracy=0=judge-sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.nlJudge().graded()).isEqualTo(2);
        // Four scorable tasks solved, task 4 judged failed by the deviating judge.
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(0.8);
    }

    @Test
    void withAnAccurateJudgeAnAgentRightHalfTheTimeReachesTheClosedFormPassHatKOnEveryTask() {
        // Task 4 is now scored like the others: its trial passes exactly when the agent follows the reference (p = 1/2).
        var r = running(4, "sim:accuracy=0.5", "sim:accuracy=1=judge-sim");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.trials()).isEqualTo(20);
        assertThat(t.notScorable()).isZero();
        for (Tau2Metrics.PassHatK p : t.passHatK().subList(0, 2)) {
            double closedForm = Math.pow(0.5, p.k());
            assertThat(p.derived().ci95Low()).as("pass^" + p.k()).isLessThanOrEqualTo(closedForm);
            assertThat(p.derived().ci95High()).as("pass^" + p.k()).isGreaterThanOrEqualTo(closedForm);
        }
    }

    @Test
    void theModelUnderTestNeverJudgesItsOwnConversations() {
        var r = running("sim:accuracy=1", "sim=acme/agent-1");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("is the model under test", "conversations").doesNotContain("Exception");
    }

    @Test
    void aSimulatedJudgeNeverJudgesARealRun() {
        var r = running("http://127.0.0.1:9/v1", "sim=judge-sim");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("simulated").doesNotContain("Exception");
    }

    @Test
    void anImportIsNotJudgedAgain() {
        var r = audit("tau2", "--data", "src/test/resources/suites/tau2/data", "--domain", "airline", "--base-url", "sim",
                "--model", "acme/agent-1", "--k", "2", "--root", root.toString(), "--import-results",
                "src/test/resources/suites/tau2/results/results.json", "--judge", "sim=judge-sim");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--judge asks an NL judge in a native run").doesNotContain("Exception");
    }

    @Test
    void aResumeWithAnotherJudgePromptIsRefused() {
        var r = running("sim:accuracy=1", "sim=judge-sim", "--judge-prompt", "tau2-nl-judge-v0@sha256:00");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--judge-prompt tau2-nl-judge-v0", Tau2NlJudge.recorded());
    }

    @Test
    void theVerifyCommandPassesAJudgedRun() {
        var r = running("sim:accuracy=1", "sim:accuracy=1=judge-sim");
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        dev.claimcheck.core.cli.Cli.execute(new dev.claimcheck.core.cli.VerifyCommand(print, java.util.Map.of()),
                new java.io.PrintWriter(print, true), r.runDir().toString(), "--allow-simulated");
        String report = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report).contains("PASS metrics", "PASS regrade", "PASS journal", "PASS consistency");
        assertThat(report.lines().filter(l -> l.contains("FAIL ")))
                .containsExactly("  FAIL unsigned: MANIFEST not found: the run folder is not signed");
    }
}
