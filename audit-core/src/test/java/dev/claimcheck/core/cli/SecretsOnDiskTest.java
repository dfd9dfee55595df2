package dev.claimcheck.core.cli;

import static dev.claimcheck.core.cli.AuditRunner.audit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.endpoint.InMemoryOracle;
import dev.claimcheck.core.endpoint.SimOptions;
import dev.claimcheck.core.endpoint.Simulator;
import dev.claimcheck.core.model.Lane;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys come from the environment and never reach a file the run writes. */
class SecretsOnDiskTest {
    @TempDir
    Path root;

    @Test
    void theApiKeyAndSecretHeadersAreNeverWritten() throws Exception {
        // The simulator stands in for a real server here: the harness treats its URL like any other.
        try (Simulator server = Simulator.start(SimOptions.defaults(Lane.INSTANT, 0), new InMemoryOracle())) {
            var r = audit(Map.of("MY_KEY", "sk-live-TOPSECRET-42"), "arith", "--base-url", server.baseUrl(),
                    "--model", "vendor/model", "--api-key-env", "MY_KEY", "--limit", "3",
                    "--header", "X-Api-Key: hdr-TOPSECRET-43", "--header", "X-Trace: visible", "--root", root.toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.manifest().simulated()).as("a simulator reached by URL is still labelled").isTrue();
            assertThat(r.manifest().endpoint().apiKeyEnv()).isEqualTo("MY_KEY");
            assertThat(r.manifest().endpoint().headers()).containsEntry("X-Api-Key", "<redacted>")
                    .containsEntry("X-Trace", "visible");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).as(f.toString()).doesNotContain("TOPSECRET");
                }
            }
            assertThat(r.out() + r.err()).doesNotContain("TOPSECRET");
        }
    }
}
