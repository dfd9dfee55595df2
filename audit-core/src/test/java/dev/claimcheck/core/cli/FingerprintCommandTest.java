package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fingerprint} run in-process as the script runs it, against simulators over loopback HTTP. */
class FingerprintCommandTest {
    record Result(int code, String out, String err) {
    }

    static Result fingerprint(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new FingerprintCommand(new PrintStream(out, true, StandardCharsets.UTF_8), Map.of()),
                new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void twoSimulatorsWithDifferentTemplatesAreToldApartAndHow() {
        Result r = fingerprint("--base-url", "sim", "--base-url", "sim:template=chatml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("A: sim", "B: sim:template=chatml", "B differs from A:",
                "  template: system prompt tokens 14 -> 18").doesNotContain("  tokenizer:");
        assertThat(r.out()).containsPattern("tokenizer +o200k_base +o200k_base");
    }

    @Test
    void aTokenizerOfAnotherFamilyIsNamed() {
        Result r = fingerprint("--base-url", "sim", "--base-url", "sim:tokenizer=cl100k_base");
        assertThat(r.out()).contains("  tokenizer: family o200k_base -> cl100k_base");
    }

    @Test
    void twoIdenticalEndpointsAgree() {
        Result r = fingerprint("--base-url", "sim:seed=4", "--base-url", "sim:seed=4");
        assertThat(r.out()).contains("B agrees with A on every probe");
    }

    @Test
    void oneEndpointPrintsItsFingerprintAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fp.json");
        Result r = fingerprint("--base-url", "sim:quantization=fp8", "--json", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("precision", "dtype=auto quantization=fp8", "probes failed         0 of 14")
                .doesNotContain("differs", "agrees");
        JsonNode json = Json.mapper().readTree(file.toFile());
        assertThat(json.size()).isEqualTo(1);
        assertThat(json.get(0).path("fingerprint").path("tokenizer").path("family").asText()).isEqualTo("o200k_base");
    }

    @Test
    void aRealUrlIsProbedThroughTheRealClientAndDryRunSendsNothing() {
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:tokenizer=cl100k_base", Lane.INSTANT, 0), new InMemoryOracle())) {
            Result dry = fingerprint("--base-url", sim.baseUrl(), "--model", "m", "--base-url", "sim", "--dry-run");
            assertThat(dry.code()).as(dry.err()).isZero();
            assertThat(dry.out()).contains("per endpoint    14 requests, at most 169 completion tokens",
                    "in all          28 requests, at most 338 completion tokens", "endpoint A      " + sim.baseUrl() + " (model m)");
            assertThat(sim.requestsServed()).isZero();

            Result r = fingerprint("--base-url", sim.baseUrl(), "--model", "m");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("tokenizer +cl100k_base");
            assertThat(sim.requestsServed()).isEqualTo(14);
        }
    }

    @Test
    void badUsageIsOneLineAndExitTwo() {
        Result noModel = fingerprint("--base-url", "http://127.0.0.1:9/v1");
        assertThat(noModel.code()).isEqualTo(2);
        assertThat(noModel.err()).contains("--model is required for a real endpoint (http://127.0.0.1:9/v1)");
        Result models = fingerprint("--base-url", "sim", "--base-url", "sim", "--base-url", "sim", "--model", "a", "--model", "b");
        assertThat(models.code()).isEqualTo(2);
        assertThat(models.err()).contains("--model is given 2 times for 3 --base-url");
        Result badSim = fingerprint("--base-url", "sim:template=jinja");
        assertThat(badSim.code()).isEqualTo(2);
        assertThat(badSim.err()).contains("unknown simulator template 'jinja'");
    }
}
