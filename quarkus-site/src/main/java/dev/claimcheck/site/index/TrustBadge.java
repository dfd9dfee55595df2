package dev.claimcheck.site.index;

import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.SignatureVerdict;
import dev.claimcheck.core.stats.Sentence;

/**
 * A badge shown beside a run wherever it appears (docs/architecture.md §1, §7.2). Computed when the index is
 * built, never read from the run folder.
 *
 * @param kind stable id used in JSON, CSV and CSS: {@code simulated}, {@code verified}, {@code unverified}, {@code invalid}
 * @param label the short text on the badge
 * @param why what the verifier said (the principals of a verified signature, why a check failed): the {0} of the
 *            badge's explanation {@code badge.KIND.title}, its tooltip and the run page's signature row
 */
public record TrustBadge(String kind, String label, Sentence why) {
    public static final TrustBadge SIMULATED = new TrustBadge("simulated", "SIM", Sentence.text(""));
    /** No MANIFEST.sig in the folder. */
    public static final TrustBadge UNVERIFIED = new TrustBadge("unverified", "unverified",
            new SignatureVerdict.Unsigned(Manifest.SIGNATURE).sentence());

    public static TrustBadge verified(String principals) {
        return new TrustBadge("verified", "✓", Sentence.text(principals));
    }

    /** A valid signature whose key allowed_signers does not accept (now). */
    public static TrustBadge untrusted(SignatureVerdict.Valid v) {
        return new TrustBadge("unverified", "unverified", v.sentence());
    }

    public static TrustBadge invalid(Sentence why) {
        return new TrustBadge("invalid", "!", why);
    }
}
