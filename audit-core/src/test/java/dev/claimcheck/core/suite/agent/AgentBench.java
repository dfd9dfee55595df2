package dev.claimcheck.core.suite.agent;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints agent-workload harness throughput against the simulator over loopback HTTP: episodes and model turns per
 * second for a whole {@code audit agent} run (journal, metrics and proofs included), then transcript replays per
 * second (what {@code verify} does per sample). A benchmark, not a test:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.claimcheck.core.suite.agent.AgentBench [k] [concurrency]}.
 */
public final class AgentBench {
    private AgentBench() {
    }

    public static void main(String... args) throws Exception {
        int k = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        String concurrency = args.length > 1 ? args[1] : "8";
        Path root = Files.createTempDirectory("agent-bench");
        // Warm-up run (JIT, connection pool), then the measured one.
        AuditRunner.audit("agent", "--base-url", "sim:accuracy=0.7", "--k", "2", "--root", root.toString());
        long t0 = System.nanoTime();
        var r = AuditRunner.audit("agent", "--base-url", "sim:accuracy=0.7", "--k", Integer.toString(k),
                "--concurrency", concurrency, "--root", root.toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (r.exitCode() != 0) {
            throw new IllegalStateException(r.err());
        }
        List<Sample> samples = Journal.readAll(new RunFolder(r.runDir()));
        long turns = samples.stream().mapToLong(s -> AgentDetail.parse(s.verdict().detail()).orElseThrow().steps()).sum();
        System.out.printf(Locale.ROOT, "audit agent: %d episodes, %d model turns in %.2f s (k=%d, concurrency %s): "
                        + "%.1f episodes/s, %.1f turns/s; success %.3f%n",
                samples.size(), turns, seconds, k, concurrency, samples.size() / seconds, turns / seconds,
                r.manifest().metrics().score());

        AgentOptions o = new AgentOptions();
        Map<String, Task> tasks = new AgentSuite().tasks(new SuiteContext(0, o, root)).stream()
                .collect(Collectors.toMap(Task::id, Function.identity()));
        int rounds = 20;
        long t1 = System.nanoTime();
        long agree = 0;
        for (int i = 0; i < rounds; i++) {
            for (Sample s : samples) {
                agree += AgentReplay.verdict(tasks.get(s.taskId()), s).equals(s.verdict()) ? 1 : 0;
            }
        }
        double replaySeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "replay (verify): %d transcripts in %.2f s: %.0f replays/s, %.1f µs each; %d of %d agree%n",
                rounds * samples.size(), replaySeconds, rounds * samples.size() / replaySeconds,
                replaySeconds * 1e6 / (rounds * samples.size()), agree, (long) rounds * samples.size());
    }
}
