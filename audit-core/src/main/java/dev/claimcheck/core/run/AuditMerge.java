package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.MergedShards;
import dev.claimcheck.core.model.RunManifest.ShardCitation;
import dev.claimcheck.core.model.RunManifest.ShardRef;
import dev.claimcheck.core.model.RunManifest.TaskList;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.proof.Proofs;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.StreamedJournal;
import dev.claimcheck.core.store.SummaryCsv;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.stream.Stream;

/**
 * {@code audit --merge RUN_DIR...}: one run made of the signed shards of an {@code audit --shard i/n} run, whose samples
 * are their union and whose metrics are recomputed from all of them with {@link RunMetrics} — the same numbers, bit for
 * bit, as the run made in one piece, since metrics are computed in the canonical order. The merged run cites each
 * shard's MANIFEST and signature; a missing, repeated or foreign shard is refused with its verify finding id.
 *
 * <p>Memory is bounded by the largest shard: each shard is read, sorted and spilled to a temporary file in turn, the
 * sorted files are merged one sample per shard at a time into the new journal, and metrics and proofs stream over that
 * journal from disk (docs/scale-out.md).
 */
public final class AuditMerge {
    private final Clock clock;
    private final long journalPartLimit;

    public AuditMerge(Clock clock, long journalPartLimit) {
        this.clock = clock;
        this.journalPartLimit = journalPartLimit;
    }

    /** @param root where the merged run goes (null: the shards' root, which must be the same for all) */
    public AuditOutcome merge(List<Path> shardDirs, Path root) {
        if (shardDirs.isEmpty()) {
            throw new BadInputException("--merge needs the run folders of the shards");
        }
        List<ShardCoverage.Member> members = new ArrayList<>();
        for (Path dir : shardDirs) {
            members.add(new ShardCoverage.Member(dir.toString(), RunManifestStore.read(new RunFolder(dir))));
        }
        refuse(ShardCoverage.ofManifests(members));
        Root target = new Root(root != null ? root : rootOf(shardDirs.get(0)));
        List<Path> dirs = new ArrayList<>(shardDirs);
        List<RunManifest> manifests = new ArrayList<>(members.stream().map(ShardCoverage.Member::manifest).toList());
        List<ShardCitation> citations = new ArrayList<>();
        for (int i = 0; i < dirs.size(); i++) {
            citations.add(cite(dirs.get(i), manifests.get(i), target));
        }
        citations.sort(Comparator.comparingInt(ShardCitation::index));
        RunManifest first = manifests.stream().filter(m -> m.shard().index() == 0).findFirst().orElseThrow();
        ShardRef partition = first.shard();
        Figures figures = SuiteRegistry.figures(first.workload());

        String runId = RunIds.next(clock.instant());
        RunFolder folder = target.runFolder(first.model().slug(), first.workload(), first.suite().id(), runId);
        Path spill = null;
        try {
            Files.createDirectories(folder.dir());
            spill = Files.createTempDirectory("claimcheck-merge-");
            List<Path> sorted = new ArrayList<>();
            for (int i = 0; i < dirs.size(); i++) {
                sorted.add(spillSorted(dirs.get(i), spill.resolve(i + ".jsonl")));
            }
            ShardCoverage.Union union = new ShardCoverage.Union(partition, first.request().k());
            StreamedJournal.write(folder, new SortedMerge(sorted, dirs, union), journalPartLimit);
            refuse(union.finish());
        } catch (IOException e) {
            throw new RunFailedException("cannot write the merged run " + folder.dir() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(folder.dir());
            throw e;
        } finally {
            deleteQuietly(spill);
        }

        StreamedJournal samples = StreamedJournal.of(folder);
        Metrics metrics = RunMetrics.of(samples, figures);
        String started = manifests.stream().map(RunManifest::startedAt).min(Comparator.naturalOrder()).orElse(null);
        long redacted = manifests.stream().mapToLong(m -> m.secretsRedacted() == null ? 0 : m.secretsRedacted()).sum();
        RunManifest out = new RunManifest(RunManifest.SCHEMA, runId, RunStatus.COMPLETE, first.simulated(), first.lane(),
                first.workload(), first.suite(), first.model(), first.endpoint(), first.hardware(), first.request(),
                first.harness(), first.recipe(), first.claimRef(), started, clock.instant().toString(), null, metrics, null,
                null, redacted, null, new MergedShards(partition.rule(), partition.count(), partition.taskIdsSha256(),
                partition.tasks(), citations), first.regradeOf())
                .withTasks(new TaskList(partition.tasks(), partition.taskIdsSha256())); // union.finish() checked the ids
        out = out.withProofs(Proofs.write(target, out, samples));
        RunManifestStore.write(folder, out);
        SummaryCsv.write(folder, metrics, figures, out.simulated());
        return new AuditOutcome(folder, out, null, null);
    }

    private static void refuse(List<ShardCoverage.Gap> gaps) {
        if (!gaps.isEmpty()) {
            throw new BadInputException("cannot merge: " + gaps.get(0).line()
                    + (gaps.size() > 1 ? " (and " + (gaps.size() - 1) + " more)" : ""));
        }
    }

    private static Path rootOf(Path shardDir) {
        Path root = Root.containing(shardDir);
        if (root == null) {
            throw new BadInputException(shardDir + " is not inside a root's results/runs/: give --root");
        }
        return root;
    }

    /** A shard cited by its folder (relative to the root verify will read) and the hashes of its MANIFEST and signature. */
    private static ShardCitation cite(Path dir, RunManifest m, Root target) {
        Path manifest = dir.resolve(Manifest.FILE);
        Path signature = dir.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(signature)) {
            throw new BadInputException("cannot merge: unsigned: " + dir + " has no MANIFEST.sig; sign every shard first"
                    + " (./jbang sign@. RUN_DIR --key KEY): the merged run cites each shard's signature");
        }
        Path abs = dir.toAbsolutePath().normalize();
        Path rootDir = target.dir().toAbsolutePath().normalize();
        if (!abs.startsWith(rootDir)) {
            throw new BadInputException("cannot merge: " + dir + " is not inside the root " + target.dir()
                    + ", where verify must find it");
        }
        try {
            return new ShardCitation(m.shard().index(), m.runId(), rootDir.relativize(abs).toString().replace('\\', '/'),
                    PromptHash.sha256Hex(Files.readAllBytes(manifest)), PromptHash.sha256Hex(Files.readAllBytes(signature)),
                    m.shard().pairs());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    /** One shard's samples, sorted in canonical order, written to {@code to}; only this shard is in memory. */
    private static Path spillSorted(Path shardDir, Path to) {
        List<Sample> samples = Journal.readAll(new RunFolder(shardDir));
        samples.sort(AttemptKey.SAMPLE_ORDER);
        try {
            Files.createDirectories(to);
        } catch (IOException e) {
            throw new RunFailedException("cannot spill " + shardDir + ": " + e.getMessage(), e);
        }
        StreamedJournal.write(new RunFolder(to), samples.iterator(), Long.MAX_VALUE);
        return to;
    }

    /** The k-way merge of the spilled shards, holding one sample per shard; feeds each key to the coverage check. */
    private static final class SortedMerge implements Iterator<Sample> {
        private record Head(Sample sample, Iterator<Sample> rest, String from) {
        }

        private final PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::sample, AttemptKey.SAMPLE_ORDER));
        private final ShardCoverage.Union union;

        SortedMerge(List<Path> spilled, List<Path> names, ShardCoverage.Union union) {
            this.union = union;
            for (int i = 0; i < spilled.size(); i++) {
                Iterator<Sample> it = StreamedJournal.of(new RunFolder(spilled.get(i))).iterator();
                if (it.hasNext()) {
                    heads.add(new Head(it.next(), it, names.get(i).toString()));
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Sample next() {
            Head h = heads.poll();
            if (h == null) {
                throw new NoSuchElementException();
            }
            if (h.rest().hasNext()) {
                heads.add(new Head(h.rest().next(), h.rest(), h.from()));
            }
            union.add(h.sample().key(), h.from());
            return h.sample();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
