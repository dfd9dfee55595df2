package dev.claimcheck.core.toolcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two and three simulator endpoints over real loopback HTTP; the one configured to drop tool calls is flagged. */
class ToolCheckTest {
    static ToolCheckReport run(String... urls) {
        return ToolCheck.run(new ToolCheck.Spec(List.of(urls), null, 2, 3, ToolCheck.defaultBody(256), "OPENAI_API_KEY",
                null, Map.of(), 2));
    }

    @Test
    void anEndpointThatDropsToolCallsIsFlaggedAndTheFaithfulOneIsNot() {
        ToolCheckReport r = run("sim:accuracy=1", "sim:accuracy=1,dropToolCalls=true");
        assertThat(r.simulated()).isTrue();
        assertThat(r.probes()).isEqualTo(ToolProbes.ALL.size());
        EndpointReport ref = r.endpoints().get(0);
        EndpointReport drop = r.endpoints().get(1);
        int due = (int) ToolProbes.ALL.stream().filter(ToolProbe::expectsCall).count();

        assertThat(ref.flagged()).isFalse();
        assertThat(ref.requests()).isEqualTo(2 * ToolProbes.ALL.size());
        assertThat(ref.emptyReplies()).isZero();
        assertThat(ref.toolCallReplies()).isEqualTo(2 * due);
        assertThat(ref.schemaValid().value()).isEqualTo(1.0);
        assertThat(ref.callWhenExpected().value()).isEqualTo(1.0);
        assertThat(ref.sameDecision().value()).isEqualTo(1.0);
        assertThat(ref.finishReasons()).containsEntry("tool_calls", 2L * due).containsEntry("stop", 2L * (ToolProbes.ALL.size() - due));
        assertThat(ref.latencyP50Ms()).isNotNull();
        assertThat(ref.meanPromptTokens()).isPositive();

        assertThat(drop.flagged()).isTrue();
        assertThat(drop.emptyReplies()).isEqualTo(2 * due);
        assertThat(drop.flag()).contains("neither content nor tool_calls");
        assertThat(drop.toolCallReplies()).isZero();
        assertThat(drop.schemaValid()).as("no call to judge").isNull();
        assertThat(drop.callWhenExpected().value()).isZero();
        assertThat(drop.sameDecision().value()).isCloseTo((double) (ToolProbes.ALL.size() - due) / ToolProbes.ALL.size(),
                org.assertj.core.api.Assertions.within(1e-9));
        assertThat(drop.finishReasons()).as("the finish reason survives the dropped calls").containsKey("tool_calls");
        assertThat(r.anyFlagged()).isTrue();
    }

    @Test
    void schemaInvalidCallsLowerTheValidRateWithoutAFlag() {
        ToolCheckReport r = run("sim:accuracy=1", "sim:accuracy=0");
        EndpointReport wrong = r.endpoints().get(1);
        assertThat(wrong.flagged()).isFalse();
        assertThat(wrong.schemaValid().value()).isLessThan(1.0);
        assertThat(wrong.sameArguments().value()).isLessThan(1.0);
    }

    @Test
    void oneEndpointIsNotAComparison() {
        assertThatThrownBy(() -> run("sim")).isInstanceOf(BadInputException.class).hasMessageContaining("at least two --base-url");
    }
}
