package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.grade.Regrade;
import dev.claimcheck.core.grade.Tau2Grader;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding;
import dev.claimcheck.core.verify.RecordedAnswerRegrader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A τ²-bench results file imported end to end (fixture suites/tau2: 3 airline-shaped tasks × 2 trials), re-scored to
 * its own pass^k when untouched, its edits caught, its user-simulator error counted apart, and bad files refused
 * with the field at fault.
 */
class Tau2SuiteTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/tau2");
    static final Path DATA = FIXTURE.resolve("data");
    static final Path RESULTS = FIXTURE.resolve("results/results.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    AuditRunner.Result importing(Path results, String... more) {
        List<String> args = new ArrayList<>(List.of("tau2", "--data", DATA.toString(), "--domain", "airline",
                "--import-results", results.toString(), "--base-url", "sim", "--model", "acme/agent-1", "--root", root.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--k")) {
            args.addAll(List.of("--k", "2"));
        }
        return audit(args.toArray(String[]::new));
    }

    /** The fixture results file with {@code edit} applied, written under the temp root. */
    Path edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(RESULTS.toFile());
        edit.accept(doc);
        Path out = root.resolve("edited-results.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), doc);
        return out;
    }

    static ObjectNode sim(ObjectNode doc, int i) {
        return (ObjectNode) doc.get("simulations").get(i);
    }

    @Test
    void anUntouchedResultsFileReScoresToItsOwnPassHatKAndReGradesAsVerifyDoes() throws Exception {
        var r = importing(RESULTS);
        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.workload()).isEqualTo(Workload.TAU2);
        assertThat(m.suite().dataset().name()).isEqualTo("tau2-airline");
        assertThat(m.suite().dataset().rows()).isEqualTo(3);
        assertThat(m.suite().dataset().sha256())
                .isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(DATA.resolve("domains/airline/tasks.json"))));
        Metrics x = m.metrics();
        Tau2Metrics t = x.get(Tau2Figures.BLOCK);
        // Each task has one success in two trials: pass^1 = 1/2, pass^2 = 0, and the file claims the same.
        assertThat(t.passHatK()).hasSize(2);
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(0.5);
        assertThat(t.passHatK().get(0).claimed().value()).isEqualTo(0.5);
        assertThat(t.passHatK().get(1).derived().value()).isZero();
        assertThat(t.passHatK().get(1).claimed().value()).isZero();
        assertThat(x.score()).isEqualTo(0.5);
        assertThat(t.rewardMismatches()).isZero();
        assertThat(t.checkDisagreements()).isZero();
        assertThat(t.source()).isEqualTo("imported");
        assertThat(t.domain()).isEqualTo("airline");
        assertThat(t.file()).isEqualTo("results.json");
        assertThat(t.sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(RESULTS)));
        assertThat(t.agentModel()).isEqualTo("acme/agent-1");
        assertThat(t.userModel()).isEqualTo("gpt-4.1-2025-04-14");
        assertThat(t.trials()).isEqualTo(6);
        assertThat(t.trialsInFile()).isEqualTo(6);
        assertThat(t.changedTasks()).isEmpty();
        assertThat(r.out()).contains("pass^1", "tau2.passHatK.1", "tau2.userSimulatorErrors");

        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        assertThat(samples).hasSize(6).allSatisfy(s -> assertThat(s.verdict().grader()).isEqualTo(Tau2Grader.ID));
        assertThat(new RecordedAnswerRegrader().regrade(m, samples, root)).isEmpty();
        assertThat(samples).allSatisfy(s -> assertThat(Regrade.of(s).correct()).isEqualTo(s.verdict().correct()));
        assertThat(RunMetrics.of(samples, SuiteRegistry.figures(Workload.TAU2))).isEqualTo(x);
    }

    @Test
    void theVerifyCommandRecomputesTheFiguresAndReGradesEveryTrial() {
        var r = importing(RESULTS);
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = dev.claimcheck.core.cli.Cli.execute(new dev.claimcheck.core.cli.VerifyCommand(print, Map.of()),
                new java.io.PrintWriter(print, true), r.runDir().toString(), "--allow-simulated");
        String report = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(report).contains("PASS metrics", "PASS regrade", "PASS journal", "PASS consistency");
        assertThat(report.lines().filter(l -> l.contains("FAIL ")))
                .containsExactly("  FAIL unsigned: MANIFEST not found: the run folder is not signed");
        assertThat(code).as("unsigned, so not trusted: " + report).isEqualTo(1);
    }

    @Test
    void aUserSimulatorErrorIsCountedApartFromTheAgentsErrors() throws Exception {
        var r = importing(RESULTS);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.terminations()).isEqualTo(Map.of("user_stop", 5, "user_error", 1));
        assertThat(t.bySide()).isEqualTo(Map.of("completed", 5, "user_simulator", 1));
        assertThat(t.userSimulatorErrors()).isEqualTo(1);
        assertThat(t.agentErrors()).isZero();
        assertThat(t.notEvaluable()).isZero();
        // Without task 1's user-simulator trial, task 1 is 1/1: the rate rises above pass^1.
        assertThat(t.successWithoutUserSimulatorErrors().value()).isGreaterThan(0.5);
    }

    @Test
    void anInfrastructureErrorIsLeftOutOfPassHatKAsUpstreamDoes() throws Exception {
        Path file = edited(doc -> sim(doc, 3).put("termination_reason", "infrastructure_error"));
        Tau2Metrics t = importing(file).manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.notEvaluable()).isEqualTo(1);
        assertThat(t.userSimulatorErrors()).isZero();
        assertThat(t.bySide()).containsEntry("infrastructure", 1);
        // Task 1 keeps one evaluable trial, a success: pass^1 = (1/2 + 1 + 1/2) / 3; pass^2 counts tasks 0 and 2 only.
        assertThat(t.passHatK().get(0).derived().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.passHatK().get(1).derived().tasks()).isEqualTo(2);
    }

    @Test
    void passHatKIsTheChanceThatKTrialsDrawnWithoutReplacementAllSucceed() {
        assertThat(Tau2RunMetrics.allSucceed(4, 2, 1)).isEqualTo(0.5);
        assertThat(Tau2RunMetrics.allSucceed(4, 2, 2)).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(Tau2RunMetrics.allSucceed(4, 3, 3)).isCloseTo(0.25, within(1e-12));
        assertThat(Tau2RunMetrics.allSucceed(4, 4, 4)).isEqualTo(1.0);
        assertThat(Tau2RunMetrics.allSucceed(4, 1, 2)).isZero();
    }

    @Test
    void anEditedTrajectoryIsDetectedAndPassHatKIsReDerivedWithoutIt() throws Exception {
        Path file = edited(doc -> ((ObjectNode) sim(doc, 0).get("messages").get(8)).put("content", "Done. Refund on its way."));
        var r = importing(file);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Tau2Metrics t = r.manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.rewardMismatches()).isEqualTo(1);
        assertThat(t.mismatches()).containsExactly(
                "0#0: claimed 1.0, re-derived 0.0 (communicate_checks[0] '1200': recorded met=true, re-derived false)");
        assertThat(t.passHatK().get(0).claimed().value()).isEqualTo(0.5);
        assertThat(t.passHatK().get(0).derived().value()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void anEditedRewardIsDetected() throws Exception {
        Path file = edited(doc -> ((ObjectNode) sim(doc, 1).get("reward_info")).put("reward", 1.0));
        Tau2Metrics t = importing(file).manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.rewardMismatches()).isEqualTo(1);
        assertThat(t.mismatches()).containsExactly("0#1: claimed 1.0, re-derived 0.0");
        assertThat(t.passHatK().get(0).claimed().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(t.passHatK().get(0).derived().value()).isEqualTo(0.5);
    }

    @Test
    void anEditedVerdictInTheRunFolderIsCaughtByVerify() throws Exception {
        var r = importing(RESULTS);
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        Sample s = samples.stream().filter(x -> !x.verdict().correct()).findFirst().orElseThrow();
        Verdict flipped = new Verdict(true, 1, s.verdict().extracted(), s.verdict().expected(), s.verdict().grader(),
                s.verdict().graderVersion(), s.verdict().detail());
        List<Sample> edited = new ArrayList<>(samples);
        edited.set(samples.indexOf(s), new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(),
                s.request(), s.response(), s.usage(), s.timing(), flipped, s.error(), s.retries(), s.transcript(), s.load()));
        assertThat(new RecordedAnswerRegrader().regrade(r.manifest(), edited, root))
                .anySatisfy(f -> assertThat(f.kind()).isEqualTo(Finding.Kind.REGRADE_MISMATCH));
    }

    @Test
    void aTaskWhoseCopyInTheFileDiffersFromTasksJsonIsListed() throws Exception {
        Path file = edited(doc -> ((ArrayNode) doc.get("tasks").get(0).at("/evaluation_criteria/communicate_info")).removeAll());
        Tau2Metrics t = importing(file).manifest().metrics().get(Tau2Figures.BLOCK);
        assertThat(t.changedTasks()).containsExactly("0");
        assertThat(t.rewardMismatches()).as("re-scored against tasks.json, not the file's copy").isZero();
    }

    @Test
    void badFilesAreRefusedWithTheFieldAtFault() throws Exception {
        expectRefusal(edited(doc -> sim(doc, 2).put("task_id", "77")),
                "results.json: simulations[2].task_id: task 77 is not in");
        expectRefusal(edited(doc -> sim(doc, 1).put("trial", 0)),
                "edited-results.json: simulations[1]: task 0 trial 0 appears twice");
        expectRefusal(edited(doc -> sim(doc, 3).remove("reward_info")),
                "edited-results.json: simulations[3].reward_info: missing (the simulation was never evaluated");
        expectRefusal(edited(doc -> sim(doc, 0).put("termination_reason", "gave_up")),
                "simulations[0].termination_reason: unknown termination_reason 'gave_up'");
        expectRefusal(edited(doc -> ((ObjectNode) doc.at("/info/environment_info")).put("domain_name", "retail")),
                "edited-results.json: info.environment_info.domain_name is retail, --domain is airline");
        expectRefusal(edited(doc -> doc.remove("simulations")), "edited-results.json: simulations: missing");
        Path broken = root.resolve("broken.json");
        Files.writeString(broken, "{\n  \"info\": {},\n  \"simulations\": [\n    {\"task_id\": \"0\",,}\n  ]\n}\n");
        expectRefusal(broken, "broken.json:4: not valid JSON");
    }

    @Test
    void moreTrialsThanTheFileHoldsAnotherModelOrNeitherOrBothModesAreRefused() {
        var k3 = importing(RESULTS, "--k", "3");
        assertThat(k3.exitCode()).as("the run stops at the first missing trial").isNotZero();
        assertThat(k3.out() + k3.err()).contains("results.json has trials [0, 1] of task ", ", not trial 2: run with --k 2 (the fewest trials of any task)");
        var other = audit("tau2", "--data", DATA.toString(), "--domain", "airline", "--import-results", RESULTS.toString(),
                "--base-url", "sim", "--model", "acme/agent-2", "--root", root.toString());
        assertThat(other.exitCode()).as("refused before a run folder exists").isEqualTo(2);
        assertThat(other.err()).contains("the agent is acme/agent-1 (info.agent_info.llm), --model is acme/agent-2");
        Tau2Suite.refuseOtherModel("inclusionAI/Ring-2.5-1T", "openai/inclusionAI/Ring-2.5-1T", "results.json"); // a LiteLLM provider prefix
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Tau2Suite.refuseOtherModel("Ring-2.5-1T", "openai/inclusionAI/Ring-2.5-1T-FP8", "results.json"))
                .hasMessageContaining("pass --model openai/inclusionAI/Ring-2.5-1T-FP8");
        var neither = audit("tau2", "--data", DATA.toString(), "--domain", "airline", "--base-url", "sim", "--root", root.toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--import-results FILE", "--user-model BASE_URL=MODEL");
        var both = audit("tau2", "--data", DATA.toString(), "--domain", "airline", "--import-results", RESULTS.toString(),
                "--user-model", "sim=user-sim", "--base-url", "sim", "--root", root.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give one of them");
        var noDomain = audit("tau2", "--data", DATA.toString(), "--domain", "banking", "--import-results", RESULTS.toString(),
                "--base-url", "sim", "--root", root.toString());
        assertThat(noDomain.err()).contains("no tasks.json for domain banking");
    }

    void expectRefusal(Path results, String message) {
        var r = importing(results);
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message);
    }
}
