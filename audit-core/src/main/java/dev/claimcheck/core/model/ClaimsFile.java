package dev.claimcheck.core.model;

import java.util.List;

/**
 * One {@code results/claims/<model-slug>.json} (schema {@code claimcheck/claims/v1}), as far as it could be read.
 *
 * @param path relative to the root, with forward slashes
 * @param lane the lane every claim of the file belongs to
 * @param modelReleased the model's public release date ({@code YYYY-MM-DD}, ledger {@code model.released}), or empty:
 *                      set beside each claim's dataset date it bounds the contamination window (docs/claims.md)
 * @param untranscribed benchmarks a source reports for the model without a figure the ledger holds (docs/claims.md)
 */
public record ClaimsFile(String path, String modelId, String modelSlug, Lane lane, List<Claim> claims, String modelReleased,
                         List<Untranscribed> untranscribed) {
    public static final String SCHEMA = "claimcheck/claims/v1";

    public ClaimsFile {
        claims = List.copyOf(claims);
        untranscribed = untranscribed == null ? List.of() : List.copyOf(untranscribed);
        modelReleased = modelReleased == null ? "" : modelReleased;
    }

    public ClaimsFile(String path, String modelId, String modelSlug, Lane lane, List<Claim> claims, String modelReleased) {
        this(path, modelId, modelSlug, lane, claims, modelReleased, List.of());
    }

    /** A file whose release date is not recorded. */
    public ClaimsFile(String path, String modelId, String modelSlug, Lane lane, List<Claim> claims) {
        this(path, modelId, modelSlug, lane, claims, "");
    }

    /** A problem with a claims file or one of its claims: the file and a one-line reason. */
    public record Problem(String path, String reason) {
    }
}
