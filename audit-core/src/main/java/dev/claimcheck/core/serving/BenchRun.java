package dev.claimcheck.core.serving;

import java.nio.file.Path;
import java.util.Map;

/**
 * A serving bench as asked on the command line: the load (the spec) and where and how to run it.
 *
 * @param baseUrl an OpenAI-compatible base URL, or {@code sim[:k=v,...]}
 * @param root the root to write to (null: target/sim-root for the simulator, else the working directory)
 * @param hardware {@code --hardware} as typed, or null
 * @param options every bench option as typed, recorded in run.json {@code suite.options}
 * @param apiKeyEnv the environment variable the API key was read from (recorded by name only)
 * @param fingerprint take the endpoint's fingerprint before the first point and after the last (docs/fingerprint.md);
 *                    false under {@code --no-fingerprint}
 */
public record BenchRun(String baseUrl, BenchSpec spec, Path root, String hardware, Map<String, String> options,
                       String apiKeyEnv, boolean fingerprint) {
    public BenchRun {
        options = Map.copyOf(options);
    }
}
