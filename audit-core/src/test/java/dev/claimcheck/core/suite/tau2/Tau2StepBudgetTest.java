package dev.claimcheck.core.suite.tau2;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A native run's step budget counts as upstream's orchestrator does, the simulator scripted as agent and user. */
class Tau2StepBudgetTest {
    @TempDir
    Path root;

    AuditRunner.Result running(String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("tau2", "--data", Tau2NativeTest.DATA.toString(),
                "--domain", "airline", "--user-model", "sim:accuracy=1=user-sim", "--base-url", "sim:accuracy=1",
                "--model", "acme/agent-1", "--k", "1", "--root", root.toString(), "--seed", "7"));
        args.addAll(java.util.List.of(extra));
        return audit(args.toArray(String[]::new));
    }

    @Test
    void upstreamsDefaultBudgetLetsEveryTrialEndByTheUsersStop() {
        var r = running();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().suite().options()).containsEntry("--max-steps", "200").containsEntry("--step-count", "orchestrator");
        assertThat(r.manifest().metrics().get(Tau2Figures.BLOCK).terminations()).isEqualTo(Map.of("user_stop", 4));
    }

    @Test
    void threeStepsEndEveryTrialAsMaxStepsAfterTheUsersOpenerAndTheAgentsFirstReply() throws Exception {
        // Step 1: the user's opener; 2: the agent's tool call (the environment answers, no check); 3: its results.
        var r = running("--max-steps", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.manifest().metrics().get(Tau2Figures.BLOCK).terminations()).isEqualTo(Map.of("max_steps", 4));
        var sim = Tau2NativeTest.simulation(Tau2NativeTest.sample(Journal.readAll(new RunFolder(r.runDir())), "0", 0));
        assertThat(sim.get("termination_reason").asText()).isEqualTo("max_steps");
        assertThat(sim.get("messages")).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aRunRecordedWhenMaxStepsCountedTheAgentsTurnsIsRefusedOnResume() throws Exception {
        var r = running();
        Path manifest = r.runDir().resolve("run.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(manifest.toFile());
        m.put("status", "stopped");
        ((ObjectNode) m.at("/suite/options")).remove("--step-count");
        ((ObjectNode) m.at("/suite/options")).put("--max-steps", "30");
        Files.writeString(manifest, json.writeValueAsString(m));
        var resumed = audit("--resume", r.runDir().toString());
        assertThat(resumed.exitCode()).isEqualTo(2);
        assertThat(resumed.err()).contains("recorded --max-steps 30 as the agent's model turns").contains("cannot be resumed");
    }
}
