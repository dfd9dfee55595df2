package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.verify.Evidence;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.verify.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serving bench records what answered, as an audit does (docs/fingerprint.md): the endpoint's fingerprint before
 * the first point and after the last, so a provider that swaps the model while it is measured is caught by verify.
 */
class BenchFingerprintTest {
    static final String[] LOAD = {"--model", "m", "--concurrency", "2", "--input-tokens", "16", "--output-tokens", "4",
            "--requests", "12", "--warmup", "0"};

    @Test
    void aBenchRecordsTheFingerprintAtStartAndEndAndVerifyAcceptsAnUnchangedEndpoint(@TempDir Path root) throws IOException {
        Path run = bench(root, "--base-url", "sim");
        JsonNode fp = Json.mapper().readTree(run.resolve("run.json").toFile()).path("endpoint").path("fingerprint");
        assertThat(fp.path("start").isObject()).isTrue();
        assertThat(fp.path("end").isObject()).isTrue();
        assertThat(verify(run).failureIds()).doesNotContain("endpointChanged");
    }

    @Test
    void aTokenizerSwappedWhileTheBenchRunsIsAnEndpointChangedFinding(@TempDir Path root) throws IOException {
        // the start fingerprint is 14 requests, the points 12: the swap after 20 lands inside the measured load
        Path run = bench(root, "--base-url", "sim:swapAfter=20,swapTokenizer=cl100k_base");
        assertThat(verify(run).failureIds()).contains("endpointChanged");
    }

    @Test
    void noFingerprintLeavesItOutAndIsNotRecordedAsAnOption(@TempDir Path root) throws IOException {
        Path run = bench(root, "--base-url", "sim", "--no-fingerprint");
        JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
        assertThat(json.path("endpoint").has("fingerprint")).isFalse();
        assertThat(json.path("suite").path("options").has("--no-fingerprint")).isFalse();
    }

    private static dev.claimcheck.core.verify.RunReport verify(Path run) {
        return new Verifier(new Verifier.Options(null, true, false, Instant.now(), 1)).verifyRun(run);
    }

    private static Path bench(Path root, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] all = Stream.of(args, LOAD, new String[] {"--root", root.toString()}).flatMap(Stream::of).toArray(String[]::new);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), o, o),
                new PrintWriter(o, true), all);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return Evidence.onlyRun(root);
    }
}
