package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.verify.Evidence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench} against the simulator over real loopback HTTP: the run folder, its metrics, sign and verify. */
class BenchCommandTest {
    record Result(int exitCode, String out, String err) {
    }

    static Result bench(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), o, e),
                new PrintWriter(e, true), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path onlyRun(Path root) throws IOException {
        return Evidence.onlyRun(root);
    }

    @Test
    void aClosedLoopSweepAgainstTheSimulatorWritesAThroughputRunWithExactTokenCounts(@TempDir Path root) throws Exception {
        Result r = bench("--base-url", "sim:tpotMs=1", "--concurrency", "2,4", "--input-tokens", "64,1k", "--output-tokens", "12",
                "--requests", "20", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("[SIMULATED] serving · throughput").contains("calibration: receive lag");
        Path run = onlyRun(root);
        assertThat(root.relativize(run).toString()).startsWith("results/runs/sim/throughput/serving/");
        JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
        assertThat(json.path("status").asText()).isEqualTo("complete");
        assertThat(json.path("workload").asText()).isEqualTo("throughput");
        assertThat(json.path("simulated").asBoolean()).isTrue();
        JsonNode metrics = json.path("metrics");
        assertThat(metrics.has("score")).isTrue();
        assertThat(metrics.get("score").isNull()).isTrue();
        assertThat(metrics.path("points")).hasSize(4);
        for (JsonNode p : metrics.path("points")) {
            for (String field : List.of("concurrency", "inputTokens", "ttftMsP50", "ttftMsP99", "tpotMsP50", "tpotMsP99",
                    "itlMsP99", "e2eMsP50", "requestsPerSecond", "outputTokensPerSecond")) {
                assertThat(p.has(field)).as(field).isTrue();
            }
            // the default warm-up: 10% of the 20 requests, but at least the first wave of `concurrency` requests
            int warmup = Math.max(2, p.path("concurrency").asInt());
            assertThat(p.path("requests").asInt()).isEqualTo(20 - warmup);
            assertThat(p.path("warmup").asInt()).isEqualTo(warmup);
            assertThat(p.path("completed").asInt()).isEqualTo(20 - warmup);
            assertThat(p.path("tokenMismatches").asInt()).isZero();
            assertThat(p.path("earlyEnded").asInt()).isZero();
            assertThat(p.path("outputTokensPerSecond").asDouble()).isPositive();
        }
        assertThat(metrics.path("points").get(2).path("inputTokens").asInt()).isEqualTo(1024);
        JsonNode calibration = metrics.path("calibration");
        assertThat(calibration.path("tokenMismatches").asInt()).isZero();
        assertThat(calibration.path("requests").asInt()).isEqualTo(2 * (18 + 16)); // measured requests of the four points
        assertThat(calibration.path("events").asLong()).isEqualTo(2 * (18 + 16) * 12);
        assertThat(calibration.path("receiveLagMsP50").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(calibration.path("receiveLagMsP999").asDouble()).isGreaterThanOrEqualTo(calibration.path("receiveLagMsP50").asDouble());

        List<Sample> samples = Journal.readAll(new RunFolder(run));
        assertThat(samples).hasSize(80);
        for (Sample s : samples) {
            // exact prompts: the simulator counts o200k_base tokens over the message and reports them
            assertThat(s.usage().promptTokens()).isEqualTo(s.targetTokens());
            assertThat(s.usage().completionTokens()).isEqualTo(12);
            assertThat(s.load().countedTokens()).isEqualTo(12);
            assertThat(s.load().simulatedTokens()).isEqualTo(12);
            assertThat(s.load().gapsUs()).hasSize(11);
            assertThat(s.load().receiveLagsUs()).hasSize(12);
            assertThat(s.verdict().correct()).isTrue();
            assertThat(s.messages()).isNull();
        }
        assertThat(samples.stream().map(Sample::promptSha256).distinct().count()).as("every prompt unique").isEqualTo(80);
        assertThat(Files.readString(run.resolve("summary.csv"))).contains("\nsimulated,true")
                .contains("throughput.p0.ttftMsP50").contains("calibration.receiveLagMsP99");
    }

    @Test
    void requestsOverTheSimulatorsContextAreCountedAsContextLengthAndThePointIsKept(@TempDir Path root) throws Exception {
        Result r = bench("--base-url", "sim:maxModelLen=100", "--concurrency", "2", "--input-tokens", "64,128",
                "--output-tokens", "8", "--requests", "10", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        var m = dev.claimcheck.core.store.RunManifestStore.read(new RunFolder(onlyRun(root)));
        assertThat(m.metrics().errors()).containsExactly(Map.entry("contextLength", 10));
        assertThat(m.metrics().get(ThroughputFigures.POINTS)).extracting(p -> p.inputTokens() + ":" + p.completed() + "/" + p.errors())
                .containsExactly("64:8/0", "128:0/8"); // the first wave of 2 is warm-up
        List<Sample> samples = Journal.readAll(new RunFolder(onlyRun(root)));
        assertThat(samples).hasSize(20);
        assertThat(samples.stream().filter(s -> s.error() != null))
                .hasSize(10).allSatisfy(s -> assertThat(s.error().message()).contains("400", "maximum context length is 100 tokens"));
        var report = new dev.claimcheck.core.verify.Verifier(dev.claimcheck.core.verify.Verifier.Options.defaults()).verifyRun(onlyRun(root));
        assertThat(report.findings()).extracting(dev.claimcheck.core.verify.Finding::id).as(report.findings().toString())
                .doesNotContain("metricsMismatch", "regradeMismatch", "promptMismatch", "schema", "notRegraded");
    }

    @Test
    void aSignedBenchRunVerifiesAndATamperedPointFailsTheMetricsCheck(@TempDir Path root, @TempDir Path keys) throws Exception {
        Evidence.requireSshKeygen();
        Path key = Evidence.keygen(keys, "bench", "bench@example.org");
        Result r = bench("--base-url", "sim", "--rate", "200", "--arrival", "poisson", "--input-tokens", "32",
                "--output-tokens", "4", "--requests", "30", "--slo", "ttft=2000ms,tpot=80ms", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path run = onlyRun(root);
        JsonNode point = Json.mapper().readTree(run.resolve("run.json").toFile()).path("metrics").path("points").get(0);
        assertThat(point.path("rate").asDouble()).isEqualTo(200.0);
        assertThat(point.path("arrival").asText()).isEqualTo("poisson");
        assertThat(point.has("sendLagMsP99")).isTrue();
        assertThat(point.has("goodputRequestsPerSecond")).isTrue();

        Files.writeString(root.resolve("results/allowed_signers"), Evidence.signerLine("bench@example.org", "", key));
        assertThat(SignVerifyCommandTest.sign(run.toString(), "--key", key.toString()).exitCode()).isZero();
        SignVerifyCommandTest.Result ok = SignVerifyCommandTest.verify(run.toString());
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).contains("TRUSTED").contains("PASS regrade").doesNotContain("notRegraded");

        var json = Evidence.runJson(run);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.path("metrics").path("points").get(0)).put("requestsPerSecond", 1e6);
        Evidence.writeRunJson(run, json);
        Evidence.resign(run, key);
        SignVerifyCommandTest.Result bad = SignVerifyCommandTest.verify(run.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.out()).contains("metrics.points[0].requestsPerSecond").doesNotContain("TRUSTED " + run);
    }

    @Test
    void simulatorFaultsAreCountedByCauseTheRunCompletesAndEveryRequestIsRecorded(@TempDir Path root) throws Exception {
        Result r = bench("--base-url", "sim:faults=0.5,faultKinds=429+500+reset+truncated+stall,stallMs=200",
                "--concurrency", "4", "--input-tokens", "16", "--output-tokens", "8", "--requests", "60", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path run = onlyRun(root);
        List<Sample> samples = Journal.readAll(new RunFolder(run));
        assertThat(samples).hasSize(60);
        JsonNode metrics = Json.mapper().readTree(run.resolve("run.json").toFile()).path("metrics");
        int errors = 0;
        for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) metrics.path("errors")::fields) {
            errors += e.getValue().asInt();
        }
        assertThat(errors).isBetween(15, 45);
        assertThat(metrics.path("errors").fieldNames()).toIterable().contains("rateLimited", "serverError", "truncatedStream");
        assertThat(metrics.path("attempts").asInt()).isEqualTo(60);
        assertThat(metrics.path("graded").asInt()).isEqualTo(60 - errors);
        // a stream cut by the simulator is an error, never a short success: all graded requests are whole
        assertThat(samples.stream().filter(Sample::graded).allMatch(s -> s.verdict().correct())).isTrue();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            https is refused            | --base-url=https://example.org/v1 | --model=m
            both loops                  | --concurrency=1 | --rate=2
            bad token count             | --input-tokens=1x | --concurrency=1
            bad duration                | --duration=soon | --concurrency=1
            unknown tokenizer           | --tokenizer=gpt2 | --concurrency=1
            bad slo                     | --slo=latency=3ms | --concurrency=1
            prefix share out of range   | --prefix-share=1.5 | --concurrency=1
            hardware without gpus       | --hardware=tp=8 | --concurrency=1
            burstiness without gamma    | --burstiness=0.5 | --rate=1
            unknown sim key             | --base-url=sim:speed=9 | --concurrency=1
            """)
    void badOptionsExitTwoWithOneLine(String name, String a, String b, @TempDir Path root) {
        List<String> args = new java.util.ArrayList<>(List.of(a, b, "--root", root.toString(), "--requests", "2"));
        if (!a.startsWith("--base-url") && !b.startsWith("--base-url")) {
            args.add("--base-url=sim");
        }
        Result r = bench(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).as(r.err()).isLessThanOrEqualTo(2);
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            --concurrency=1,0      | bench: --concurrency: '0' is not a whole number >= 1
            --concurrency=, ,      | bench: --concurrency needs at least one value
            --rate=2,fast          | bench: --rate: 'fast' is not a positive number
            --input-tokens=1k,1x   | bench: --input-tokens: '1x' is not a token count like 512, 8k or 1m
            --output-tokens=0      | bench: --output-tokens: '0' is not a token count like 512, 8k or 1m
            --duration=soon        | bench: --duration: 'soon' is not a duration like 300s, 5m or 500ms
            --request-timeout=-1s  | bench: --request-timeout: '-1s' is not a duration like 300s, 5m or 500ms
            --slo=ttft=x           | bench: --slo ttft: 'x' is not a duration like 300s, 5m or 500ms
            """)
    void aBadListOrValueIsOneLineNamingTheOption(String option, String line, @TempDir Path root) {
        Result r = bench("--base-url=sim", option, "--root", root.toString(), "--requests", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo(line);
    }

    @Test
    void blankListItemsAreDroppedAsBefore(@TempDir Path root) throws Exception {
        Result r = bench("--base-url=sim", "--concurrency", "1,,2", "--input-tokens", " 64 ,", "--output-tokens", "8", "--requests", "2",
                "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode run = Json.mapper().readTree(onlyRun(root).resolve("run.json").toFile());
        assertThat(run.path("metrics").path("points")).hasSize(2);
        assertThat(run.path("suite").path("options").path("--concurrency").asText()).isEqualTo("1,,2");
    }

    @Test
    void helpListsEveryOptionWithoutFormattingWarnings() {
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        String usage;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            usage = new picocli.CommandLine(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), System.out,
                    System.err)).getUsageMessage();
        } finally {
            System.setErr(stderr);
        }
        assertThat(usage).contains("--concurrency=LIST", "--rate=LIST", "--shard=i/n", "--merge=RUN_DIR", "--model-b=ID",
                "default 10% of the point");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void aRealEndpointNeedsAModel(@TempDir Path root) {
        Result r = bench("--base-url", "http://127.0.0.1:9/v1", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--model is required");
    }

    @Test
    void durationModeSendsForTheGivenTimeInClosedAndOpenLoop(@TempDir Path root) throws Exception {
        Result r = bench("--base-url", "sim:tpotMs=5", "--concurrency", "2", "--rate", "40", "--input-tokens", "16",
                "--output-tokens", "4", "--duration", "1s", "--root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2); // one loop kind at a time
        r = bench("--base-url", "sim:tpotMs=5", "--concurrency", "2", "--input-tokens", "16", "--output-tokens", "4",
                "--duration", "1s", "--root", root.resolve("closed").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode closed = Json.mapper().readTree(onlyRun(root.resolve("closed")).resolve("run.json").toFile()).path("metrics").path("points").get(0);
        // 2 streams of ~20 ms requests for 1 s: tens of requests, the first 10% of the time as warm-up
        assertThat(closed.path("requests").asInt()).isBetween(10, 200);
        assertThat(closed.path("warmup").asInt()).isPositive();

        r = bench("--base-url", "sim:tpotMs=5", "--rate", "40", "--arrival", "gamma", "--burstiness", "0.5", "--input-tokens",
                "16", "--output-tokens", "4", "--duration", "1s", "--root", root.resolve("open").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path run = onlyRun(root.resolve("open"));
        JsonNode open = Json.mapper().readTree(run.resolve("run.json").toFile()).path("metrics").path("points").get(0);
        assertThat(open.path("arrival").asText()).isEqualTo("gamma");
        assertThat(open.path("burstiness").asDouble()).isEqualTo(0.5);
        int sent = open.path("requests").asInt() + open.path("warmup").asInt();
        assertThat(sent).isBetween(15, 80).isEqualTo(Journal.readAll(new RunFolder(run)).size());
    }

    @Test
    void shardsSplitTheLoadAndMergeIntoOneVerifiableRun(@TempDir Path a, @TempDir Path b, @TempDir Path merged, @TempDir Path keys)
            throws Exception {
        String[] common = {"--base-url", "sim:tpotMs=1", "--concurrency", "4", "--input-tokens", "32", "--output-tokens", "6",
            "--requests", "21", "--seed", "5", "--prompt-salt", "00000000000000a5"};
        Result r0 = bench(concat(common, "--shard", "0/2", "--root", a.toString()));
        Result r1 = bench(concat(common, "--shard", "1/2", "--root", b.toString()));
        assertThat(r0.exitCode()).as(r0.err()).isZero();
        assertThat(r1.exitCode()).as(r1.err()).isZero();
        Path s0 = onlyRun(a);
        Path s1 = onlyRun(b);
        List<Sample> first = Journal.readAll(new RunFolder(s0));
        List<Sample> second = Journal.readAll(new RunFolder(s1));
        assertThat(first).hasSize(11);  // 21 requests: 11 + 10
        assertThat(second).hasSize(10);
        assertThat(first).allSatisfy(s -> assertThat(Integer.parseInt(s.taskId().substring(5)) % 2).isZero());
        assertThat(second).allSatisfy(s -> assertThat(s.load().shard()).isEqualTo("1/2"));

        assertThat(bench("--merge", s0.toString(), "--root", merged.toString()).exitCode()).isEqualTo(2);
        assertThat(bench("--merge", s0.toString(), s0.toString(), "--root", merged.toString()).exitCode()).isEqualTo(2);
        Result m = bench("--merge", s0.toString(), s1.toString(), "--root", merged.toString());
        assertThat(m.exitCode()).as(m.err()).isZero();
        Path run = onlyRun(merged);
        List<Sample> all = Journal.readAll(new RunFolder(run));
        assertThat(all).hasSize(21);
        assertThat(all.stream().map(Sample::promptSha256).distinct().count()).isEqualTo(21);
        JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
        assertThat(json.path("suite").path("options").path("--merged-shards").asText()).isEqualTo("2");
        JsonNode point = json.path("metrics").path("points").get(0);
        assertThat(point.path("requests").asInt() + point.path("warmup").asInt()).isEqualTo(21);
        assertThat(point.path("completed").asInt()).isEqualTo(point.path("requests").asInt());
        assertThat(json.path("metrics").path("calibration").path("tokenMismatches").asInt()).isZero();

        Evidence.requireSshKeygen();
        Path key = Evidence.keygen(keys, "merge", "merge@example.org");
        Files.writeString(merged.resolve("results/allowed_signers"), Evidence.signerLine("merge@example.org", "", key));
        assertThat(SignVerifyCommandTest.sign(run.toString(), "--key", key.toString()).exitCode()).isZero();
        SignVerifyCommandTest.Result v = SignVerifyCommandTest.verify(run.toString());
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
    }

    @Test
    void abModeInterleavesRepeatsOfTwoArmsAndPrintsTheRatioWithItsInterval(@TempDir Path root) throws Exception {
        Result r = bench("--base-url", "sim:tpotMs=4", "--base-url-b", "sim:tpotMs=1", "--model-b", "sim-fast",
                "--concurrency", "2", "--input-tokens", "16,64", "--output-tokens", "8", "--requests", "8", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("A/B · A = sim · B = sim-fast · 3 interleaved repeats")
                .contains("memory access: not measurable from the client").containsPattern("ratio B/A \\(95% CI\\)");
        for (String slug : List.of("sim", "sim-fast")) {
            Path run = onlyRun(root, slug);
            JsonNode json = Json.mapper().readTree(run.resolve("run.json").toFile());
            assertThat(json.path("metrics").path("points")).hasSize(6); // 2 lengths x 3 repeats
            assertThat(json.path("suite").path("options").path("--ab-arm").asText()).isEqualTo(slug.equals("sim") ? "a" : "b");
        }
        var a = dev.claimcheck.core.store.RunManifestStore.read(new RunFolder(onlyRun(root, "sim"))).metrics().get(ThroughputFigures.POINTS);
        var b = dev.claimcheck.core.store.RunManifestStore.read(new RunFolder(onlyRun(root, "sim-fast"))).metrics().get(ThroughputFigures.POINTS);
        var rows = dev.claimcheck.core.stats.ThroughputComparison.of(a, b);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.repeats()).isEqualTo(3);
            assertThat(row.ratio()).isGreaterThan(1.2); // 1 ms per token against 4 ms
            assertThat(row.ratioCi95Low()).isLessThanOrEqualTo(row.ratio());
            assertThat(row.ratioCi95High()).isGreaterThanOrEqualTo(row.ratio());
        });
        // both arms hold the same comparison.json: which run is which arm, and the rows computed from their points
        var stored = Json.mapper().readValue(onlyRun(root, "sim").resolve("comparison.json").toFile(),
                dev.claimcheck.core.stats.ThroughputComparison.Report.class);
        assertThat(stored.schema()).isEqualTo("claimcheck/ab-comparison/v1");
        assertThat(stored.runA()).isEqualTo(onlyRun(root, "sim").getFileName().toString());
        assertThat(stored.runB()).isEqualTo(onlyRun(root, "sim-fast").getFileName().toString());
        assertThat(stored.repeats()).isEqualTo(3);
        assertThat(stored.memoryAccess()).isEqualTo("not measurable from the client");
        assertThat(stored.rows()).isEqualTo(rows);
        assertThat(Files.readString(onlyRun(root, "sim-fast").resolve("comparison.json")))
                .isEqualTo(Files.readString(onlyRun(root, "sim").resolve("comparison.json")));
        assertThat(bench("--base-url", "sim", "--model-b", "x", "--repeats", "2", "--root", root.toString()).exitCode()).isEqualTo(2);
    }

    /** Arm A against the simulator as sim, arm B as sim-fast, each holding comparison.json. */
    static void benchTwoArms(Path root) {
        assertThat(bench("--base-url", "sim", "--base-url-b", "sim:tpotMs=1", "--model-b", "sim-fast", "--concurrency", "1",
                "--input-tokens", "16", "--output-tokens", "4", "--requests", "4", "--root", root.toString()).exitCode()).isZero();
    }

    @Test
    void verifyRecomputesTheStoredComparisonFromBothArms(@TempDir Path root) throws Exception {
        benchTwoArms(root);
        Path a = onlyRun(root, "sim");
        Path b = onlyRun(root, "sim-fast");
        for (Path arm : List.of(a, b)) {
            SignVerifyCommandTest.Result v = SignVerifyCommandTest.verify(arm.toString());
            assertThat(v.out() + v.err()).doesNotContain("comparisonMismatch").doesNotContain("comparisonNotChecked");
        }
        // a doctored ratio in arm B's copy is caught; arm A's untouched copy still checks
        Path file = b.resolve("comparison.json");
        ObjectNode json = (ObjectNode) Json.mapper().readTree(file.toFile());
        ((ObjectNode) json.path("rows").get(0)).put("ratio", 9.5);
        Files.write(file, Json.mapper().writeValueAsBytes(json));
        SignVerifyCommandTest.Result doctored = SignVerifyCommandTest.verify(b.toString());
        assertThat(doctored.exitCode()).isEqualTo(1);
        assertThat(doctored.out() + doctored.err()).contains("FAIL comparisonMismatch: comparison.rows[0].ratio");
        assertThat(SignVerifyCommandTest.verify(a.toString()).out()).doesNotContain("comparisonMismatch");
        // without the other arm the file cannot be checked: a warning, not a pass
        Path alone = Files.createDirectories(root.resolve("alone/results/runs/sim/throughput/serving"));
        Path copied = alone.resolve(a.getFileName());
        try (Stream<Path> files = Files.list(a)) {
            Files.createDirectories(copied);
            for (Path f : files.toList()) {
                Files.copy(f, copied.resolve(f.getFileName()));
            }
        }
        SignVerifyCommandTest.Result lone = SignVerifyCommandTest.verify(copied.toString());
        assertThat(lone.out() + lone.err()).contains("WARN comparisonNotChecked: the other arm " + b.getFileName());
    }

    static Path onlyRun(Path root, String slug) throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("results/runs/" + slug + "/throughput/serving"))) {
            List<Path> runs = s.toList();
            assertThat(runs).hasSize(1);
            return runs.get(0);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
