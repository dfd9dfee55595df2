package dev.claimcheck.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Lane;
import org.junit.jupiter.api.Test;

class SimOptionsTest {
    @Test
    void defaultsFollowLaneAndRunSeed() {
        SimOptions o = SimOptions.parse("sim", Lane.INSTANT, 42);
        assertThat(o.accuracy()).isEqualTo(0.7);
        assertThat(o.faults()).isZero();
        assertThat(o.outputTokens()).isEqualTo(32);
        assertThat(o.reasoningTokens()).isZero();
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.stallMs()).isEqualTo(3000);
        assertThat(o.faultKinds()).containsExactlyInAnyOrder(SimFault.values());
        assertThat(SimOptions.parse("sim", Lane.THINKING, 0).reasoningTokens()).isEqualTo(256);
        assertThat(SimOptions.parse("sim:reasoningTokens=3", Lane.THINKING, 0).reasoningTokens()).isEqualTo(3);
    }

    @Test
    void parsesEveryKeyAndRoundTripsThroughTheMap() {
        SimOptions o = SimOptions.parse("sim:accuracy=0.5,faults=0.2,ttftMs=3,tpotMs=1,outputTokens=9,"
                + "reasoningTokens=4,seed=11,stallMs=100,faultKinds=429+reset,depthDecay=0.5,maxModelLen=4096,dropToolCalls=true,"
                + "tokenizer=cl100k_base,template=chatml,quantization=fp8,swapAfter=5,swapTokenizer=o200k_base,"
                + "swapTemplate=drops-system", Lane.INSTANT, 0);
        assertThat(o).isEqualTo(new SimOptions(0.5, 0.2, 3, 1, 9, 4, 11, 100,
                java.util.EnumSet.of(SimFault.RATE_LIMIT, SimFault.RESET), 0.5, 4096, true,
                new SimIdentity("cl100k_base", SimTemplate.CHATML, "fp8", 5, "o200k_base", SimTemplate.DROPS_SYSTEM)));
        assertThat(o.toMap()).containsEntry("faultKinds", "429+reset").containsEntry("seed", "11")
                .containsKeys(SimOptions.KEYS.toArray(String[]::new));
        assertThat(new java.util.ArrayList<>(o.toMap().keySet())).isSorted();
        assertThat(SimOptions.fromMap(o.toMap())).isEqualTo(o);
        SimOptions d = SimOptions.parse("sim", Lane.THINKING, 5);
        assertThat(SimOptions.fromMap(d.toMap())).isEqualTo(d);
    }

    @Test
    void badSpecsAreOneLineBadInput() {
        String[][] cases = {
            {"sim:acuracy=0.5", "unknown simulator option 'acuracy'"},
            {"sim:accuracy=high", "accuracy='high' is not a number"},
            {"sim:accuracy=1.5", "accuracy=1.5 is out of range"},
            {"sim:outputTokens=0", "outputTokens=0 is out of range"},
            {"sim:seed=1.5", "seed='1.5' is not an integer"},
            {"sim:faults", "bad simulator option 'faults'"},
            {"sim:dropToolCalls=yes", "dropToolCalls='yes' is not true or false"},
            {"sim:seed=1,seed=2", "given twice"},
            {"sim:faultKinds=429+gremlin", "unknown simulator fault 'gremlin'"},
            {"simulator", "not a simulator spec"},
            {"sim:tokenizer=gpt2", "unknown tokenizer 'gpt2'"},
            {"sim:template=jinja", "unknown simulator template 'jinja'"},
            {"sim:swapAfter=3", "swapAfter needs swapTokenizer or swapTemplate"},
            {"sim:quantization=<b>", "is not a short id"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> SimOptions.parse(c[0], Lane.INSTANT, 0)).as(c[0])
                    .isInstanceOf(BadInputException.class).hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThat(SimOptions.isSim("sim:x=1")).isTrue();
        assertThat(SimOptions.isSim("http://sim:8000/v1")).isFalse();
    }
}
