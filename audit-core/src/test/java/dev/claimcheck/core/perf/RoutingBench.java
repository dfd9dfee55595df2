package dev.claimcheck.core.perf;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RoutingAnalysis;
import dev.claimcheck.core.suite.data.DatasetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Prints how long the routing analysis takes on a GSM8K-sized pair of runs and on a large one, and how long the
 * recipe's dataset check (load + sha256 + answersSha256) takes on a GSM8K-sized file in the public layout.
 * A benchmark, not a test (no timed assertion): run as described in docs/routing.md.
 */
public final class RoutingBench {
    private RoutingBench() {
    }

    public static void main(String[] args) throws Exception {
        routing(1319, 1, 1, 20);
        routing(1319, 8, 8, 20);
        routing(20_000, 8, 8, 5);
        datasetCheck(1319, 20);
    }

    static void routing(int tasks, int kInstant, int kThinking, int reps) {
        List<Sample> instant = samples(tasks, kInstant, 0.6, 300, 1);
        List<Sample> thinking = samples(tasks, kThinking, 0.9, 3000, 2);
        RunManifest i = manifest("i", Lane.INSTANT);
        RunManifest t = manifest("t", Lane.THINKING);
        long sink = 0;
        for (int w = 0; w < 3; w++) {
            sink += RoutingAnalysis.of(i, instant, t, thinking).rows().size();
        }
        long[] ns = new long[reps];
        for (int r = 0; r < reps; r++) {
            long start = System.nanoTime();
            sink += RoutingAnalysis.of(i, instant, t, thinking).rows().size();
            ns[r] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "routing %6d tasks, k %d/%d (%7d samples): median %8.2f ms, max %8.2f ms (sink %d)%n",
                tasks, kInstant, kThinking, instant.size() + thinking.size(), ns[reps / 2] / 1e6, ns[reps - 1] / 1e6, sink);
    }

    static void datasetCheck(int rows, int reps) throws Exception {
        Path dir = Files.createTempDirectory("routing-bench");
        Path file = dir.resolve("test.jsonl");
        StringBuilder b = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int r = 0; r < rows; r++) {
            int a = rnd.nextInt(1, 5000);
            b.append("{\"question\": \"A shop sells ").append(a).append(" items on Monday and twice as many on Tuesday. "
                    + "How many items does it sell over the two days, given each day it also restocks some shelves?\", "
                    + "\"answer\": \"Tuesday: 2 * ").append(a).append(" = <<2*").append(a).append('=').append(2 * a)
                    .append(">>").append(2 * a).append(" items.\\nTotal: ").append(a).append(" + ").append(2 * a)
                    .append(" = ").append(3 * a).append("\\n#### ").append(String.format(Locale.ROOT, "%,d", 3 * a)).append("\"}\n");
        }
        Files.writeString(file, b);
        long[] ns = new long[reps];
        String sha = "";
        for (int r = 0; r < reps + 3; r++) {
            long start = System.nanoTime();
            var d = DatasetLoader.load(file, Map.of());
            sha = d.sha256() + d.answersSha256();
            if (r >= 3) {
                ns[r - 3] = System.nanoTime() - start;
            }
        }
        java.util.Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "dataset check (GSM8K layout, %d rows, %d KiB): median %.2f ms, max %.2f ms (%s…)%n",
                rows, Files.size(file) / 1024, ns[reps / 2] / 1e6, ns[reps - 1] / 1e6, sha.substring(0, 8));
    }

    static List<Sample> samples(int tasks, int k, double accuracy, int meanTokens, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(tasks * k);
        for (int t = 0; t < tasks; t++) {
            for (int a = 0; a < k; a++) {
                boolean ok = rnd.nextDouble() < accuracy;
                long tokens = 1 + rnd.nextInt(2 * meanTokens);
                String extracted = ok ? "7" : Integer.toString(rnd.nextInt(3));
                out.add(new Sample(Integer.toString(t), a, null, "h", null, null, new Response("x", null, null, "stop"),
                        new Usage(50, tokens, 0, 0), new Timing(1.0, 2.0, 2.0, 3.0, 5.0 + tokens),
                        new Verdict(ok, ok ? 1 : 0, extracted, "7", "math", "1", "bench"), null, null));
            }
        }
        return out;
    }

    static RunManifest manifest(String id, Lane lane) {
        return new RunManifest(RunManifest.SCHEMA, id, RunStatus.COMPLETE, false, lane, Workload.MATH,
                new RunManifest.SuiteRef("math", "1", new RunManifest.DatasetRef("d", "abc", "d", false, null), null),
                new RunManifest.ModelRef("m", "m", null), null, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
