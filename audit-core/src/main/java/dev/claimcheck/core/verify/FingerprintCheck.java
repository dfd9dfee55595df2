package dev.claimcheck.core.verify;

import dev.claimcheck.core.fingerprint.FingerprintDiff;
import dev.claimcheck.core.fingerprint.FingerprintDiff.Difference;
import dev.claimcheck.core.model.RunFingerprint;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.verify.Finding.Kind;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The endpoint's fingerprints at the start and end of a run must agree (docs/fingerprint.md): a difference in what
 * identifies the endpoint is {@code endpointChanged}; a difference in the canary answers alone is
 * {@code canaryChanged}, a warning, since greedy decoding on a batched server is not bit-reproducible.
 */
final class FingerprintCheck {
    private FingerprintCheck() {
    }

    static void check(RunManifest m, List<Finding> findings) {
        RunFingerprint f = m.endpoint() == null ? null : m.endpoint().fingerprint();
        if (f == null || f.start() == null || f.end() == null) {
            return; // a run from before fingerprints, or one that did not complete
        }
        List<Difference> differences = FingerprintDiff.of(f.start(), f.end());
        if (differences.isEmpty()) {
            return;
        }
        Kind kind = FingerprintDiff.identityDiffers(differences) ? Kind.ENDPOINT_CHANGED : Kind.CANARY_CHANGED;
        String lines = differences.stream().limit(6).map(Difference::line).collect(Collectors.joining("; "));
        findings.add(new Finding(kind, "the endpoint's fingerprint at the end differs from the start: " + oneLine(lines)
                + (differences.size() > 6 ? " (and " + (differences.size() - 6) + " more)" : "")));
    }

    /** The values come from run.json, which a hostile submitter writes: one line, bounded. */
    private static String oneLine(String s) {
        String one = s.replaceAll("[\\p{Cntrl}]", " ");
        return one.length() <= 600 ? one : one.substring(0, 597) + "...";
    }
}
