///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.claimcheck:audit-core:0.1.0-SNAPSHOT

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Writes a benchmark root of N run folders for perf/site-bench.sh: each is a copy of a simulated
 * template run (samples.jsonl kept) with its own run id, model, lane, workload and metrics.
 * Every run stays "simulated": true.
 *
 *   ./jbang perf/SiteBenchRoot.java TEMPLATE_RUN_DIR OUT_ROOT [N=1000]
 */
class SiteBenchRoot {
    public static void main(String... args) throws Exception {
        Path template = Path.of(args[0]);
        Path root = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        ObjectNode base = (ObjectNode) Json.mapper().readTree(template.resolve("run.json").toFile());
        byte[] samples = Files.readAllBytes(template.resolve("samples.jsonl"));
        Random rnd = new Random(42);
        String[] workloads = {"arith", "math"};
        String[] lanes = {"instant", "thinking"};
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String workload = workloads[i % 2];
            String lane = lanes[(i / 2) % 2];
            int model = i / 4;
            String slug = String.format(Locale.ROOT, "bench--model-%03d", model);
            String runId = String.format(Locale.ROOT, "20261129T%06dZ-%08x", 100000 + i % 100000, i);
            ObjectNode m = base.deepCopy();
            m.put("runId", runId).put("lane", lane).put("workload", workload);
            ((ObjectNode) m.get("suite")).put("id", workload + "-bench");
            ((ObjectNode) m.get("model")).put("id", "bench/Model-" + model).put("slug", slug);
            ObjectNode x = (ObjectNode) m.get("metrics");
            double score = Math.min(1, Math.max(0, 0.3 + 0.6 * rnd.nextDouble()));
            double half = 0.02 + 0.08 * rnd.nextDouble();
            double tokens = (lane.equals("thinking") ? 2000 : 200) * (0.5 + rnd.nextDouble() * 4);
            x.put("score", score).put("ci95Low", Math.max(0, score - half)).put("ci95High", Math.min(1, score + half));
            ((ObjectNode) x.get("outputTokens")).put("mean", tokens);
            x.put("scorePer1kOutputTokens", score * 1000 / tokens);
            Path dir = root.resolve("results/runs").resolve(slug).resolve(workload).resolve(workload + "-bench").resolve(runId);
            Files.createDirectories(dir);
            Files.write(dir.resolve("run.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
            Files.write(dir.resolve("samples.jsonl"), samples);
        }
        long files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).count();
        }
        System.out.printf(Locale.ROOT, "wrote %d runs (%d files) under %s in %.1f s%n", n, files, root, (System.nanoTime() - t0) / 1e9);
    }
}
