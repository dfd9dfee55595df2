package dev.claimcheck.core.suite.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The agent figures from hand-built samples whose answers can be worked out on paper. */
class AgentRunMetricsTest {

    @ParameterizedTest(name = "n={0} c={1} k={2}")
    @CsvSource(textBlock = """
            4, 4, 4, 1.0
            4, 3, 4, 0.0
            4, 2, 2, 0.16666666666666666
            4, 3, 2, 0.5
            8, 6, 3, 0.35714285714285715
            5, 0, 1, 0.0
            5, 5, 1, 1.0
            """)
    void passHatKIsAllSucceedWithoutReplacement(int n, int c, int k, double expected) {
        assertThat(AgentRunMetrics.allSucceed(n, c, k)).isCloseTo(expected, within(1e-15));
    }

    static Sample sample(String task, int attempt, boolean success, String fault, boolean fired, int violations, int steps,
                         long tokens) {
        AgentDetail d = new AgentDetail("orders", fault, fired, success, steps, steps - 1, 0, 0, violations, null);
        return new Sample(task, attempt, null, "0".repeat(64), null, null, new Response("done", null, List.of(), "stop"),
                new Usage(tokens - 10, 10, 0, 0), null,
                new Verdict(success, success ? 1 : 0, null, "finalState:" + task, "agentFinalState", "1", d.toJson()),
                null, List.of());
    }

    @Test
    void byFaultSeparatesSuccessFromRecoveryAfterTheFaultFired() {
        List<Sample> samples = new ArrayList<>();
        // t1 (toolError): fired twice, recovered once. t2 (toolError): the fault never fired, both succeed.
        samples.add(sample("t1", 0, true, "toolError", true, 0, 4, 1000));
        samples.add(sample("t1", 1, false, "toolError", true, 1, 3, 800));
        samples.add(sample("t2", 0, true, "toolError", false, 0, 6, 3000));
        samples.add(sample("t2", 1, true, "toolError", false, 0, 6, 3000));
        // t3 (no fault): always fails.
        samples.add(sample("t3", 0, false, null, false, 2, 2, 500));
        samples.add(sample("t3", 1, false, null, false, 0, 2, 500));

        Metrics m = RunMetrics.of(samples, SuiteRegistry.figures(Workload.AGENT));

        assertThat(m.score()).isCloseTo(0.5, within(1e-12));
        var toolError = m.get(AgentFigures.BY_FAULT).get("toolError");
        assertThat(toolError.success().value()).isCloseTo(0.75, within(1e-12));
        assertThat(toolError.recoveryRate().value()).isCloseTo(0.5, within(1e-12));
        assertThat(toolError.recoveryRate().tasks()).isEqualTo(1);
        assertThat(toolError.attempts()).isEqualTo(4);
        assertThat(toolError.injected()).isEqualTo(2);
        assertThat(m.get(AgentFigures.BY_FAULT)).containsOnlyKeys("toolError");
        // pass^1 = mean of 1/2, 1, 0; pass^2 = mean of 0, 1, 0.
        assertThat(m.get(AgentFigures.PASS_HAT_K)).hasSize(2);
        assertThat(m.get(AgentFigures.PASS_HAT_K).get(0).estimate().value()).isCloseTo(0.5, within(1e-12));
        assertThat(m.get(AgentFigures.PASS_HAT_K).get(1).estimate().value()).isCloseTo(1.0 / 3, within(1e-12));
        var a = m.get(AgentFigures.BLOCK);
        assertThat(a.successes()).isEqualTo(3);
        assertThat(a.policyViolations()).isEqualTo(3);
        assertThat(a.policyViolationRate().value()).isCloseTo(2.0 / 6, within(1e-12));
        // Successes: steps 4, 6, 6 (mean 16/3); tokens 1000, 3000, 3000.
        assertThat(a.stepsPerSuccess().value()).isCloseTo(16.0 / 3, within(1e-12));
        assertThat(a.tokensPerSuccess().value()).isCloseTo(7000.0 / 3, within(1e-9));
        assertThat(a.tokensPerSuccess().ci95High()).isGreaterThan(1.0); // a mean of tokens, not a rate: not clipped at 1
        assertThat(a.byWorld()).containsOnlyKeys("orders");
    }

    @Test
    void otherWorkloadsCarryNoAgentFigures() {
        Metrics m = RunMetrics.of(List.of(sample("t1", 0, true, null, false, 0, 1, 10)), SuiteRegistry.figures(Workload.ARITH));
        assertThat(m.get(AgentFigures.BLOCK)).isNull();
        assertThat(m.get(AgentFigures.PASS_HAT_K)).isNull();
        assertThat(m.get(AgentFigures.BY_FAULT)).isNull();
    }
}
