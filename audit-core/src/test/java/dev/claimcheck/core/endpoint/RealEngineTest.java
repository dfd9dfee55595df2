package dev.claimcheck.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.testing.OptInEngine;
import dev.claimcheck.core.verify.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit and the bench against a real engine (issue #23 part 3): llama.cpp's {@code llama-server} started here on
 * CPU with a tiny model, or any engine a user serves at {@code CLAIMCHECK_ENGINE_URL}. Not run unless the variables
 * name one ({@link OptInEngine}); what each check means is in docs/throughput.md "Against real engines".
 */
class RealEngineTest {
    /** A context small enough for a CPU: the audit's default max_tokens (16,384 instant) must be capped to it. */
    static final int CONTEXT = 4096;

    @Test
    void llamaServerOnCpuAnswersAnAuditAndABenchWithTheEngineIdentifiedAndMaxTokensCapped(@TempDir Path root)
            throws Exception {
        String[] v = OptInEngine.LLAMA_SERVER.require();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(v[0], "-m", v[1], "--host", "127.0.0.1", "--port", Integer.toString(port),
                "-c", Integer.toString(CONTEXT), "-np", "2", "--metrics")
                .redirectErrorStream(true).redirectOutput(root.resolve("llama-server.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(base + "/health", server, root.resolve("llama-server.log"));
            RunManifest m = auditAndBench(base + "/v1", firstModel(base + "/v1"), root);
            assertThat(m.endpoint().engine()).isEqualTo("llama.cpp");
            assertThat(m.request().servedContext()).as("read from /props").isEqualTo(CONTEXT);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theEngineAtClaimcheckEngineUrlAnswersAnAuditAndABench(@TempDir Path root) throws Exception {
        String url = OptInEngine.ENGINE_URL.require()[0];
        String model = System.getenv("CLAIMCHECK_ENGINE_MODEL");
        RunManifest m = auditAndBench(url, model == null || model.isBlank() ? firstModel(url) : model, root);
        assertThat(m.endpoint().engine()).as("identified from the server's own endpoints").isNotBlank();
    }

    /** A short arith audit and a two-point bench; both complete with every attempt recorded. */
    static RunManifest auditAndBench(String baseUrl, String model, Path root) throws IOException {
        AuditRunner.Result a = AuditRunner.audit("arith", "--problems", "4", "--base-url", baseUrl, "--model", model,
                "--concurrency", "2", "--root", root.resolve("audit").toString());
        assertThat(a.exitCode()).as(a.out() + a.err()).isZero();
        RunManifest m = a.manifest();
        assertThat(m.metrics().attempts()).isEqualTo(4);
        assertThat(m.endpoint().wireProfile()).as("the engine's wire profile, as the audit saw it").isNotNull();
        assertThat(m.endpoint().wireProfile().responses()).isPositive();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), o, o),
                new PrintWriter(o, true), "--base-url", baseUrl, "--model", model, "--concurrency", "1,2",
                "--input-tokens", "64", "--output-tokens", "8", "--requests", "6", "--warmup", "1", "--hardware", "1xCPU",
                "--root", root.resolve("bench").toString());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode run = Evidence.runJson(Evidence.onlyRun(root.resolve("bench")));
        assertThat(run.path("endpoint").path("wireProfile").path("responses").asInt()).as("the bench's wire profile").isPositive();
        JsonNode points = run.path("metrics").path("points");
        assertThat(points).hasSize(2);
        for (JsonNode p : points) {
            assertThat(p.path("errors").asInt()).as("no request lost on a real engine").isZero();
            assertThat(p.path("completed").asInt()).isEqualTo(p.path("requests").asInt());
            assertThat(p.path("cacheReplay").asBoolean()).as("salted prompts are not served from the cache").isFalse();
        }
        return m;
    }

    static String firstModel(String baseUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/models"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode data = Json.mapper().readTree(r.body()).path("data");
        assertThat(data.size()).as("GET /v1/models lists the served model: " + r.body()).isPositive();
        return data.get(0).path("id").asText();
    }

    /** llama-server answers /health with 503 while it loads the model and 200 once it serves. */
    static void awaitHealthy(String url, Process server, Path log) throws IOException, InterruptedException {
        HttpClient c = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("llama-server exited: " + List.of(Files.readString(log))).isTrue();
            try {
                if (c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("llama-server did not become healthy in 5 minutes: " + Files.readString(log));
    }
}
