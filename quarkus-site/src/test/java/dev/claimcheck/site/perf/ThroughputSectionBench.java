package dev.claimcheck.site.perf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.site.SiteModel;
import dev.claimcheck.site.index.IndexLoader;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.render.SafeJson;
import dev.claimcheck.site.render.Templates;
import dev.claimcheck.site.throughput.ThroughputView;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints how long the site takes to index a root of N throughput runs and render the leaderboard (with its
 * throughput section and SVG charts) and the JSON API. One real simulated bench run (4 points) is copied N times
 * under new run ids, spread over 8 declared hardware lanes (plus the original's unknown-hardware lane). Usage: {@code ThroughputSectionBench [N]} (default 200).
 */
public final class ThroughputSectionBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path root = Files.createTempDirectory("claimcheck-tp-bench");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), quiet, quiet),
                new PrintWriter(quiet), "--base-url", "sim", "--concurrency", "1,2", "--input-tokens", "16,32",
                "--output-tokens", "4", "--requests", "6", "--root", root.toString());
        if (code != 0) {
            throw new IllegalStateException("bench exited " + code);
        }
        Path serving = root.resolve("results/runs/sim/throughput/serving");
        Path template;
        try (Stream<Path> s = Files.list(serving)) {
            template = s.findFirst().orElseThrow();
        }
        ObjectNode json = (ObjectNode) Json.mapper().readTree(template.resolve("run.json").toFile());
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "20261201T%06dZ-%08x", i, i);
            Path dir = Files.createDirectories(serving.resolve(id));
            try (Stream<Path> files = Files.list(template)) {
                for (Path f : files.toList()) {
                    if (!f.getFileName().toString().equals("run.json")) {
                        Files.copy(f, dir.resolve(f.getFileName()));
                    }
                }
            }
            ObjectNode copy = json.deepCopy();
            copy.put("runId", id);
            ObjectNode hw = copy.putObject("hardware");
            hw.put("gpu", "H" + (100 + i % 8)).put("gpuCount", 8).put("source", "declared");
            Files.write(dir.resolve("run.json"), Json.mapper().writeValueAsBytes(copy));
        }
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            SiteModel model = new SiteModel(IndexLoader.load(new Root(root), Instant.now()));
            long t1 = System.nanoTime();
            String html = Templates.get().render("index.ftlh", model.leaderboard(Links.at(0, true)));
            long t2 = System.nanoTime();
            String api = SafeJson.write(model.leaderboardJson());
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "round %d: %d runs in %d lanes · index+model %.1f ms · leaderboard HTML %.1f ms (%d KiB) · leaderboard.json %.1f ms (%d KiB, %d points)%n",
                    round, model.index().runs().size(), ThroughputView.lanes(model.index()).size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, html.length() / 1024,
                    (t3 - t2) / 1e6, api.length() / 1024, model.throughputRows().size());
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
