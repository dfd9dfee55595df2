package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.endpoint.KeepAliveExpiringServer;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench against a loopback server shaped like vLLM (version, models, Prometheus metrics, SSE with usage on every
 * chunk and two-token chunks), which also misbehaves on purpose: 429s, a stream without usage, a stream cut before
 * [DONE]. Everything is counted and recorded; nothing is lost.
 */
class ServingBenchTest {
    static final String KEY = "sk-test-9f8e7d6c5b4a";
    HttpServer server;
    final AtomicInteger chats = new AtomicInteger();
    final AtomicInteger metricsCalls = new AtomicInteger();
    volatile String authorization;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/version", x -> json(x, 200, "{\"version\":\"0.11.0\"}"));
        server.createContext("/v1/models", x -> json(x, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"org/m-1\",\"max_model_len\":32768}]}"));
        server.createContext("/metrics", x -> {
            int n = metricsCalls.getAndIncrement();
            text(x, "# HELP vllm:num_requests_running Running.\n# TYPE vllm:num_requests_running gauge\n"
                    + "vllm:num_requests_running{model_name=\"org/m-1\"} 0.0\n"
                    + "vllm:prefix_cache_hits_total{model_name=\"org/m-1\"} 0.0\n"
                    + "vllm:prefix_cache_queries_total{model_name=\"org/m-1\"} " + (n == 0 ? "0.0" : "1234.0") + "\n");
        });
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Request i: every 5th gets a 429, the 7th has no usage, the 9th is cut before [DONE]; others stream 5 tokens as 1+2+2. */
    void chat(HttpExchange x) throws IOException {
        authorization = x.getRequestHeaders().getFirst("Authorization");
        x.getRequestBody().readAllBytes();
        int i = chats.getAndIncrement();
        if (i % 5 == 4) {
            json(x, 429, "{\"error\":{\"message\":\"too many requests\"}}");
            return;
        }
        boolean usage = i != 7;
        boolean cut = i == 8;
        x.getResponseHeaders().set("Content-Type", "text/event-stream");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            String[] pieces = {"Hello", " there,", " friend!"};
            int[] total = {1, 3, 5};
            send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]"
                    + (usage ? ",\"usage\":{\"prompt_tokens\":64,\"completion_tokens\":0}" : "") + "}");
            for (int k = 0; k < pieces.length; k++) {
                send(out, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + pieces[k] + "\"},\"finish_reason\":null}]"
                        + (usage ? ",\"usage\":{\"prompt_tokens\":64,\"completion_tokens\":" + total[k] + "}" : "") + "}");
                if (cut && k == 1) {
                    return;
                }
            }
            send(out, "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]"
                    + (usage ? ",\"usage\":{\"prompt_tokens\":64,\"completion_tokens\":5}" : "") + "}");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    static void send(OutputStream out, String json) throws IOException {
        out.write(("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    static void text(HttpExchange x, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
        x.sendResponseHeaders(200, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    static Path fakeNvidiaSmi(Path dir) throws IOException {
        Path script = dir.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\necho 'NVIDIA H200, 143771 MiB, 570.86.15'\necho 'NVIDIA H200, 143771 MiB, 570.86.15'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    int bench(Path nvidiaSmi, ByteArrayOutputStream out, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        // These servers count every request they see: the fingerprint's probes (BenchFingerprintTest) are left out.
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--no-fingerprint";
        return Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), nvidiaSmi), Map.of("BENCH_KEY", KEY), o, o),
                new PrintWriter(o, true), all);
    }

    @Test
    void aRealServerRunRecordsEveryRequestCountsEachFaultAndCapturesServerAndHardware(@TempDir Path root, @TempDir Path bin)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = bench(fakeNvidiaSmi(bin), out, "--base-url", baseUrl(), "--model", "org/m-1", "--concurrency", "3",
                "--input-tokens", "64", "--output-tokens", "5", "--requests", "20", "--warmup", "0",
                "--hardware", "8xH200,tp=8,dtype=fp8", "--api-key-env", "BENCH_KEY", "--root", root.toString());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path run;
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4, (p, a) -> p.getFileName().toString().matches("\\d{8}T.*"))) {
            run = s.findFirst().orElseThrow();
        }
        assertThat(root.relativize(run).toString()).startsWith("results/runs/org--m-1/throughput/serving/");
        JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
        assertThat(json.path("simulated").asBoolean()).isFalse();
        assertThat(json.path("endpoint").path("engine").asText()).isEqualTo("vllm");
        assertThat(json.path("endpoint").path("serverInfo").path("prometheus").path("after")
                .path("vllm:prefix_cache_queries_total").asDouble()).isEqualTo(1234.0);
        assertThat(json.path("endpoint").path("serverInfo").path("prometheus").path("before")
                .path("vllm:prefix_cache_hits_total").asDouble()).isEqualTo(0.0);
        JsonNode hw = json.path("hardware");
        assertThat(hw.path("source").asText()).isEqualTo("probed");
        assertThat(hw.path("gpu").asText()).isEqualTo("NVIDIA H200");
        assertThat(hw.path("gpuCount").asInt()).isEqualTo(2);
        assertThat(hw.path("driver").asText()).isEqualTo("570.86.15");
        assertThat(hw.path("settings").path("tp").asText()).isEqualTo("8");
        assertThat(hw.path("settings").path("dtype").asText()).isEqualTo("fp8");
        JsonNode client = json.path("harness").path("client");
        assertThat(client.path("java").asText()).as("the JVM the bench measured from").isEqualTo(System.getProperty("java.version"));
        assertThat(client.path("warmup").asText()).startsWith("no warm-up requests; connections opened before each window");
        assertThat(client.has("receiveLag")).as("a vLLM is never asked for emit stamps").isFalse();
        assertThat(run.resolve(ServingBench.PROMETHEUS_BEFORE)).exists();
        JsonNode engine = Json.mapper().readTree(run.resolve(ServingBench.ENGINE_INFO).toFile());
        assertThat(engine.path("engine").asText()).isEqualTo("vllm");
        assertThat(engine.path("engineVersion").asText()).isEqualTo("0.11.0");
        assertThat(engine.path("models").get(0).path("max_model_len").asInt()).isEqualTo(32768);
        assertThat(Files.readString(run.resolve(ServingBench.PROMETHEUS_AFTER))).contains("1234.0");
        assertThat(json.path("metrics").has("calibration")).isFalse();

        List<Sample> samples = Journal.readAll(new RunFolder(run));
        assertThat(samples).as("one record per request sent, faulted ones included").hasSize(20);
        JsonNode p = json.path("metrics").path("points").get(0);
        assertThat(p.path("requests").asInt()).isEqualTo(20);
        assertThat(p.path("errors").asInt()).isEqualTo(5);          // 4 × 429 + the cut stream
        assertThat(p.path("completed").asInt()).isEqualTo(15);
        assertThat(p.path("missingUsage").asInt()).isEqualTo(1);
        assertThat(json.path("metrics").path("errors").path("rateLimited").asInt()).isEqualTo(4);
        assertThat(json.path("metrics").path("errors").path("truncatedStream").asInt()).isEqualTo(1);
        Sample normal = samples.stream().filter(s -> s.graded() && s.verdict().correct()).findFirst().orElseThrow();
        assertThat(normal.load().eventTokens()).containsExactly(1, 2, 2);
        assertThat(normal.load().countedTokens()).isEqualTo(5);
        assertThat(normal.usage().completionTokens()).isEqualTo(5);
        assertThat(normal.verdict().correct()).isTrue();
        Sample noUsage = samples.stream().filter(s -> s.graded() && !s.verdict().correct()).findFirst().orElseThrow();
        assertThat(noUsage.verdict().detail()).startsWith("no usage reported");
        assertThat(noUsage.load().countedTokens()).isEqualTo(3); // three text events, one token each as far as we know

        assertThat(authorization).isEqualTo("Bearer " + KEY);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as("secrets never on disk: " + f).doesNotContain(KEY);
            }
        }
        assertThat(json.path("endpoint").path("apiKeyEnv").asText()).isEqualTo("BENCH_KEY");
    }

    @Test
    void requestsOnKeptAliveConnectionsTheServerClosedAreResentAndRecordedAsRetriesNotErrors(@TempDir Path root)
            throws Exception {
        try (KeepAliveExpiringServer engine = new KeepAliveExpiringServer()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = bench(null, out, "--base-url", engine.baseUrl(), "--model", "m", "--concurrency", "2",
                    "--input-tokens", "8", "--output-tokens", "4", "--requests", "12", "--warmup", "0",
                    "--hardware", "1xCPU", "--root", root.toString());
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
            Path run;
            try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4, (p, a) -> p.getFileName().toString().matches("\\d{8}T.*"))) {
                run = s.findFirst().orElseThrow();
            }
            JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
            JsonNode p = json.path("metrics").path("points").get(0);
            assertThat(p.path("errors").asInt()).isZero();
            assertThat(p.path("completed").asInt()).isEqualTo(12);
            List<Sample> samples = Journal.readAll(new RunFolder(run));
            List<Sample> resent = samples.stream().filter(s -> !s.retries().isEmpty()).toList();
            assertThat(resent).as("each dropped request is one recorded retry").hasSize(engine.dropped.get()).isNotEmpty();
            assertThat(resent.get(0).retries().get(0).message()).contains("resent on a new connection");
        }
    }

    @Test
    void withoutNvidiaSmiTheDeclaredHardwareIsRecordedAndShortResponsesCountAsEndedEarly(@TempDir Path root) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = bench(null, out, "--base-url", baseUrl(), "--model", "m", "--concurrency", "1", "--input-tokens", "8",
                "--output-tokens", "8", "--requests", "2", "--warmup", "0", "--hardware", "4xMI300X,tp=4,nodes=1",
                "--root", root.toString());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("hardware declared");
        Path run;
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4, (p, a) -> p.getFileName().toString().matches("\\d{8}T.*"))) {
            run = s.findFirst().orElseThrow();
        }
        JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
        assertThat(json.path("hardware").path("gpu").asText()).isEqualTo("MI300X");
        assertThat(json.path("hardware").path("gpuCount").asInt()).isEqualTo(4);
        assertThat(json.path("hardware").path("nodes").asInt()).isEqualTo(1);
        // the server stops at 5 tokens although 8 were pinned: completed, but ended early
        assertThat(json.path("metrics").path("points").get(0).path("earlyEnded").asInt()).isEqualTo(2);
        assertThat(json.path("metrics").path("points").get(0).path("completed").asInt()).isEqualTo(2);
    }
}
