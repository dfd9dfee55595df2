package dev.claimcheck.core.serving;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.run.Shard;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.SummaryCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the run folders of {@code bench --shard i/n} (one per client machine) into one throughput run: the records
 * of every shard, each point's times moved onto the earliest shard's clock (by the wall-clock start each record
 * carries), and the metrics recomputed from all of them — percentiles exactly as if one client had sent everything,
 * windows and rates as exact as the machines' clocks agree (NTP: about a millisecond).
 */
public final class ShardMerge {
    private final Clock clock;

    public ShardMerge(Clock clock) {
        this.clock = clock;
    }

    /** @param root where the merged run goes (null: the first shard's root) */
    public AuditOutcome merge(List<Path> shardDirs, Path root) {
        if (shardDirs.size() < 2) {
            throw new BadInputException("--merge needs the run folders of at least two shards");
        }
        List<RunManifest> manifests = new ArrayList<>();
        Map<Integer, Path> byShard = new TreeMap<>();
        Integer count = null;
        for (Path dir : shardDirs) {
            RunManifest m = RunManifestStore.read(new RunFolder(dir));
            String spec = m.suite().options().get("--shard");
            if (m.workload() != Workload.THROUGHPUT || spec == null) {
                throw new BadInputException(dir + " is not a bench shard (no --shard in suite.options)");
            }
            if (m.status() != RunStatus.COMPLETE) {
                throw new BadInputException(dir + " is not complete (status " + m.status().id() + ")");
            }
            Shard shard = Shard.parse(spec);
            if (count != null && shard.count() != count) {
                throw new BadInputException(dir + " is shard " + spec + " but another folder has " + count + " shards");
            }
            count = shard.count();
            if (byShard.put(shard.index(), dir) != null) {
                throw new BadInputException("shard " + spec + " is given twice");
            }
            if (!manifests.isEmpty() && !sameRun(manifests.get(0), m)) {
                throw new BadInputException(dir + " was run with other options, seed or model than " + shardDirs.get(0));
            }
            manifests.add(m);
        }
        if (byShard.size() != count) {
            throw new BadInputException("shards " + byShard.keySet() + " of " + count + " given: all are needed");
        }
        List<Sample> all = new ArrayList<>();
        for (Path dir : byShard.values()) {
            all.addAll(Journal.readAll(new RunFolder(dir)));
        }
        List<Sample> merged = onOneClock(all);
        RunManifest first = RunManifestStore.read(new RunFolder(byShard.get(0)));
        Root target = new Root(root != null ? root : Root.containing(byShard.get(0)) != null
                ? Root.containing(byShard.get(0)) : byShard.get(0).getParent());
        String runId = RunIds.next(clock.instant());
        RunFolder folder = target.runFolder(first.model().slug(), Workload.THROUGHPUT, first.suite().id(), runId);
        Map<String, String> options = new TreeMap<>(first.suite().options());
        options.remove("--shard");
        options.put("--merged-shards", Integer.toString(count));
        Metrics metrics = RunMetrics.of(merged, ThroughputFigures.INSTANCE);
        String started = manifests.stream().map(RunManifest::startedAt).min(Comparator.naturalOrder()).orElse(null);
        boolean simulated = manifests.stream().anyMatch(RunManifest::simulated);
        RunManifest out = new RunManifest(RunManifest.SCHEMA, runId, RunStatus.COMPLETE, simulated, first.lane(),
                Workload.THROUGHPUT, new RunManifest.SuiteRef(first.suite().id(), first.suite().version(),
                        first.suite().dataset(), options), first.model(), first.endpoint(), first.hardware(), first.request(),
                first.harness(), null, null, started, clock.instant().toString(), null, metrics, null, null)
                .withSecretsRedacted(manifests.stream().mapToLong(m -> m.secretsRedacted() == null ? 0 : m.secretsRedacted()).sum());
        try {
            Files.createDirectories(folder.dir());
            RunManifestStore.write(folder, out);
            try (Journal journal = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, clock)) {
                merged.forEach(journal::append);
            }
            for (String f : new String[] {ServingBench.PROMETHEUS_BEFORE, ServingBench.PROMETHEUS_AFTER, ServingBench.ENGINE_INFO}) {
                Path from = byShard.get(0).resolve(f);
                if (Files.isRegularFile(from)) {
                    Files.copy(from, folder.dir().resolve(f), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new RunFailedException("cannot write the merged run " + folder.dir() + ": " + e.getMessage(), e);
        }
        SummaryCsv.write(folder, metrics, ThroughputFigures.INSTANCE, simulated);
        return new AuditOutcome(folder, out, null, null);
    }

    /** Each point's records moved onto the clock of the shard that started that point first; sorted by task id. */
    static List<Sample> onOneClock(List<Sample> samples) {
        Map<Integer, Long> start = new HashMap<>();
        for (Sample s : samples) {
            LoadRecord r = s.load();
            if (r == null || r.epochUs() == null) {
                throw new BadInputException("sample " + s.taskId() + " has no wall-clock start: not a mergeable shard record");
            }
            start.merge(r.point().index(), r.epochUs(), Math::min);
        }
        List<Sample> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            LoadRecord r = s.load();
            long base = start.get(r.point().index());
            LoadRecord moved = r.shifted(r.epochUs() - base, base, r.shard());
            out.add(new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                    s.response(), s.usage(), s.timing(), s.verdict(), s.error(), s.retries(), s.transcript(), moved));
        }
        out.sort(Comparator.comparing(Sample::taskId));
        return out;
    }

    /** Shards of one bench share everything but the shard. */
    private static boolean sameRun(RunManifest a, RunManifest b) {
        Map<String, String> oa = new TreeMap<>(a.suite().options());
        Map<String, String> ob = new TreeMap<>(b.suite().options());
        oa.remove("--shard");
        ob.remove("--shard");
        oa.remove("--base-url");
        ob.remove("--base-url");
        return oa.equals(ob) && a.model().id().equals(b.model().id()) && a.simulated() == b.simulated();
    }
}
