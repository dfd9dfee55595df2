package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;

/**
 * Shard {@code index} of {@code count} ({@code --shard i/n}, 0 ≤ i < n): one machine's part of a run too large for one.
 * A bench shard sends its share of every point's concurrency, rate and requests, with request numbers
 * {@code local·n + i}, so the shards' prompts and task ids never collide; an audit shard runs the (task, attempt)
 * pairs {@link #owns} gives it ({@link ShardPartition}). Either way the shards' records merge into one run.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new BadInputException("--shard must be i/n with 0 <= i < n, got " + index + "/" + count);
        }
    }

    public static Shard parse(String spec) {
        String[] parts = spec.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--shard must be i/n with 0 <= i < n (e.g. 0/4), got '" + spec + "'");
    }

    /** This shard's part of {@code total} (the first {@code total % count} shards take one more). */
    public int share(int total) {
        return total / count + (index < total % count ? 1 : 0);
    }

    /** The run-wide request number of this shard's {@code local}-th request. */
    public int global(int local) {
        return local * count + index;
    }

    /** Whether the {@code number}-th item of a run-wide sequence (a request, a (task, attempt) pair) is this shard's. */
    public boolean owns(long number) {
        return number % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
