package dev.claimcheck.core.testing;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real inference engine a test runs against only where a user names one: none installs on this project's
 * machines (docs/throughput.md "Against real engines"). Without the variables the test is aborted with a message
 * starting {@link #NOT_RUN}, which {@code ./test} counts apart in its closing line ("N not run"), so it is never a
 * silent skip and never read as one that a {@code --skip} flag asked for.
 */
public enum OptInEngine {
    /** llama.cpp's {@code llama-server} binary and a GGUF model, started by the test on CPU. */
    LLAMA_SERVER("CLAIMCHECK_LLAMA_SERVER", "CLAIMCHECK_LLAMA_MODEL"),
    /** An OpenAI-compatible engine already serving (vLLM, SGLang, …); CLAIMCHECK_ENGINE_MODEL is optional. */
    ENGINE_URL("CLAIMCHECK_ENGINE_URL");

    /** How the abort message of a test not run starts; {@code ./test} greps for it. */
    public static final String NOT_RUN = "not run (opt-in engine)";

    private final String[] variables;

    OptInEngine(String... variables) {
        this.variables = variables;
    }

    /** The variables' values, or aborts the calling test naming the ones to set. */
    public String[] require() {
        return require(System.getenv());
    }

    String[] require(Map<String, String> env) {
        String[] values = new String[variables.length];
        for (int i = 0; i < variables.length; i++) {
            values[i] = env.get(variables[i]);
            if (values[i] == null || values[i].isBlank()) {
                Assumptions.abort(NOT_RUN + ": set " + String.join(" and ", variables) + " (docs/throughput.md)");
            }
        }
        return values;
    }
}
