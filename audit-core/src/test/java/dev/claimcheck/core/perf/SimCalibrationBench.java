package dev.claimcheck.core.perf;

import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.cli.Cli;
import dev.claimcheck.core.cli.SimCommand;
import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
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
 * The bench's calibration against the simulator's truth (issue #23 part 5; docs/throughput.md "Calibration"): at 128,
 * 256 and 512 streams paced like an engine ({@code ttftMs=100, tpotMs=20}, 512 in / 128 out, 4 requests per stream),
 * the TTFT error against the simulator's 100 ms and the receive lag (from the simulator's emit stamps, same host), with
 * the simulator in a process of its own ({@code sim@.}'s JVM settings, {@link SimCommand#JVM_FLAGS}), then with it in
 * the client's process. A benchmark, not a test: it prints, it asserts nothing.
 *
 * <p>Usage: {@code java -cp ... dev.claimcheck.core.perf.SimCalibrationBench [streams...]}; {@code -DsimJvm=default}
 * starts the simulator's JVM with the launcher's defaults instead (as before), {@code -DsimJvmArgs="…"} adds to its
 * flags, {@code -DinProcessFirst=true} measures in process first (to rule out the order); with {@code server OPTIONS} it is the
 * out-of-process simulator itself.
 */
public final class SimCalibrationBench {
    static final String PACING = "ttftMs=100,tpotMs=20";

    private SimCalibrationBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            System.exit(Cli.execute(new SimCommand(), "--port", "0", "--options", args[1]));
        }
        int[] streams = args.length == 0 ? new int[] {128, 256, 512} : Stream.of(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "JVM %s, %d CPUs, load average %.2f, args %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path root = Files.createTempDirectory("sim-calibration");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!"default".equals(System.getProperty("simJvm"))) {
            command.addAll(SimCommand.JVM_FLAGS);
        }
        String extra = System.getProperty("simJvmArgs"); // e.g. -Xlog:gc:file=/tmp/sim-gc.log, to see its collector
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SimCalibrationBench.class.getName(), "server", PACING));
        Process sim = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String url = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8)).readLine();
            System.out.println("simulator out of process at " + url + " (" + PACING + "), JVM " + command.subList(1, command.indexOf("-cp")));
            // JIT warm-up of the client and the simulator's process: one run whose numbers are discarded, at the
            // middle concurrency so the simulator's per-stream paths are compiled too.
            run(root, url, 256, 1024);
            if (Boolean.getBoolean("inProcessFirst")) {
                inProcess(root, streams);
            }
            for (int c : streams) {
                long cpu0 = cpuNanos(sim);
                long wall0 = System.nanoTime();
                report("out of process c=" + c, run(root, url, c, 4 * c));
                System.out.printf(Locale.ROOT, "%-22s simulator process cpu %.0f%% of one core over the run%n", "",
                        100.0 * (cpuNanos(sim) - cpu0) / (System.nanoTime() - wall0));
            }
            if (!Boolean.getBoolean("inProcessFirst")) {
                inProcess(root, streams);
            }
        } finally {
            sim.destroy();
        }
        System.out.printf(Locale.ROOT, "load average after: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static RunManifest run(Path root, String baseUrl, int streams, int requests) throws Exception {
        List<String> all = new ArrayList<>(List.of("--base-url", baseUrl, "--model", "m", "--concurrency", "" + streams,
                "--input-tokens", "512", "--output-tokens", "128", "--requests", "" + requests,
                "--hardware", "1xCPU", "--no-fingerprint", "--root", root.toString()));
        // -DwarmupShare=0.5: half the first wave as warm-up, as measured before the bench's default covered the first wave
        String share = System.getProperty("warmupShare");
        if (share != null) {
            all.addAll(List.of("--warmup", "" + (int) (streams * Double.parseDouble(share))));
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream quiet = new PrintStream(sink, true, StandardCharsets.UTF_8);
        int code = Cli.execute(new BenchCommand(new ServingBench(Clock.systemUTC(), null), Map.of(), quiet, quiet),
                new PrintWriter(quiet, true), all.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("bench exited " + code + ": " + sink.toString(StandardCharsets.UTF_8));
        }
        Path runDir;
        try (Stream<Path> s = Files.find(root, 8, (p, a) -> p.getFileName().toString().equals("run.json"))) {
            runDir = s.max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).orElseThrow().getParent();
        }
        RunManifest m = RunManifestStore.read(new RunFolder(runDir));
        waves(runDir.resolve("samples.jsonl"));
        Files.walk(runDir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        return m;
    }

    private static void inProcess(Path root, int[] streams) throws Exception {
        for (int c : streams) {
            report("in process c=" + c, run(root, "sim:" + PACING, c, 4 * c));
        }
    }

    /** The simulator process's CPU time so far (user + system), in ns. */
    private static long cpuNanos(Process p) {
        return p.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static void report(String name, RunManifest m) {
        ThroughputPoint p = m.metrics().get(ThroughputFigures.POINTS).get(0);
        Calibration c = m.metrics().get(ThroughputFigures.CALIBRATION);
        System.out.printf(Locale.ROOT, "%-22s completed %4d/%4d | ttft p50 %7.2f p99 %7.2f ms | client cpu %3.0f%% loop lag p99 %6.2f ms%n",
                name, p.completed(), p.requests(), nz(p.ttftMsP50()), nz(p.ttftMsP99()), 100 * p.clientCpuShare(), p.loopLagMsP99());
        if (c != null && c.simulatorTtft() != null) {
            Calibration.SimulatorTtft t = c.simulatorTtft().get(0);
            System.out.printf(Locale.ROOT, "%-22s TTFT error against %.0f ms: p50 %.2f p99 %.2f ms (TTFT p99 %.1f%% over the truth)%n",
                    "", t.truthTtftMs(), t.ttftErrorMsP50(), t.ttftErrorMsP99(), 100 * t.ttftErrorMsP99() / t.truthTtftMs());
        }
        System.out.printf(Locale.ROOT, "%-22s %s%n", "", lastWaves);
        if (c != null && c.hasReceiveLag()) {
            System.out.printf(Locale.ROOT, "%-22s receive lag p50 %.3f p99 %.3f ms over %d events%n", "", c.receiveLagMsP50(),
                    c.receiveLagMsP99(), c.events());
        }
    }

    /**
     * Where the excess is: the measured requests of the first wave (started with the point, on connections opened
     * with it) against those of later waves (on kept-alive connections), TTFT and the wait before the first byte
     * was sent (connecting), p99 in ms; and, where the simulator stamped its events, each measured TTFT error split
     * into the simulator's side (its first token emitted after send + truth) and the client's (that token's receive lag).
     */
    private static void waves(Path samples) throws java.io.IOException {
        List<Long> firstTtft = new ArrayList<>();
        List<Long> laterTtft = new ArrayList<>();
        List<Long> firstSend = new ArrayList<>();
        List<Long> simLate = new ArrayList<>();
        List<Long> firstLag = new ArrayList<>();
        for (String line : Files.readAllLines(samples)) {
            com.fasterxml.jackson.databind.JsonNode load = dev.claimcheck.core.store.Json.mapper().readTree(line).path("load");
            if (load.path("warmup").asBoolean() || !load.hasNonNull("firstTokenUs")) {
                continue;
            }
            long scheduled = load.path("scheduledUs").asLong();
            long ttft = load.path("firstTokenUs").asLong() - scheduled;
            if (load.path("receiveLagsUs").size() > 0) {
                long lag = load.path("receiveLagsUs").get(0).asLong();
                firstLag.add(lag);
                simLate.add(load.path("firstTokenUs").asLong() - lag - load.path("sentUs").asLong()
                        - load.path("simulatedTtftUs").asLong());
            }
            if (scheduled < 1_000_000) {
                firstTtft.add(ttft);
                firstSend.add(load.path("sentUs").asLong() - scheduled);
            } else {
                laterTtft.add(ttft);
            }
        }
        lastWaves = String.format(Locale.ROOT, "first wave %d: ttft p99 %.1f ms, send wait p99 %.1f ms | later waves %d: ttft p99 %.1f ms",
                firstTtft.size(), p99(firstTtft), p99(firstSend), laterTtft.size(), p99(laterTtft))
                + (simLate.isEmpty() ? "" : String.format(Locale.ROOT, "%n%-22s TTFT error p99 split: simulator emits late %.2f ms, "
                + "client receives the first token late %.2f ms", "", p99(simLate), p99(firstLag)));
    }

    private static String lastWaves = "";

    private static double p99(List<Long> us) {
        if (us.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = us.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1)) / 1000.0;
    }

    private static double nz(Double v) {
        return v == null ? Double.NaN : v;
    }
}
