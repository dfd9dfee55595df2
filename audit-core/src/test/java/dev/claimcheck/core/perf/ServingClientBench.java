package dev.claimcheck.core.perf;

import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints what the bench client sustains against the in-process simulator on this machine: concurrent streams,
 * parsed token events per second, receive lag at 256 and 512 streams, Poisson send lag, token-count agreement,
 * and a 1 MiB prompt against a small one. A benchmark, not a test (docs/throughput.md "Client quality").
 * Every scenario is a real {@code bench} run over loopback HTTP; the numbers are read back from its run.json.
 *
 * <p>Usage: {@code java -cp ... dev.claimcheck.core.perf.ServingClientBench [streams|events|lag|poisson|bigprompt|all]}
 */
public final class ServingClientBench {
    private ServingClientBench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length == 0 ? "all" : args[0];
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, GC %s, args %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path root = Files.createTempDirectory("serving-bench");
        // JIT warm-up: one short run whose numbers are discarded.
        run(root, "--base-url", "sim:tpotMs=2", "--concurrency", "64", "--input-tokens", "128", "--output-tokens", "64",
                "--requests", "640");
        if (which.equals("all") || which.equals("streams")) {
            // Paced streams: 20 tokens/s each (tpot 50 ms), so N streams are 20·N token events per second.
            for (int c : new int[] {256, 512, 1024, 2048}) {
                report("streams c=" + c, run(root, "--base-url", "sim:tpotMs=50,ttftMs=20", "--concurrency", "" + c,
                        "--input-tokens", "128", "--output-tokens", "40", "--requests", "" + (2 * c), "--warmup", "" + (c / 2)));
            }
        }
        if (which.equals("all") || which.equals("events")) {
            // Unpaced: the simulator writes each 4,096-token response at once; the client parses as fast as it can.
            report("events c=64", run(root, "--base-url", "sim", "--concurrency", "64", "--input-tokens", "64",
                    "--output-tokens", "4k", "--requests", "400", "--warmup", "40"));
        }
        if (which.equals("all") || which.equals("lag")) {
            for (int c : new int[] {256, 512}) {
                report("lag c=" + c, run(root, "--base-url", "sim:tpotMs=20,ttftMs=10", "--concurrency", "" + c,
                        "--input-tokens", "128", "--output-tokens", "100", "--requests", "" + (3 * c), "--warmup", "" + (c / 2)));
            }
        }
        if (which.equals("all") || which.equals("poisson")) {
            report("poisson 500/s", run(root, "--base-url", "sim:tpotMs=5", "--rate", "500", "--arrival", "poisson",
                    "--input-tokens", "128", "--output-tokens", "16", "--requests", "5000", "--warmup", "250"));
        }
        if (which.equals("all") || which.equals("bigprompt")) {
            // ~1 MiB request bodies (170k words of ~6 bytes) against 1k-token prompts, same load.
            report("prompt 1k c=4", run(root, "--base-url", "sim:tpotMs=2", "--concurrency", "4", "--input-tokens", "1k",
                    "--output-tokens", "256", "--requests", "44", "--warmup", "4"));
            report("prompt 170k (~1 MiB) c=4", run(root, "--base-url", "sim:tpotMs=2", "--concurrency", "4",
                    "--input-tokens", "170000", "--output-tokens", "256", "--requests", "44", "--warmup", "4"));
        }
    }

    private static RunManifest run(Path root, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString()));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), quiet, quiet),
                new PrintWriter(quiet, true), all.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("bench exited " + code + ": " + sink.toString(StandardCharsets.UTF_8));
        }
        System.out.printf(Locale.ROOT, "  (run took %.1f s)%n", (System.nanoTime() - t0) / 1e9);
        Path runDir;
        try (Stream<Path> s = Files.find(root.resolve("results/runs"), 4, (p, a) -> p.getFileName().toString().matches("\\d{8}T.*"))) {
            runDir = s.max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow();
        }
        RunManifest m = RunManifestStore.read(new RunFolder(runDir));
        Files.walk(runDir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        return m;
    }

    private static void report(String name, RunManifest m) {
        ThroughputPoint p = m.metrics().get(ThroughputFigures.POINTS).get(0);
        Calibration c = m.metrics().get(ThroughputFigures.CALIBRATION);
        long events = c == null || !c.hasReceiveLag() ? 0 : c.events();
        System.out.printf(Locale.ROOT, "%-26s client capacity %.0f token events per client-CPU-second%n", name, p.clientCpuShare() > 0 ? p.outputTokensPerSecond() / p.clientCpuShare() : 0);
        System.out.printf(Locale.ROOT, "%-26s completed %5d/%5d errors %d | out %9.0f tok/s (token events %.0f/s) | ttft p50 %7.2f p99 %7.2f ms"
                        + " | itl p99 %7.2f ms | client cpu %3.0f%% loop lag p99 %6.2f ms | valid %s%n",
                name, p.completed(), p.requests(), p.errors(), p.outputTokensPerSecond(), p.outputTokensPerSecond(),
                nz(p.ttftMsP50()), nz(p.ttftMsP99()), nz(p.itlMsP99()), 100 * p.clientCpuShare(), p.loopLagMsP99(), p.valid());
        if (c != null && c.hasReceiveLag()) {
            System.out.printf(Locale.ROOT, "%-26s receive lag p50 %.3f p99 %.3f p99.9 %.3f ms over %d events; token mismatches %d of %d%n",
                    "", c.receiveLagMsP50(), c.receiveLagMsP99(), c.receiveLagMsP999(), events, c.tokenMismatches(), c.requests());
        }
        if (p.sendLagMsP99() != null) {
            System.out.printf(Locale.ROOT, "%-26s send lag p99 %.3f ms (achieved %.1f req/s)%n", "", p.sendLagMsP99(), p.requestsPerSecond());
        }
    }

    private static double nz(Double v) {
        return v == null ? Double.NaN : v;
    }
}
