package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.verify.Evidence;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.endpoint.VllmPrefixCacheServer;
import dev.claimcheck.core.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bench reruns against an engine with a prefix cache (docs/throughput.md "Prefix caches"): the same seed gives the
 * same prompts, so without a salt a rerun would measure cache hits and read valid.
 */
class PrefixCacheTest {
    static final String[] LOAD = {"--model", "m", "--concurrency", "2", "--input-tokens", "256", "--output-tokens", "4",
            "--requests", "6", "--warmup", "0", "--hardware", "1xCPU", "--seed", "7"};

    @Test
    void aRerunWithTheSameSeedGetsANewSaltAndIsNotServedFromTheCacheWhileAnExactRepeatIsFlagged(@TempDir Path root)
            throws IOException {
        try (VllmPrefixCacheServer engine = new VllmPrefixCacheServer()) {
            JsonNode first = bench(engine, root.resolve("1"));
            String salt = first.path("suite").path("options").path("--prompt-salt").asText();
            assertThat(salt).matches("[0-9a-f]{16}");
            assertThat(point(first).path("cachedShare").asDouble()).isZero();
            assertThat(point(first).path("cacheReplay").asBoolean()).isFalse();

            JsonNode rerun = bench(engine, root.resolve("2"));
            assertThat(rerun.path("suite").path("options").path("--prompt-salt").asText()).isNotEqualTo(salt);
            assertThat(point(rerun).path("cachedShare").asDouble()).isZero();
            assertThat(point(rerun).path("cacheReplay").asBoolean()).isFalse();

            JsonNode repeat = bench(engine, root.resolve("3"), "--prompt-salt", salt);
            assertThat(point(repeat).path("cachedShare").asDouble()).as("all but the last block of each prompt")
                    .isGreaterThan(0.9);
            assertThat(point(repeat).path("cacheReplay").asBoolean()).isTrue();
            assertThat(point(repeat).path("valid").asBoolean()).as("a replay is never valid, whatever the client's load").isFalse();
        }
    }

    @Test
    void aSharedPrefixAskedForIsNotAReplay(@TempDir Path root) throws IOException {
        try (VllmPrefixCacheServer engine = new VllmPrefixCacheServer()) {
            JsonNode run = bench(engine, root, "--prefix-share", "0.75");
            assertThat(point(run).path("cachedShare").asDouble()).as("the shared 3/4, from the second request on")
                    .isGreaterThan(0.4).isLessThanOrEqualTo(0.75);
            assertThat(point(run).path("cacheReplay").asBoolean()).isFalse();
        }
    }

    @Test
    void shardsMustShareOneSaltOrTheyWouldNotSendOneLoad(@TempDir Path root) throws IOException {
        try (VllmPrefixCacheServer engine = new VllmPrefixCacheServer()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = run(out, engine, root, "--shard", "0/2");
            assertThat(code).isEqualTo(Cli.BAD_INPUT);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--shard needs --prompt-salt HEX");
            assertThat(run(out, engine, root, "--prompt-salt", "XYZ")).isEqualTo(Cli.BAD_INPUT);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("--prompt-salt takes 16 lower-case hex digits, got 'XYZ'");
        }
    }

    private static JsonNode point(JsonNode runJson) {
        return runJson.path("metrics").path("points").get(0);
    }

    private static JsonNode bench(VllmPrefixCacheServer engine, Path root, String... extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = run(out, engine, root, extra);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return Evidence.runJson(Evidence.onlyRun(root));
    }

    private static int run(ByteArrayOutputStream out, VllmPrefixCacheServer engine, Path root, String... extra) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        String[] args = Stream.of(new String[] {"--base-url", engine.baseUrl(), "--root", root.toString()}, LOAD, extra)
                .flatMap(Stream::of).toArray(String[]::new);
        return Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), o, o),
                new PrintWriter(o, true), args);
    }
}
