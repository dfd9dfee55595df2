package dev.claimcheck.core.verify;

import dev.claimcheck.core.store.RootWalk;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A problem with a root as a whole rather than one run folder (docs/verification.md, "Root findings"): a symbolic
 * link or special file in the root, or a broken claims ledger or recipe.
 *
 * @param kind what was found; it carries the stable id and whether it is only a warning
 * @param path the file concerned, relative to the root
 * @param detail one line of explanation
 */
public record LedgerFinding(Kind kind, String path, String detail) {
    /** Every kind of root finding, in the order of docs/verification.md's "Root findings" table. */
    public enum Kind {
        /** A symbolic link under results/, proofs/ or audit-scripts/recipes/ (or audit-scripts itself): never followed. */
        SYMLINK_IN_ROOT(RootWalk.Unsafe.SYMLINK),
        /** A FIFO, socket or device under those trees: never read. */
        NOT_REGULAR_FILE_IN_ROOT(RootWalk.Unsafe.NOT_REGULAR),
        /** A claims file that does not read as claimcheck/claims/v1. */
        CLAIMS_SCHEMA("claimsSchema"),
        /** A claims file not at results/claims/&lt;model.slug&gt;.json, or whose slug is not that of its model id. */
        CLAIMS_FILE_MISNAMED("claimsFileMisnamed"),
        /** A claim without an http(s) source URL and a dated source. */
        CLAIM_UNSOURCED("claimUnsourced"),
        /** A claim whose metric is not in the vocabulary of docs/claims.md. */
        CLAIM_UNKNOWN_METRIC("claimUnknownMetric"),
        /** A recipe that does not read as claimcheck/recipe/v1. */
        RECIPE_SCHEMA("recipeSchema"),
        /** A recipe not at audit-scripts/recipes/&lt;slug of model&gt;/&lt;claim.id&gt;.json. */
        RECIPE_MISPLACED("recipeMisplaced"),
        /** The recipe's claim file is absent or unreadable, lacks the claim, or belongs to another model. */
        RECIPE_CLAIM_MISSING("recipeClaimMissing"),
        /** The recipe names a suite this harness does not have. */
        RECIPE_UNKNOWN_SUITE("recipeUnknownSuite"),
        /** A recipe whose dataset hashes are not pinned yet: a warning, reported only. */
        RECIPE_UNPINNED("recipeUnpinned", true);

        private final String id;
        private final boolean warning;

        Kind(String id) {
            this(id, false);
        }

        Kind(String id, boolean warning) {
            this.id = id;
            this.warning = warning;
        }

        /** Stable camelCase id, printed in every line and asserted by tests. */
        public String id() {
            return id;
        }

        /** Reported only; any other root finding fails verify. */
        public boolean warning() {
            return warning;
        }

        /** The kind with this id (a {@link RootWalk.Unsafe} entry carries its id as a string). */
        static Kind of(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("undocumented ledger finding id " + id));
        }
    }

    /** Every ledger finding id, as documented. */
    public static final List<String> IDS = Arrays.stream(Kind.values()).map(Kind::id).toList();

    public LedgerFinding {
        Objects.requireNonNull(kind, "kind");
    }

    public String id() {
        return kind.id();
    }

    public boolean warning() {
        return kind.warning();
    }

    /** {@code FAIL <id>: <path>: <detail>} (WARN for warnings). */
    public String line() {
        return (warning() ? "WARN " : "FAIL ") + id() + ": " + path + ": " + detail;
    }
}
