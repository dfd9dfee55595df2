package dev.claimcheck.core.suite.proofs;

import java.util.Objects;

/**
 * One input file of a proof run and its hash, as run.json lists it ({@code metrics.proof.inputs}).
 *
 * @param role what the file is: {@code scheme} (grading_scheme.json), {@code statement}, {@code solution},
 *     {@code vendorGrades} (the vendor's README) or {@code map}
 * @param name the file's name relative to the folder it was read from (never an absolute local path)
 * @param sha256 {@code sha256:<hex>} of its bytes
 */
public record InputHash(String role, String name, String sha256) {
    public InputHash {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
