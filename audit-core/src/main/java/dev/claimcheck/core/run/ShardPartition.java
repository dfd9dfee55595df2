package dev.claimcheck.core.run;

import dev.claimcheck.core.model.RunManifest.ShardRef;
import dev.claimcheck.core.model.Task;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which (task, attempt) pairs an {@code audit --shard i/n} run sends: the pairs of the full task list (after --limit,
 * in dataset or generator order, before tasks too long for the served context are skipped) are numbered
 * {@code task index × k + attempt}, and shard i takes the numbers ≡ i (mod n). The rule needs nothing but the seed's
 * task list, so it is the same on every machine, on resume and whatever the thread timing; neighbouring pairs go to
 * different shards, which spreads the hard and slow tasks of a sorted dataset evenly.
 */
public final class ShardPartition {
    /** The rule's id, recorded in run.json {@code shard.rule}; a new rule gets a new id. */
    public static final String RULE = "pairModN/v1";

    private final Shard shard;
    private final int k;
    private final Map<String, Integer> index;
    private final String taskIdsSha256;

    private ShardPartition(Shard shard, int k, Map<String, Integer> index, String taskIdsSha256) {
        this.shard = Objects.requireNonNull(shard, "shard");
        this.k = k;
        this.index = index;
        this.taskIdsSha256 = taskIdsSha256;
    }

    /** The partition of {@code tasks} × {@code k} for one shard. */
    public static ShardPartition of(Shard shard, List<Task> tasks, int k) {
        Map<String, Integer> index = new HashMap<>(tasks.size() * 2);
        for (int i = 0; i < tasks.size(); i++) {
            index.put(tasks.get(i).id(), i);
        }
        return new ShardPartition(shard, k, index, taskIdsSha256(tasks.stream().map(Task::id)));
    }

    /**
     * SHA-256 (hex) over the task ids, sorted, one per line: the same for every shard of a run, and recomputable from a
     * merged run's samples, whose task ids arrive sorted.
     */
    public static String taskIdsSha256(Stream<String> ids) {
        Hasher hasher = new Hasher();
        ids.sorted().forEach(hasher::add);
        return hasher.hex();
    }

    /** {@link #taskIdsSha256} fed one id at a time, in sorted order, without holding them. */
    public static final class Hasher {
        private final MessageDigest digest;

        public Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public void add(String id) {
            digest.update(id.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    public Shard shard() {
        return shard;
    }

    /** Whether this shard runs the attempt; a task outside the full list is nobody's. */
    public boolean owns(String taskId, int attempt) {
        Integer i = index.get(taskId);
        return i != null && attempt >= 0 && attempt < k && shard.owns((long) i * k + attempt);
    }

    /** Whether this shard runs any attempt of the task. */
    public boolean ownsAny(String taskId) {
        for (int a = 0; a < k && a < shard.count(); a++) {
            if (owns(taskId, a)) {
                return true;
            }
        }
        return false;
    }

    /** How many pairs of the full list this shard runs. */
    public long pairs() {
        long total = (long) index.size() * k;
        return total / shard.count() + (shard.index() < total % shard.count() ? 1 : 0);
    }

    /** What run.json records of the partition. */
    public ShardRef ref() {
        return new ShardRef(RULE, shard.index(), shard.count(), taskIdsSha256, index.size(), pairs());
    }

    /** @return the mismatch, or null when the recorded partition is this one (resume) */
    public String differsFrom(ShardRef recorded) {
        ShardRef mine = ref();
        if (!mine.rule().equals(recorded.rule())) {
            return "partition rule " + recorded.rule() + " is not this harness's " + RULE;
        }
        if (!mine.taskIdsSha256().equals(recorded.taskIdsSha256()) || mine.tasks() != recorded.tasks()) {
            return "the task list hashes to " + mine.taskIdsSha256() + " (" + mine.tasks() + " tasks), the shard recorded "
                    + recorded.taskIdsSha256() + " (" + recorded.tasks() + " tasks)";
        }
        return null;
    }
}
