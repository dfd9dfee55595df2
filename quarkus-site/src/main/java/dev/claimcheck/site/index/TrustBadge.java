package dev.claimcheck.site.index;

/**
 * A badge shown beside a run wherever it appears (docs/architecture.md §1, §7.2). Computed when the index is
 * built, never read from the run folder.
 *
 * @param kind stable id used in JSON, CSV and CSS: {@code simulated}, {@code verified}, {@code unverified}, {@code invalid}
 * @param label the short text on the badge
 * @param title the longer explanation (tooltip and screen readers)
 */
public record TrustBadge(String kind, String label, String title) {
    public static final TrustBadge SIMULATED = new TrustBadge("simulated", "SIM",
            "simulated: a harness self-test against the built-in simulator, not a model result");
    public static final TrustBadge UNVERIFIED = new TrustBadge("unverified", "unverified",
            "not signed, or the signature was not checked against allowed_signers");

    public static TrustBadge verified(String principals) {
        return new TrustBadge("verified", "✓", "signature verified: " + principals + " (key in allowed_signers), file hashes match");
    }

    public static TrustBadge invalid(String why) {
        return new TrustBadge("invalid", "!", "signature or hashes do not check: " + why);
    }
}
