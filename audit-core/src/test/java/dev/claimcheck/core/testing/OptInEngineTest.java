package dev.claimcheck.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A real-engine test runs only where a user names the engine, and says so in the words ./test counts. */
class OptInEngineTest {
    @Test
    void withoutTheVariablesTheTestIsNotRunAndTheMessageNamesThem() {
        assertThatThrownBy(() -> OptInEngine.LLAMA_SERVER.require(Map.of("CLAIMCHECK_LLAMA_SERVER", "/opt/llama-server")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith(OptInEngine.NOT_RUN + ": set CLAIMCHECK_LLAMA_SERVER and CLAIMCHECK_LLAMA_MODEL");
    }

    @Test
    void withThemTheirValuesAreGiven() {
        assertThat(OptInEngine.ENGINE_URL.require(Map.of("CLAIMCHECK_ENGINE_URL", "http://gpu:8000/v1")))
                .containsExactly("http://gpu:8000/v1");
    }
}
