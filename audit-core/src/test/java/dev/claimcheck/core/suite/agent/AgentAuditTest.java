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
    void aPerfectPolicySucceedsOnEveryTaskWithEveryFaultOn() {
        var r = audit("agent", "--base-url", "sim:accuracy=1.0", "--faults", "all", "--root", root.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        RunManifest m = r.manifest();
        assertThat(m.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(m.simulated()).isTrue();
        assertThat(m.metrics().tasks()).isGreaterThanOrEqualTo(40);
        assertThat(m.metrics().score()).isEqualTo(1.0);
        List<Sample> samples = samples(r.runDir());
        assertThat(samples).allSatisfy(s -> {
            AgentDetail d = AgentDetail.parse(s.verdict().detail()).orElseThrow();
            assertThat(d.goalMet()).isTrue();
            assertThat(s.transcript()).isNotEmpty();
            assertThat(s.request().has("tools")).isTrue();
        });
        assertThat(samples.stream().map(s -> AgentDetail.parse(s.verdict().detail()).orElseThrow().fault()).distinct())
                .contains("toolError", "staleFile", "ambiguity", "checkpoint");
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

    static List<Sample> samples(Path runDir) {
        return Journal.readAll(new RunFolder(runDir));
    }
}
