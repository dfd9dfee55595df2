package dev.claimcheck.core.perf;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.longctx.LongctxSuite;
import dev.claimcheck.core.tokens.Tokenizer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the cost of generating 1M-token mixed-format haystacks (issue #8 quality bar: ≤ 2 s and ≤ 512 MB heap each;
 * memory does not grow with the number of tasks). Renders the 77 tasks of lengths 1m × depths 0..100 × 7 kinds one
 * after another, as a run does, and prints per-prompt time, the exact token count of a few, the heap used after each
 * GC and the peak heap. Run with {@code -Xmx512m} so the heap bar is enforced, not just observed:
 * <pre>
 * ./mvnw -q -o -pl audit-core test-compile
 * ./mvnw -q -o -pl audit-core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx512m -cp audit-core/target/classes:audit-core/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.claimcheck.core.perf.LongctxGeneratorBench
 * </pre>
 */
public final class LongctxGeneratorBench {
    private LongctxGeneratorBench() {
    }

    public static void main(String[] args) {
        Suite suite = new LongctxSuite();
        Object options = SuiteOptions.restore(suite, Map.of("--lengths", "1m", "--depths", "0,10,20,30,40,50,60,70,80,90,100"));
        SuiteContext context = new SuiteContext(0, options, Path.of("."));
        List<Task> tasks = suite.prepare(context).tasks();
        Tokenizer o200k = Tokenizer.named("o200k_base");
        System.out.printf(Locale.ROOT, "tasks: %d (1m tokens each); max heap %d MB%n", tasks.size(),
                Runtime.getRuntime().maxMemory() >> 20);
        long worstNanos = 0;
        long totalNanos = 0;
        int n = 0;
        for (Task task : tasks) {
            long t0 = System.nanoTime();
            List<ChatMessage> messages = suite.messages(task, context);
            long nanos = System.nanoTime() - t0;
            String text = messages.get(0).content();
            if (n > 0) { // the first includes building the filler pool and JIT warm-up; printed on its own
                worstNanos = Math.max(worstNanos, nanos);
                totalNanos += nanos;
            }
            if (n < 3 || n % 11 == 0) {
                int tokens = o200k.count(text);
                System.out.printf(Locale.ROOT, "%-40s %7.1f ms  %,9d chars  %,9d tokens (target %,d, %+.3f%%)  heap after GC %d MB%n",
                        task.id(), nanos / 1e6, text.length(), tokens, 1 << 20, 100.0 * (tokens - (1 << 20)) / (1 << 20),
                        usedAfterGc() >> 20);
            }
            n++;
        }
        System.out.printf(Locale.ROOT, "warm: mean %.1f ms, worst %.1f ms per 1M-token prompt over %d prompts%n",
                totalNanos / 1e6 / (n - 1), worstNanos / 1e6, n - 1);
        System.out.printf(Locale.ROOT, "heap: used after GC at end %d MB; peak heap (all pools) %d MB%n", usedAfterGc() >> 20,
                peakHeap() >> 20);
    }

    private static long usedAfterGc() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
