package dev.claimcheck.core.perf;

import dev.claimcheck.core.grade.MrcrGrader;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.data.ParquetFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prints the cost of MRCR at 1M tokens (issue #20 quality bar: prompt reading and scoring within the long-context
 * memory goal, ≤ 512 MB heap): writes a parquet file of three rows of ~1M o200k tokens each (a conversation of 2,000
 * turns), prepares the suite (streams and counts every row), re-reads each prompt as a send does, and grades a reply of
 * 5,000 characters; prints times and the peak heap. Run with {@code -Xmx512m} (see LongctxGeneratorBench for the
 * class path):
 * <pre>java -Xmx512m -cp … dev.claimcheck.core.perf.MrcrBench</pre>
 */
public final class MrcrBench {
    private static final String[] WORDS = {"river", "stone", "lantern", "harbor", "meadow", "copper", "violet", "quiet"};

    private MrcrBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("mrcr-bench");
        Path file = dir.resolve("8needle_0.parquet");
        SplittableRandom random = new SplittableRandom(1);
        StringBuilder values = new StringBuilder();
        List<String> answers = new java.util.ArrayList<>();
        String answer = null;
        for (int row = 0; row < 3; row++) {
            StringBuilder prompt = new StringBuilder("[");
            for (int turn = 0; turn < 1000; turn++) {
                StringBuilder reply = new StringBuilder();
                for (int w = 0; w < 1000; w++) {
                    reply.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                prompt.append(turn == 0 ? "" : ",").append("{\"role\":\"user\",\"content\":\"write a poem about tapirs\"},")
                        .append("{\"role\":\"assistant\",\"content\":\"").append(reply).append("\"}");
                if (turn == 7) {
                    answer = reply.substring(0, 5_000);
                }
            }
            answers.add(answer);
            prompt.append(",{\"role\":\"user\",\"content\":\"Prepend AbCdEfGhIj to the 8th poem about tapirs.\"}]");
            values.append(row == 0 ? "" : ", ").append("(").append(ParquetFixture.text(prompt.toString())).append(", ")
                    .append(ParquetFixture.text("AbCdEfGhIj" + answer)).append(", 'AbCdEfGhIj', 8::BIGINT)");
        }
        ParquetFixture.write(file, "SELECT * FROM (VALUES " + values + ") AS t(prompt, answer, random_string_to_prepend, n_needles)");
        Suite suite = SuiteRegistry.byId("mrcr");
        Object options = SuiteOptions.restore(suite, Map.of("--dataset", file.toString()));
        SuiteContext context = new SuiteContext(0, options, dir);
        long t0 = System.nanoTime();
        List<Task> tasks = suite.prepare(context).tasks();
        System.out.printf(Locale.ROOT, "prepare (stream + count %d rows): %.1f s; max heap %d MB%n", tasks.size(),
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        MrcrGrader grader = new MrcrGrader();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            answer = answers.get(i);
            long t1 = System.nanoTime();
            List<ChatMessage> messages = suite.messages(task, context);
            long read = System.nanoTime() - t1;
            String reply = "AbCdEfGhIj" + answer.substring(0, 4_500) + " a slightly different ending";
            long t2 = System.nanoTime();
            double score = grader.grade(reply, task.expected()).score();
            System.out.printf(Locale.ROOT, "%-22s %,d prompt tokens, %d messages: read %.0f ms, graded %.0f ms (ratio %.4f)%n",
                    task.id(), Long.parseLong(task.meta().get("targetTokens")), messages.size(), read / 1e6,
                    (System.nanoTime() - t2) / 1e6, score);
        }
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap (sum of pools' peaks): %d MB%n", peak >> 20);
    }
}
