package dev.claimcheck.core.suite.agent;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit agent} end to end against the simulator's scripted tool-calling policy over real loopback HTTP. */
class AgentAuditTest {
    @TempDir
    Path root;

    @Test
    void aPerfectPolicySucceedsOnEveryTaskWithEveryFaultOn() throws Exception {
        var r = audit("agent", "--base-url", "sim:accuracy=1.0", "--faults", "all", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.simulated()).isTrue();
        assertThat(m.metrics().tasks()).isGreaterThanOrEqualTo(40);
        List<Sample> samples = samples(r.runDir());
        assertThat(m.metrics().score()).isEqualTo(1.0);
        assertThat(samples).allSatisfy(s -> {
            AgentDetail d = AgentDetail.parse(s.verdict().detail()).orElseThrow();
            assertThat(d.goalMet()).isTrue();
            assertThat(s.transcript()).isNotEmpty();
            assertThat(s.request().has("tools")).isTrue();
        });
        assertThat(samples.stream().map(s -> AgentDetail.parse(s.verdict().detail()).orElseThrow().fault()).distinct())
                .contains("toolError", "staleFile", "ambiguity", "checkpoint");
        // The proof pages show every step of the episode.
        assertThat(m.proofs()).isNotEmpty();
        String proof = java.nio.file.Files.readString(root.resolve(m.proofs().get(0).path()));
        assertThat(proof).contains("SIMULATED", "## Steps", "assistant, turn 2", "Calls `");

        // The dry run's estimate is what a policy following the reference solutions actually sends.
        double steps = samples.stream().mapToInt(s -> AgentDetail.parse(s.verdict().detail()).orElseThrow().steps())
                .average().orElseThrow();
        var dry = audit("agent", "--base-url", "sim", "--faults", "all", "--dry-run", "--root", root.toString());
        assertThat(dry.out()).contains(String.format(java.util.Locale.ROOT, "requests per attempt: ~%.1f (max 30)", steps));
        assertThat(steps).isGreaterThan(2);
    }

    @Test
    void aDryRunBoundsRequestsByTheStepBudgetAndLabelsTheEstimate() {
        var r = audit("agent", "--base-url", "sim", "--k", "2", "--max-steps", "3", "--dry-run", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("requests per attempt: ~3.0 (max 3) — an estimate", "nothing sent", "a lower bound");
        int tasks = AgentTasks.all().size();
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "(at most %,d)", tasks * 2 * 3));
        assertThat(root.resolve("results")).doesNotExist();
    }

    @Test
    void aPolicyThatIgnoresToolErrorsFailsTheToolErrorTasks() {
        var r = audit("agent", "--base-url", "sim:accuracy=0", "--faults", "toolError", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Sample> withToolError = samples(r.runDir()).stream()
                .filter(s -> "toolError".equals(AgentDetail.parse(s.verdict().detail()).orElseThrow().fault())).toList();
        assertThat(withToolError).hasSizeGreaterThan(20).allSatisfy(s -> {
            assertThat(s.verdict().correct()).isFalse();
            assertThat(AgentDetail.parse(s.verdict().detail()).orElseThrow().faultInjected()).isTrue();
        });
    }

    @Test
    void passHatKFallsAsKRisesAndMatchesTheClosedFormWithinItsInterval() throws Exception {
        var r = audit("agent", "--base-url", "sim:accuracy=0.7", "--k", "4", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        var m = r.manifest().metrics();
        assertThat(m.get(AgentFigures.PASS_HAT_K)).extracting(p -> p.k()).containsExactly(1, 2, 3, 4);
        assertThat(r.out()).contains("passHatK.1", "passHatK.4", "byFault.toolError.success", "agent.policyViolations",
                "agent.stepsPerSuccess", "agent.tokensPerSuccess");
        double previous = 1.0;
        for (var p : m.get(AgentFigures.PASS_HAT_K)) {
            double closedForm = Math.pow(0.7, p.k()); // each episode follows the reference with probability 0.7
            assertThat(closedForm).as("pass^%d closed form inside [%s, %s]", p.k(), p.estimate().ci95Low(),
                    p.estimate().ci95High()).isBetween(p.estimate().ci95Low(), p.estimate().ci95High());
            assertThat(p.estimate().value()).isLessThan(previous);
            previous = p.estimate().value();
        }
        assertThat(m.get(AgentFigures.PASS_HAT_K).get(0).estimate().value()).isEqualTo(m.score(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.get(AgentFigures.BY_FAULT)).containsOnlyKeys("toolError", "staleFile", "ambiguity", "checkpoint");
        assertThat(m.get(AgentFigures.BY_FAULT).get("toolError").recoveryRate().value()).isBetween(0.4, 0.95);
        assertThat(m.get(AgentFigures.BLOCK).stepsPerSuccess().value()).isGreaterThan(2);
        assertThat(m.get(AgentFigures.BLOCK).policyViolations()).isPositive(); // mistakes act on ambiguous instructions without asking

        // The figures sit at the paths the issue names.
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.runDir().resolve("run.json").toFile());
        assertThat(json.at("/metrics/passHatK/3/k").asInt()).isEqualTo(4);
        assertThat(json.at("/metrics/byFault/staleFile/recoveryRate/value").isNumber()).isTrue();
        assertThat(json.at("/metrics/agent/tokensPerSuccess/value").isNumber()).isTrue();
        assertThat(java.nio.file.Files.readString(r.runDir().resolve("summary.csv"))).contains("passHatK.4,", "byFault.checkpoint.recoveryRate,");
    }

    @Test
    void anInterruptedRunResumesToTheSameMetricsAsAnUninterruptedOne() throws Exception {
        var whole = audit("agent", "--base-url", "sim:accuracy=0.6,faults=0.1", "--k", "2", "--root", root.toString());
        var cut = audit("agent", "--base-url", "sim:accuracy=0.6,faults=0.1", "--k", "2", "--concurrency", "2",
                "--root", root.toString());
        // Simulate a kill half way: the journal loses its second half and run.json says running again.
        Path journal = cut.runDir().resolve("samples.jsonl");
        List<String> lines = java.nio.file.Files.readAllLines(journal);
        java.nio.file.Files.write(journal, lines.subList(0, lines.size() / 2));
        RunFolder folder = new RunFolder(cut.runDir());
        dev.claimcheck.core.store.RunManifestStore.write(folder,
                cut.manifest().withStatus(RunStatus.RUNNING, null, null, null).withProofs(List.of()));

        var resumed = audit("--resume", cut.runDir().toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.manifest().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(resumed.manifest().metrics()).isEqualTo(whole.manifest().metrics());
        assertThat(samples(cut.runDir())).hasSize(lines.size());
    }

    static List<Sample> samples(Path runDir) {
        return Journal.readAll(new RunFolder(runDir));
    }
}
