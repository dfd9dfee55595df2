package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * run.json {@code endpoint.fingerprint}: the endpoint's {@link Fingerprint} when the run started and when it finished,
 * so {@code verify} can tell a swap mid-run (docs/fingerprint.md).
 *
 * @param start taken before the first attempt
 * @param end taken after the last attempt of a completed run; null while running, for a stopped run, or a resumed one
 *            whose session did not finish
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFingerprint(Fingerprint start, Fingerprint end) {
    public RunFingerprint withEnd(Fingerprint fingerprint) {
        return new RunFingerprint(start, fingerprint);
    }
}
