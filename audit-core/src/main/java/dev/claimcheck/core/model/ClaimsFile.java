package dev.claimcheck.core.model;

import java.util.List;

/**
 * One {@code results/claims/<model-slug>.json} (schema {@code claimcheck/claims/v1}), as far as it could be read.
 *
 * @param path relative to the root, with forward slashes
 * @param lane the lane every claim of the file belongs to
 */
public record ClaimsFile(String path, String modelId, String modelSlug, Lane lane, List<Claim> claims) {
    public static final String SCHEMA = "claimcheck/claims/v1";

    public ClaimsFile {
        claims = List.copyOf(claims);
    }

    /** A problem with a claims file or one of its claims: the file and a one-line reason. */
    public record Problem(String path, String reason) {
    }
}
