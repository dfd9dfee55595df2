package dev.claimcheck.core.perf;

import dev.claimcheck.core.cli.AuditRunner;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.ShardRef;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.SigningKeys;
import dev.claimcheck.core.run.AuditMerge;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.run.Shard;
import dev.claimcheck.core.run.ShardPartition;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.StreamedJournal;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code audit --merge} of many shards (issue #26 quality bar): builds {@code shards} signed arith shard folders holding
 * {@code samples} attempts in all (k = 1; sample lines cloned from one real simulated attempt, verdicts seeded), then
 * merges them once and prints the time and the peak heap, beside the peak heap of reading the largest shard alone and of
 * reading every sample at once (what an in-memory merge would hold). A benchmark, not a test; run it as
 * docs/scale-out.md says, with a small {@code -Xmx} to show the bound.
 */
public final class AuditMergeBench {
    private AuditMergeBench() {
    }

    public static void main(String[] args) throws Exception {
        int shards = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("claimcheck-merge-bench");
        Path root = dir.resolve("root");
        Path key = dir.resolve("bench_key");
        if (new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "bench@example.org", "-f", key.toString())
                .inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed");
        }
        var template = AuditRunner.audit("arith", "--base-url", "sim", "--problems", "1", "--shard", "0/1", "--root", root.toString());
        if (template.exitCode() != 0) {
            throw new IllegalStateException(template.err());
        }
        RunManifest base = template.manifest();
        Sample line = Journal.readAll(new RunFolder(template.runDir())).get(0);
        deleteTree(template.runDir());

        List<String> ids = IntStream.range(0, samples).mapToObj(i -> String.format(Locale.ROOT, "arith-%06d", i)).toList();
        String hash = ShardPartition.taskIdsSha256(ids.stream());
        Random random = new Random(26);
        List<Path> dirs = new ArrayList<>();
        long largest = 0;
        for (int s = 0; s < shards; s++) {
            Shard shard = new Shard(s, shards);
            List<Sample> mine = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                if (shard.owns(i)) {
                    boolean correct = random.nextDouble() < 0.7;
                    Verdict v = line.verdict();
                    mine.add(new Sample(ids.get(i), 0, line.messages(), line.promptSha256(), line.targetTokens(), line.request(),
                            line.response(), line.usage(), line.timing(), new Verdict(correct, correct ? 1 : 0, v.extracted(),
                            v.expected(), v.grader(), v.graderVersion(), v.detail()), null, line.retries(), null, null));
                }
            }
            java.util.Collections.shuffle(mine, random); // a shard's journal is in the order its attempts finished
            largest = Math.max(largest, mine.size());
            String runId = String.format(Locale.ROOT, "20261204T180000Z-%08x", s);
            RunFolder folder = new Root(root).runFolder(base.model().slug(), base.workload(), base.suite().id(), runId);
            Files.createDirectories(folder.dir());
            StreamedJournal.write(folder, mine.iterator(), Journal.DEFAULT_PART_LIMIT);
            RunManifest m = new RunManifest(base.schema(), runId, base.status(), base.simulated(), base.lane(), base.workload(),
                    base.suite(), base.model(), base.endpoint(), base.hardware(), base.request(), base.harness(), null, null,
                    base.startedAt(), base.finishedAt(), null, base.metrics(), null, null, null,
                    new ShardRef(ShardPartition.RULE, s, shards, hash, samples, mine.size()), null, null);
            RunManifestStore.write(folder, m);
            Signer.sign(folder.dir(), SigningKeys.open(key), false);
            dirs.add(folder.dir());
        }
        System.out.printf(Locale.ROOT, "%d shards, %d samples, largest shard %d samples, max heap %d MiB%n",
                shards, samples, largest, Runtime.getRuntime().maxMemory() >> 20);

        Path biggest = dirs.get(0);
        long shardHeap = liveHeap(() -> Journal.readAll(new RunFolder(biggest)));
        System.out.printf(Locale.ROOT, "the largest shard's samples in memory: %.1f MiB live%n", shardHeap / 1048576.0);

        long t0 = System.nanoTime();
        AuditOutcome[] outcome = new AuditOutcome[1];
        long mergeHeap = peakHeap(() -> {
            outcome[0] = new AuditMerge(Clock.systemUTC(), Journal.DEFAULT_PART_LIMIT).merge(dirs, root);
            return 0;
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "merge: %.1f s, peak heap %d MiB (pool peaks, garbage included), score %.4f over %d attempts%n", seconds,
                mergeHeap >> 20, outcome[0].manifest().metrics().score(), outcome[0].manifest().metrics().attempts());
        if (args.length > 2 && args[2].equals("--all-in-memory")) {
            try {
                long all = liveHeap(() -> dirs.stream().map(d -> Journal.readAll(new RunFolder(d))).toList());
                System.out.printf(Locale.ROOT, "every shard's samples in memory (an in-memory merge): %.1f MiB live%n", all / 1048576.0);
            } catch (OutOfMemoryError e) {
                System.out.printf(Locale.ROOT, "reading every shard at once (an in-memory merge): OutOfMemoryError at max heap %d MiB%n",
                        Runtime.getRuntime().maxMemory() >> 20);
            }
        }
        deleteTree(dir);
    }

    /** Peak heap used while {@code work} runs, after a GC; the result is kept live until the peak is read. */
    private static long peakHeap(java.util.function.IntSupplier work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        int kept = work.getAsInt();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (kept < 0) {
            System.out.println(kept);
        }
        return peak;
    }

    /** Heap still used, after a GC, by what {@code hold} returns. */
    private static long liveHeap(java.util.function.Supplier<Object> hold) {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        Object held = hold.get();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        if (held.hashCode() == 42) {
            System.out.print(""); // keeps held reachable until measured
        }
        return after - before;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
