package dev.claimcheck.core.verify;

import dev.claimcheck.core.ClaimcheckException;
import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.MergedShards;
import dev.claimcheck.core.model.RunManifest.ShardCitation;
import dev.claimcheck.core.model.RunManifest.ShardRef;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.run.ShardCoverage;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.SampleCodec;
import dev.claimcheck.core.verify.Finding.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The shards of a run made by {@code audit --merge} (docs/verification.md, check {@code shards}): every cited shard is in
 * the root with the MANIFEST and signature cited, is a shard of this run and verifies; the shard indices and the
 * (task, attempt) pairs are each covered exactly once ({@link ShardCoverage}, the rule the merge refused by); and the
 * merged samples are the shards' own, byte for byte.
 */
final class ShardsCheck {
    private ShardsCheck() {
    }

    static void check(Path root, RunManifest merged, List<Sample> samples, List<Finding> findings,
                      Function<Path, RunReport> verifyShard) {
        MergedShards cited = merged.mergedShards();
        Findings.Collector out = new Findings.Collector();
        if (root == null) {
            out.add(new Finding(Kind.SHARD_MISSING, "the run is not in a root: its shards cannot be found"));
            findings.addAll(out.list());
            return;
        }
        Path rootDir = root.toAbsolutePath().normalize();
        List<ShardCoverage.Member> members = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (ShardCitation c : cited.shards()) {
            Path dir = rootDir.resolve(c.path()).normalize();
            String name = "shard " + c.index() + " (" + Findings.clip(c.path()) + ")";
            if (!dir.startsWith(rootDir)) {
                out.add(new Finding(Kind.SHARD_FOREIGN, name + " is cited outside the root"));
                continue;
            }
            if (!Files.isDirectory(dir)) {
                out.add(new Finding(Kind.SHARD_MISSING, name + " is not in the root"));
                continue;
            }
            RunManifest m;
            try {
                m = RunManifestStore.read(new RunFolder(dir));
            } catch (ClaimcheckException e) {
                out.add(new Finding(Kind.SHARD_FOREIGN, name + ": " + Findings.clip(e.getMessage())));
                continue;
            }
            if (!sameFile(dir.resolve(Manifest.FILE), c.manifestSha256()) || !sameFile(dir.resolve(Manifest.SIGNATURE), c.signatureSha256())) {
                out.add(new Finding(Kind.SHARD_FOREIGN, name + ": its MANIFEST or MANIFEST.sig is not the one cited"));
                continue;
            }
            if (m.shard() == null || m.shard().index() != c.index() || !m.runId().equals(c.runId())) {
                out.add(new Finding(Kind.SHARD_FOREIGN, name + " is not the shard cited (run id or index differ)"));
                continue;
            }
            String differs = ShardCoverage.differs(merged.withShard(asShard(cited, m.shard())), m);
            if (differs != null) {
                out.add(new Finding(Kind.SHARD_FOREIGN, name + " is not a shard of this run: " + differs));
                continue;
            }
            RunReport report = verifyShard.apply(dir);
            report.findings().stream().filter(f -> f.severity() == Finding.Severity.FAIL).findFirst().ifPresent(f ->
                    out.add(new Finding(Kind.SHARD_UNVERIFIED, name + " fails verification: " + f.id() + ": " + Findings.clip(f.detail()))));
            members.add(new ShardCoverage.Member(name, m));
            dirs.add(dir);
        }
        for (ShardCoverage.Gap gap : ShardCoverage.ofManifests(members)) {
            out.add(finding(gap));
        }
        if (members.size() == cited.shards().size() && !members.isEmpty()) {
            union(merged, cited, samples, members, dirs, out);
        }
        findings.addAll(out.list());
    }

    /** The merged samples are exactly the shards' samples, each pair once. */
    private static void union(RunManifest merged, MergedShards cited, List<Sample> samples, List<ShardCoverage.Member> members,
                              List<Path> dirs, Findings.Collector out) {
        Map<AttemptKey, Sample> byKey = new HashMap<>(samples.size() * 2);
        samples.forEach(s -> byKey.put(s.key(), s));
        Set<AttemptKey> seen = new HashSet<>(samples.size() * 2);
        TreeSet<AttemptKey> union = new TreeSet<>(AttemptKey.ORDER);
        for (int i = 0; i < dirs.size(); i++) {
            String name = members.get(i).name();
            List<Sample> shardSamples;
            try {
                shardSamples = Journal.readAll(new RunFolder(dirs.get(i)));
            } catch (ClaimcheckException e) {
                out.add(new Finding(Kind.SHARD_UNVERIFIED, name + ": " + Findings.clip(e.getMessage())));
                continue;
            }
            for (Sample s : shardSamples) {
                if (!seen.add(s.key())) {
                    out.add(new Finding(Kind.SHARD_DUPLICATED, "attempt " + Findings.clip(s.taskId()) + "#" + s.attempt()
                            + " is in two shards (again in " + name + ")"));
                    continue;
                }
                union.add(s.key());
                Sample m = byKey.get(s.key());
                if (m == null) {
                    out.add(new Finding(Kind.SHARD_MISSING, "attempt " + Findings.clip(s.taskId()) + "#" + s.attempt() + " of "
                            + name + " is not in the merged run"));
                } else if (!Arrays.equals(SampleCodec.encode(m), SampleCodec.encode(s))) {
                    out.add(new Finding(Kind.SHARD_FOREIGN, "attempt " + Findings.clip(s.taskId()) + "#" + s.attempt()
                            + " differs from " + name + "'s"));
                }
            }
        }
        for (Sample s : samples) {
            if (!seen.contains(s.key())) {
                out.add(new Finding(Kind.SHARD_FOREIGN, "attempt " + Findings.clip(s.taskId()) + "#" + s.attempt()
                        + " of the merged run is in no shard"));
            }
        }
        ShardCoverage.Union coverage = new ShardCoverage.Union(asShard(cited, members.get(0).manifest().shard()), merged.request().k());
        union.forEach(key -> coverage.add(key, "the shards"));
        coverage.finish().forEach(gap -> out.add(finding(gap)));
    }

    /** The merged run's recorded partition, as a shard of it would record it. */
    private static ShardRef asShard(MergedShards cited, ShardRef shard) {
        return new ShardRef(cited.rule(), shard.index(), cited.count(), cited.taskIdsSha256(), cited.tasks(), shard.pairs());
    }

    private static Finding finding(ShardCoverage.Gap gap) {
        Kind kind = switch (gap.problem()) {
            case MISSING -> Kind.SHARD_MISSING;
            case DUPLICATED -> Kind.SHARD_DUPLICATED;
            case FOREIGN -> Kind.SHARD_FOREIGN;
        };
        return new Finding(kind, Findings.clip(gap.detail()));
    }

    private static boolean sameFile(Path file, String sha256) {
        try {
            return Files.isRegularFile(file) && PromptHash.sha256Hex(Files.readAllBytes(file)).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }
}
