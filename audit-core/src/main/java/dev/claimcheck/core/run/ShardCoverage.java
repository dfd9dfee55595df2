package dev.claimcheck.core.run;

import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.ShardRef;
import dev.claimcheck.core.model.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Whether a set of shard runs covers one audit's (task, attempt) pairs exactly once: the one rule {@code audit --merge}
 * refuses by and {@code verify} reports by, each gap under the id of its verify finding (docs/verification.md).
 */
public final class ShardCoverage {
    /** What can be wrong with a set of shards; the ids are verify's finding ids. */
    public enum Problem {
        /** A shard index is absent, a shard is not complete, or the samples do not reach every pair. */
        MISSING("shardMissing"),
        /** A shard index is given twice, or one pair is in two shards. */
        DUPLICATED("shardDuplicated"),
        /** A folder is not a shard of this run: another partition, task list, setting or seed, or not a shard at all. */
        FOREIGN("shardForeign");

        private final String id;

        Problem(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One gap in the coverage. */
    public record Gap(Problem problem, String detail) {
        public String line() {
            return problem.id() + ": " + detail;
        }
    }

    /** A shard run by the name to report it under (its folder) and its run.json. */
    public record Member(String name, RunManifest manifest) {
    }

    private ShardCoverage() {
    }

    /**
     * The gaps among the shards' run.json files: each must be a complete shard of the same run (the first one's
     * partition and settings), and the indices 0..n-1 must each be there once.
     */
    public static List<Gap> ofManifests(List<Member> members) {
        List<Gap> gaps = new ArrayList<>();
        RunManifest reference = null;
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        for (Member m : members) {
            ShardRef s = m.manifest().shard();
            if (s == null) {
                gaps.add(new Gap(Problem.FOREIGN, m.name() + " is not an audit shard (run.json has no shard)"));
                continue;
            }
            if (reference == null) {
                reference = m.manifest();
            } else {
                String differs = differs(reference, m.manifest());
                if (differs != null) {
                    gaps.add(new Gap(Problem.FOREIGN, m.name() + " is not a shard of the same run: " + differs));
                    continue;
                }
            }
            if (m.manifest().status() != RunStatus.COMPLETE) {
                gaps.add(new Gap(Problem.MISSING, m.name() + " (shard " + s.index() + "/" + s.count() + ") is not complete"
                        + " (status " + m.manifest().status().id() + "): resume it first"));
            }
            String before = byIndex.putIfAbsent(s.index(), m.name());
            if (before != null) {
                gaps.add(new Gap(Problem.DUPLICATED, "shard " + s.index() + "/" + s.count() + " is given twice: " + before
                        + " and " + m.name()));
            }
        }
        if (reference != null) {
            int count = reference.shard().count();
            List<Integer> absent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (!byIndex.containsKey(i)) {
                    absent.add(i);
                }
            }
            if (!absent.isEmpty()) {
                gaps.add(new Gap(Problem.MISSING, "shard(s) " + absent + " of " + count + " are not given: every shard is needed"));
            }
        }
        return gaps;
    }

    /** Why {@code b} is not a shard of the run {@code a} is a shard of; null when it is. */
    public static String differs(RunManifest a, RunManifest b) {
        ShardRef sa = a.shard();
        ShardRef sb = b.shard();
        if (!sa.rule().equals(sb.rule()) || sa.count() != sb.count()) {
            return "partition " + sb.rule() + " into " + sb.count() + ", not " + sa.rule() + " into " + sa.count();
        }
        if (!sa.taskIdsSha256().equals(sb.taskIdsSha256()) || sa.tasks() != sb.tasks()) {
            return "another task list (" + sb.tasks() + " tasks, " + sb.taskIdsSha256() + ")";
        }
        if (!a.model().id().equals(b.model().id()) || a.lane() != b.lane() || a.simulated() != b.simulated()) {
            return "another model, lane or endpoint kind";
        }
        if (!a.suite().id().equals(b.suite().id()) || !a.suite().version().equals(b.suite().version())
                || !a.suite().options().equals(b.suite().options())
                || !Objects.equals(a.suite().dataset() == null ? null : a.suite().dataset().sha256(),
                        b.suite().dataset() == null ? null : b.suite().dataset().sha256())) {
            return "another suite, suite version, suite options or dataset";
        }
        var ra = a.request();
        var rb = b.request();
        if (ra.k() != rb.k() || ra.seed() != rb.seed() || !Objects.equals(ra.limit(), rb.limit())
                || !Objects.equals(ra.template(), rb.template()) || !Objects.equals(ra.systemPrompt(), rb.systemPrompt())) {
            return "another k, seed, limit, request template or system prompt";
        }
        if (!Objects.equals(a.endpoint() == null ? null : a.endpoint().simulator(),
                b.endpoint() == null ? null : b.endpoint().simulator())) {
            return "other simulator options";
        }
        if (!Objects.equals(a.harness() == null ? null : a.harness().graders(), b.harness() == null ? null : b.harness().graders())) {
            return "other grader versions";
        }
        if (!Objects.equals(a.regradeOf(), b.regradeOf())) {
            return "a re-grade of another run";
        }
        return null;
    }

    /**
     * Checks the union of the shards' samples as it streams by in canonical order ({@link AttemptKey#ORDER}): no pair
     * twice, no attempt beyond k, and at the end exactly the full task list × k.
     */
    public static final class Union {
        private final ShardRef partition;
        private final int k;
        private final ShardPartition.Hasher ids = new ShardPartition.Hasher();
        private final List<Gap> gaps = new ArrayList<>();
        private AttemptKey previous;
        private long pairs;
        private int tasks;

        public Union(ShardRef partition, int k) {
            this.partition = partition;
            this.k = k;
        }

        /** The next pair of the union, from the shard named {@code from}. */
        public void add(AttemptKey key, String from) {
            if (previous != null && previous.equals(key)) {
                gaps.add(new Gap(Problem.DUPLICATED, "attempt " + key.taskId() + "#" + key.attempt() + " is in two shards (again in "
                        + from + ")"));
                return;
            }
            if (key.attempt() < 0 || key.attempt() >= k) {
                gaps.add(new Gap(Problem.FOREIGN, "attempt " + key.taskId() + "#" + key.attempt() + " in " + from
                        + " is beyond k = " + k));
            }
            if (previous == null || !previous.taskId().equals(key.taskId())) {
                ids.add(key.taskId());
                tasks++;
            }
            previous = key;
            pairs++;
        }

        /** The gaps found, with the final count and task-list check. */
        public List<Gap> finish() {
            long expected = (long) partition.tasks() * k;
            String hash = ids.hex();
            if (pairs < expected) {
                gaps.add(new Gap(Problem.MISSING, "the shards hold " + pairs + " of the run's " + expected + " (task, attempt) pairs"));
            } else if (!hash.equals(partition.taskIdsSha256()) || tasks != partition.tasks()) {
                gaps.add(new Gap(Problem.FOREIGN, "the shards' " + tasks + " task ids hash to " + hash + ", not the recorded "
                        + partition.taskIdsSha256()));
            }
            return List.copyOf(gaps);
        }
    }
}
