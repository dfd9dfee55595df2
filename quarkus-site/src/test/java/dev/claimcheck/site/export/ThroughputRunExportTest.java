package dev.claimcheck.site.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.store.Root;
import java.io.ByteArrayOutputStream;
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

/** A root holding a throughput run (no score, load points) exports, and its run page shows every point. */
class ThroughputRunExportTest {
    @Test
    void aBenchRunExportsWithItsPointsAndCalibration(@TempDir Path root, @TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), p, p), new PrintWriter(p, true),
                "--base-url", "sim", "--concurrency", "1,2", "--input-tokens", "16", "--output-tokens", "4", "--requests", "10",
                "--root", root.toString());
        assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isZero();
        String runId;
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4, (f, a) -> f.getFileName().toString().matches("\\d{8}T.*"))) {
            runId = s.findFirst().orElseThrow().getFileName().toString();
        }
        StaticExporter.export(new Root(root), out);
        String page = Files.readString(out.resolve("runs/" + runId + ".html"));
        assertThat(page).contains("point 0 · concurrency 1 · 16 in / 4 out").contains("point 1 · concurrency 2")
                .contains("TTFT p50").contains("calibration (simulator)").contains("token mismatches 0 of 17"); // 9 + 8: the first wave (1, 2) is warm-up
        assertThat(Files.readString(out.resolve("index.html"))).contains(runId);
    }
}
