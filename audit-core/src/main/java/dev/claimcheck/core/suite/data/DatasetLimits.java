package dev.claimcheck.core.suite.data;

/**
 * Bounds for parsing a dataset file, which is untrusted input (docs/architecture.md §1).
 *
 * @param maxFileBytes the largest file read at all
 * @param maxLineChars the longest physical line of a JSONL or CSV file (JSON arrays are often one line)
 * @param maxDepth the deepest JSON nesting accepted
 * @param maxRows the most rows a dataset may have
 */
public record DatasetLimits(long maxFileBytes, int maxLineChars, int maxDepth, int maxRows) {
    /** 64 MiB, 1 MiB lines, depth 32, 100,000 rows: far above any competition set. */
    public static final DatasetLimits DEFAULT = new DatasetLimits(64L << 20, 1 << 20, 32, 100_000);

    public DatasetLimits {
        if (maxFileBytes < 1 || maxLineChars < 1 || maxDepth < 2 || maxRows < 1) {
            throw new IllegalArgumentException("limits must be positive (depth at least 2)");
        }
    }
}
