package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.RunManifest.BenchClient;
import java.lang.management.ManagementFactory;
import java.util.List;

/** run.json {@code harness.client}: the JVM this bench runs in and the warm-up it does. */
final class BenchClientInfo {
    private BenchClientInfo() {
    }

    /** @param receiveLag EmitStamps' note: where receive lag comes from, or why there is none (null for an engine) */
    static BenchClient of(BenchSpec spec, String receiveLag) {
        return new BenchClient(System.getProperty("java.version"), jvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().availableProcessors(), warmup(spec), receiveLag);
    }

    /** The heap and collector options: {@code -X…} only, since {@code -D} and agent arguments may carry secrets. */
    static List<String> jvmFlags(List<String> inputArguments) {
        return inputArguments.stream().filter(a -> a.startsWith("-X")).toList();
    }

    static String warmup(BenchSpec spec) {
        String requests = spec.warmup() == null
                ? "the first 10% of each point's requests (closed loop: at least its first wave, up to half) sent and not counted"
                : spec.warmup() == 0 ? "no warm-up requests" : "the first " + spec.warmup() + " requests of each point sent and not counted";
        return requests + "; connections opened before each window, " + ConnectionWarmup.AT_ONCE + " at a time: a closed-loop "
                + "point's concurrency, an open-loop point's rate × expected latency + 3√(that) (at most its requests and "
                + OpenLoopWarmup.MAX + "; the latency from the simulator's pacing, else the e2e p50 of the last point of the same "
                + "lengths, else " + OpenLoopWarmup.GUESS_S + " s)";
    }
}
