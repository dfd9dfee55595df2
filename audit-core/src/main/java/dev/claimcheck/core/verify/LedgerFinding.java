package dev.claimcheck.core.verify;

import dev.claimcheck.core.store.RootWalk;

/**
 * A problem with a root as a whole rather than one run folder (docs/verification.md, "Root findings"): a symbolic
 * link or special file in the root, or a broken claims ledger or recipe. A stable camelCase id, the file (relative to
 * the root) and one line.
 *
 * @param warning reported only (an unpinned recipe); anything else fails verify
 */
public record LedgerFinding(String id, String path, String detail, boolean warning) {
    /** Every ledger finding id, as documented. */
    public static final java.util.List<String> IDS = java.util.List.of(RootWalk.Unsafe.SYMLINK,
            RootWalk.Unsafe.NOT_REGULAR, "claimsSchema", "claimsFileMisnamed",
            "claimUnsourced", "claimUnknownMetric", "recipeSchema", "recipeMisplaced", "recipeClaimMissing",
            "recipeUnknownSuite", "recipeUnpinned");

    public LedgerFinding {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("undocumented ledger finding id " + id);
        }
    }

    /** {@code FAIL <id>: <path>: <detail>} (WARN for warnings). */
    public String line() {
        return (warning ? "WARN " : "FAIL ") + id + ": " + path + ": " + detail;
    }
}
