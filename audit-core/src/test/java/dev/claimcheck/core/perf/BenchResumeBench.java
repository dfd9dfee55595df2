package dev.claimcheck.core.perf;

import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints what {@code bench --resume} support costs: the run.json checkpoint written after each point (metrics
 * recomputed over every record so far) at growing journal sizes, and the cut of a partial point on resume.
 * A benchmark, not a test: run it as documented in docs/throughput.md (Resume).
 */
public final class BenchResumeBench {
    private BenchResumeBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("bench-resume");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), quiet, quiet),
                new PrintWriter(quiet), "--base-url", "sim", "--concurrency", "16", "--input-tokens", "64", "--output-tokens", "16",
                "--requests", "1000", "--root", root.toString());
        if (code != 0) {
            throw new IllegalStateException("bench exited " + code);
        }
        Path run;
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4, (p, a) -> p.getFileName().toString().matches("\\d{8}T.*"))) {
            run = s.findFirst().orElseThrow();
        }
        List<Sample> one = Journal.readAll(new RunFolder(run));
        for (int size : new int[] {1_000, 10_000, 50_000}) {
            List<Sample> samples = new ArrayList<>(size);
            while (samples.size() < size) {
                samples.addAll(one.subList(0, Math.min(one.size(), size - samples.size())));
            }
            RunMetrics.of(samples, ThroughputFigures.INSTANCE); // warm-up
            int reps = 5;
            long t = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                RunMetrics.of(samples, ThroughputFigures.INSTANCE);
            }
            System.out.printf(Locale.ROOT, "checkpoint metrics over %,d records: %.1f ms%n", size, (System.nanoTime() - t) / 1e6 / reps);
        }
        RunFolder folder = new RunFolder(run);
        try (Journal j = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, Clock.systemUTC())) {
            long t = System.nanoTime();
            j.cutFrom(one.get(one.size() / 2).key(), Clock.systemUTC()); // the line's offset is found by decoding lines
            System.out.printf(Locale.ROOT, "cut of a partial point at record %,d of %,d: %.1f ms%n", one.size() / 2, one.size(),
                    (System.nanoTime() - t) / 1e6);
        }
    }
}
