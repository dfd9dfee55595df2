package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.endpoint.LlamaCppToolStreamServer;
import dev.claimcheck.core.endpoint.LoopbackEngine;
import dev.claimcheck.core.endpoint.SglangToolStreamServer;
import dev.claimcheck.core.endpoint.VllmMetricsServer;
import dev.claimcheck.core.endpoint.VllmToolStreamServer;
import dev.claimcheck.core.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine fixtures of the wire-profile tests replayed through the bench's own client (docs/throughput.md "Engine wire
 * profiles", "Calibration"): every answer counted token for token against the engine's usage, wherever the engine put
 * it, the profile recorded in run.json, and llama.cpp's timings compared with the client's clock.
 */
class EngineWireBenchTest {
    static final String[] LOAD = {"--model", "m", "--concurrency", "2", "--input-tokens", "64", "--output-tokens", "4",
            "--requests", "6", "--warmup", "0", "--hardware", "1xCPU", "--seed", "3",
            "--no-fingerprint"}; // the fingerprint's probes would only add answers outside the points
    /** Reasoning pieces and tool-call deltas of the fixtures' answer, each one token. */
    static final int TOKENS = 12;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "vllm, -, reasoning, every-chunk, pieces",
        "sglang, -, reasoning_content, final, pieces-id-repeated",
        "sglang, native, reasoning_content, meta_info, pieces-id-repeated",
        "llama.cpp, CURRENT, reasoning_content, final+timings, pieces",
        "llama.cpp, IN_FINISH_CHUNK, reasoning_content, final+timings, pieces",
        "llama.cpp, TIMINGS_ONLY, reasoning_content, timings, pieces"})
    void everyEnginesAnswerIsCountedAgainstItsOwnUsageAndItsProfileRecorded(String engine, String variant, String reasoning,
            String usage, String toolCalls, @TempDir Path root) throws IOException {
        try (LoopbackEngine server = switch (engine) {
            case "vllm" -> new VllmToolStreamServer();
            case "sglang" -> new SglangToolStreamServer(variant.equals("native"));
            default -> new LlamaCppToolStreamServer(LlamaCppToolStreamServer.Layout.valueOf(variant));
        }) {
            JsonNode run = bench(server, root);
            JsonNode point = run.path("metrics").path("points").get(0);
            assertThat(point.path("completed").asInt()).as(point.toString()).isEqualTo(6);
            assertThat(point.path("tokenMismatches").asInt()).isZero();
            assertThat(point.path("missingUsage").asInt()).isZero();
            JsonNode wire = run.path("endpoint").path("wireProfile");
            assertThat(wire.path("reasoning").asText()).isEqualTo(reasoning);
            assertThat(wire.path("usage").asText()).isEqualTo(usage);
            assertThat(wire.path("toolCalls").asText()).isEqualTo(toolCalls);
            assertThat(wire.path("responses").asInt()).isEqualTo(6);
            JsonNode clock = run.path("metrics").path("calibration").path("engineClock");
            assertThat(clock.isArray()).as("only llama.cpp reports its own timings").isEqualTo(engine.equals("llama.cpp"));
        }
    }

    @Test
    void theClientsTtftAndTpotAreComparedWithTheEnginesOwnPerPoint(@TempDir Path root) throws IOException {
        // The engine says 20 ms for the prompt and 2 ms a token, but sends the first token after 150 ms and the others
        // 10 ms apart: the client's TTFT is at least 130 ms above the engine's, its TPOT at least 5 times the engine's.
        try (LlamaCppToolStreamServer llama = new LlamaCppToolStreamServer(LlamaCppToolStreamServer.Layout.CURRENT,
                150, 10, 20.0, 2.0)) {
            JsonNode run = bench(llama, root);
            JsonNode clock = run.path("metrics").path("calibration").path("engineClock").get(0);
            assertThat(clock.path("index").asInt()).isZero();
            assertThat(clock.path("matched").asInt()).isEqualTo(6);
            // percentiles to 3 significant digits, as every figure of the bench
            assertThat(clock.path("serverTtftMsP50").asDouble()).isCloseTo(20.0, within(0.05));
            assertThat(clock.path("serverTpotMsP50").asDouble()).isCloseTo(2.0, within(0.005));
            assertThat(clock.path("ttftDiffMsP50").asDouble()).isGreaterThanOrEqualTo(130.0)
                    .isCloseTo(clock.path("clientTtftMsP50").asDouble() - clock.path("serverTtftMsP50").asDouble(), within(1e-9));
            assertThat(clock.path("tpotRatio").asDouble()).isGreaterThanOrEqualTo(4.98);
            JsonNode sample = firstSample(root);
            assertThat(sample.path("load").path("serverTiming").path("promptMs").asDouble()).isEqualTo(20.0);
            assertThat(sample.path("load").path("serverTiming").path("predictedTokens").asInt()).isEqualTo(TOKENS);
        }
    }

    @Test
    void vllmsPrometheusHistogramsAcrossAPointGiveTheEnginesMeansToCompareWith(@TempDir Path root) throws IOException {
        // The histograms say 20 ms to the first token and 2 ms a token; the answers come after 150 ms, 10 ms apart.
        try (VllmMetricsServer vllm = new VllmMetricsServer(5, 150, 10, 20.0, 2.0)) {
            JsonNode run = bench(vllm, root);
            JsonNode means = run.path("metrics").path("calibration").path("engineMeans").get(0);
            assertThat(means.path("index").asInt()).isZero();
            assertThat(means.path("requests").asInt()).isEqualTo(6);
            assertThat(means.path("serverRequests").asLong()).as("the engine counted the point's requests only").isEqualTo(6);
            assertThat(means.path("serverTtftMsMean").asDouble()).isCloseTo(20.0, within(1e-6));
            assertThat(means.path("serverTpotMsMean").asDouble()).isCloseTo(2.0, within(1e-6));
            assertThat(means.path("ttftDiffMsMean").asDouble()).isGreaterThanOrEqualTo(130.0);
            assertThat(means.path("tpotRatio").asDouble()).isGreaterThanOrEqualTo(5.0);
            assertThat(run.path("metrics").path("calibration").has("engineClock")).as("no per-request timings").isFalse();
        }
    }

    private static JsonNode firstSample(Path root) throws IOException {
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 6, (p, a) -> p.getFileName().toString().startsWith("samples"))) {
            Path file = s.findFirst().orElseThrow();
            String line = Files.readAllLines(file).get(0);
            return Json.mapper().readTree(line);
        }
    }

    static JsonNode bench(LoopbackEngine engine, Path root, String... extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = Stream.of(new String[] {"--base-url", engine.baseUrl(), "--root", root.toString()}, LOAD, extra)
                .flatMap(Stream::of).toArray(String[]::new);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), o, o),
                new PrintWriter(o, true), args);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 5, (p, a) -> p.getFileName().toString().equals("run.json"))) {
            return Json.mapper().readTree(s.findFirst().orElseThrow().toFile());
        }
    }
}
