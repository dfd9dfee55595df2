///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.run.AuditSession;
import dev.claimcheck.core.run.AuditSpec;
import dev.claimcheck.core.run.ProgressListener;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Harness throughput against the in-process simulator (issue #2 quality bar), printing numbers:
 *   1. zero latency, 32 output tokens: attempts/s at concurrency 1, 16, 64 (target >= 2,000/s at 64);
 *   2. 50 ms simulated TTFT at concurrency 64: achieved / ideal attempts/s (target >= 0.95).
 * Whole audits are timed (journal, grading, metrics, run.json included), after a warm-up run.
 * Run: ./jbang perf/HarnessBench.java
 */
class HarnessBench {
    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("claimcheck-bench");
        AuditSession session = new AuditSession(Clock.systemUTC(), Map.of(), Journal.DEFAULT_PART_LIMIT);
        run(session, root, "sim", 16, 2000); // warm-up: JIT, sockets
        System.out.println("harness throughput, simulator with zero latency and 32 output tokens");
        for (int c : new int[] {1, 16, 64}) {
            int attempts = c == 1 ? 1000 : 10_000;
            double rate = best(session, root, "sim:outputTokens=32", c, attempts);
            System.out.printf(Locale.ROOT, "  concurrency %3d: %8.0f attempts/s%n", c, rate);
        }
        int c = 64;
        double ideal = c / 0.050;
        double rate = best(session, root, "sim:ttftMs=50,outputTokens=32", c, 6400);
        System.out.printf(Locale.ROOT, "utilisation, simulator TTFT 50 ms, concurrency %d: %.0f attempts/s of an ideal %.0f = %.3f%n",
                c, rate, ideal, rate / ideal);
    }

    static double best(AuditSession session, Path root, String sim, int concurrency, int attempts) throws Exception {
        double best = 0;
        for (int i = 0; i < 3; i++) {
            best = Math.max(best, run(session, root, sim, concurrency, attempts));
        }
        return best;
    }

    /** One audit of arith with k = 4; returns attempts per second. */
    static double run(AuditSession session, Path root, String sim, int concurrency, int attempts) {
        var suite = SuiteRegistry.byId("arith");
        Object options = SuiteOptions.restore(suite, Map.of("--problems", Integer.toString(attempts / 4)));
        var template = Json.mapper().createObjectNode().put("model", "sim").put("max_tokens", 64).put("stream", true);
        template.putObject("stream_options").put("include_usage", true);
        AuditSpec spec = new AuditSpec("arith", options, SuiteOptions.values(options), sim, null, Lane.INSTANT, 4, null,
                concurrency, 0, root, template, null, Map.of(), "openai", "OPENAI_API_KEY", null, 0);
        long t0 = System.nanoTime();
        AuditOutcome outcome = session.start(spec, ProgressListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!outcome.complete() || outcome.manifest().metrics().attempts() != attempts) {
            throw new IllegalStateException("bench run did not complete: " + outcome.stopReason());
        }
        return attempts / seconds;
    }
}
