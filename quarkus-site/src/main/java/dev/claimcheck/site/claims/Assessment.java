package dev.claimcheck.site.claims;

import dev.claimcheck.core.model.Claim;
import dev.claimcheck.core.model.ClaimVerdict;
import dev.claimcheck.core.model.ClaimsFile;
import dev.claimcheck.core.model.RecipeSpec;
import dev.claimcheck.core.stats.ClaimAssessment;
import dev.claimcheck.site.index.RunEntry;
import java.util.Optional;

/**
 * A claim of the ledger beside the run it was judged against; the judgement itself is audit-core's
 * ({@link dev.claimcheck.core.stats.ClaimVerdicts}), computed when the index is read and never stored.
 *
 * @param run the reproduction compared with, if any (the latest matching run, real runs preferred)
 * @param recipe whether the root, or the checkout it falls back to, holds the claim's recipe
 *               ({@code audit-scripts/recipes/<slug>/<claim-id>.json}),
 *               so the page offers its one-command alias only when it exists
 * @param endpointPin what the recipe pins of the endpoint (docs/fingerprint.md), or null
 */
public record Assessment(ClaimsFile file, Claim claim, ClaimAssessment judged, Optional<RunEntry> run, boolean recipe,
                         RecipeSpec.EndpointPin endpointPin) {
    /** An assessment whose recipe (if any) pins no endpoint. */
    public Assessment(ClaimsFile file, Claim claim, ClaimAssessment judged, Optional<RunEntry> run, boolean recipe) {
        this(file, claim, judged, run, recipe, null);
    }

    public ClaimVerdict verdict() {
        return judged.verdict();
    }

    public Double measured() {
        return judged.measured();
    }

    public Double ciLow() {
        return judged.ciLow();
    }

    public Double ciHigh() {
        return judged.ciHigh();
    }

    public Double pValue() {
        return judged.pValue();
    }

    public String note() {
        return judged.note();
    }

    /** Key used to attach the claim to a leaderboard row. */
    public String key() {
        return key(file.modelSlug(), file.lane().id(), claim.workload(), claim.suite(), claim.dataset());
    }

    public static String key(String slug, String lane, String workload, String suite, String dataset) {
        return String.join("\u0000", slug, lane, workload, suite, dataset);
    }
}
