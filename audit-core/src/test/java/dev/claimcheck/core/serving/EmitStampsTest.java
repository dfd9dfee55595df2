package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.endpoint.LoopbackEngine;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimHttp;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Receive lag against a simulator in its own process (docs/throughput.md "Calibration"): the bench asks a simulator on
 * this host for emit stamps and reads them, never asks an engine and ignores stamp-like comments from one, and refuses
 * the figure, saying why, for a simulator whose clock is not this host's. Structure and counts only, no timings.
 */
class EmitStampsTest {
    static final int REQUESTS = 6;
    static final int TOKENS = 4;
    static final String[] LOAD = {"--model", "m", "--concurrency", "2", "--input-tokens", "32", "--output-tokens", "" + TOKENS,
            "--requests", "" + REQUESTS, "--warmup", "0", "--hardware", "1xCPU", "--seed", "5", "--no-fingerprint"};

    /** The run.json and sample lines of one bench against {@code baseUrl}, and what it printed. */
    record Bench(JsonNode run, List<JsonNode> samples, String printed) {
    }

    static Bench bench(String baseUrl, Path root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = Stream.concat(Stream.of("--base-url", baseUrl, "--root", root.toString()), Stream.of(LOAD)).toArray(String[]::new);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), o, o), new PrintWriter(o, true), args);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        Path runJson;
        try (Stream<Path> s = Files.find(root, 8, (p, a) -> p.getFileName().toString().equals("run.json"))) {
            runJson = s.findFirst().orElseThrow();
        }
        List<JsonNode> samples = new ArrayList<>();
        try (Stream<Path> s = Files.find(runJson.getParent(), 2, (p, a) -> p.getFileName().toString().startsWith("samples"))) {
            for (Path f : s.toList()) {
                for (String line : Files.readAllLines(f)) {
                    samples.add(Json.mapper().readTree(line));
                }
            }
        }
        return new Bench(Json.mapper().readTree(runJson.toFile()), samples, printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sim:ttftMs=1,tpotMs=1", "sim:ttftMs=0,tpotMs=0"})
    void aSimulatorOnThisHostStampsEveryTokenEventAndTheBenchReportsReceiveLagFromThem(String spec, @TempDir Path root)
            throws Exception {
        // addressed by its URL, as sim@. is: to the bench it is a simulator in another process
        try (Simulator sim = Simulator.start(SimOptions.parse(spec, Lane.INSTANT, 0), new InMemoryOracle())) {
            Bench b = bench(sim.baseUrl(), root);
            assertThat(b.run().path("harness").path("client").path("receiveLag").asText())
                    .startsWith("simulator in its own process on this host: emit stamps in its stream");
            assertThat(b.samples()).hasSize(REQUESTS).allSatisfy(s -> {
                assertThat(s.path("error").isMissingNode() || s.path("error").isNull()).as(s.toString()).isTrue();
                assertThat(s.path("load").path("simulatedTokens").asInt()).isEqualTo(TOKENS);
                assertThat(s.path("load").path("receiveLagsUs")).hasSize(TOKENS);
            });
            JsonNode c = b.run().path("metrics").path("calibration");
            assertThat(c.path("requests").asInt()).isEqualTo(REQUESTS);
            assertThat(c.path("events").asInt()).isEqualTo(REQUESTS * TOKENS);
            assertThat(c.path("tokenMismatches").asInt()).isZero();
            assertThat(c.has("receiveLagMsP99")).isTrue();
            assertThat(c.path("simulatorTtft")).hasSize(1);
            assertThat(b.printed()).contains("calibration: receive lag p50");
        }
    }

    /** An engine whose stream carries comments that look like the simulator's stamps; it records each request's headers. */
    static final class StampingEngine extends LoopbackEngine {
        final List<Map<String, String>> chatHeaders = new CopyOnWriteArrayList<>();
        private final String version;
        private final String clock;

        StampingEngine(String version, String clock) throws IOException {
            this.version = version;
            this.clock = clock;
        }

        @Override
        protected Reply answer(SimHttp.Request r, int chat) {
            if (chat >= 0) {
                chatHeaders.add(r.headers());
                List<String> events = new ArrayList<>();
                for (String e : contentStream(32, TOKENS)) {
                    events.add(e + "\n\n" + Simulator.EMIT_COMMENT + "1"); // a stamp-like comment before each next event
                }
                return Reply.sse(events);
            }
            if (r.path().equals("/version") && version != null) {
                return Reply.json(200, version);
            }
            if (r.path().equals(Simulator.CLOCK_PATH) && clock != null) {
                return Reply.json(200, clock);
            }
            return Reply.json(404, "{\"error\":{\"message\":\"no route\"}}");
        }
    }

    @Test
    void anEngineIsNeverAskedForStampsAndStampLikeCommentsInItsStreamAreIgnored(@TempDir Path root) throws Exception {
        try (StampingEngine engine = new StampingEngine(null, null)) {
            Bench b = bench(engine.baseUrl(), root);
            assertThat(engine.chatHeaders).hasSize(REQUESTS).allSatisfy(h -> assertThat(h).doesNotContainKey(Simulator.EMIT_STAMPS_HEADER));
            assertThat(b.run().path("harness").path("client").has("receiveLag")).isFalse();
            assertThat(b.samples()).hasSize(REQUESTS).allSatisfy(s -> {
                assertThat(s.path("load").path("countedTokens").asInt()).isEqualTo(TOKENS);
                assertThat(s.path("load").has("receiveLagsUs")).isFalse();
                assertThat(s.path("load").has("simulatedTokens")).isFalse();
            });
            assertThat(b.run().path("metrics").path("calibration").has("receiveLagMsP99")).isFalse();
        }
    }

    @Test
    void aSimulatorWhoseMonotonicClockIsNotThisHostsIsRefusedForReceiveLagAndTheRunSaysWhy(@TempDir Path root) throws Exception {
        String version = "{\"version\":\"1\",\"engine\":\"" + Simulator.ENGINE + "\",\"pacing\":{\"ttftMs\":0,\"tpotMs\":0}}";
        try (StampingEngine other = new StampingEngine(version, "{\"monotonicNs\":1}")) {
            Bench b = bench(other.baseUrl(), root);
            assertThat(b.run().path("harness").path("client").path("receiveLag").asText())
                    .startsWith("not measured: the simulator's monotonic clock is not this process's");
            assertThat(other.chatHeaders).hasSize(REQUESTS).allSatisfy(h -> assertThat(h).doesNotContainKey(Simulator.EMIT_STAMPS_HEADER));
            assertThat(b.samples()).allSatisfy(s -> assertThat(s.path("load").has("receiveLagsUs")).isFalse());
            assertThat(b.printed()).contains("calibration: receive lag not measured: the simulator's monotonic clock");
            assertThat(b.run().path("metrics").path("calibration").path("simulatorTtft")).as("its TTFT truth still counts").hasSize(1);
        }
    }

    @Test
    void aSimulatorOnAnotherHostIsRefusedBeforeAnyProbe() throws Exception {
        assertThat(EmitStamps.onThisHost(InetAddress.getLoopbackAddress())).isTrue();
        assertThat(EmitStamps.onThisHost(InetAddress.getByName("192.0.2.1"))).as("TEST-NET-1, never a local address").isFalse();
        EmitStamps far = EmitStamps.probe(URI.create("http://192.0.2.1:8000/v1"));
        assertThat(far.trusted()).isFalse();
        assertThat(far.note()).isEqualTo("not measured: the simulator at 192.0.2.1 is not on this host, and its stamps are on "
                + "its host's clock");
    }
}
