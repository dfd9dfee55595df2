package dev.claimcheck.site.index;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.ManifestFinding;
import dev.claimcheck.core.provenance.SignatureVerdict;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.Trust;
import dev.claimcheck.core.stats.Sentence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a run's trust badges: ✓ only when MANIFEST.sig verifies for a key in the root's
 * allowed_signers <em>and</em> every file matches MANIFEST. Re-grading (✓✓) is the verifier's job and
 * is not claimed here.
 */
final class TrustCheck {
    private final AllowedSigners signers;
    private final Instant at;

    TrustCheck(AllowedSigners signers, Instant at) {
        this.signers = signers;
        this.at = at;
    }

    /** allowed_signers of the root, or none when the file is absent or unreadable (nothing is then trusted). */
    static AllowedSigners signersOf(Path file) {
        if (!Files.isRegularFile(file)) {
            return new AllowedSigners(List.of());
        }
        try {
            return AllowedSigners.read(file);
        } catch (RuntimeException e) {
            return new AllowedSigners(List.of());
        }
    }

    List<TrustBadge> badges(RunManifest manifest, Path runDir) {
        List<TrustBadge> badges = new ArrayList<>();
        if (manifest.simulated()) {
            badges.add(TrustBadge.SIMULATED);
        }
        badges.add(signature(runDir));
        return badges;
    }

    private TrustBadge signature(Path runDir) {
        if (!Files.exists(runDir.resolve(Manifest.SIGNATURE))) {
            return TrustBadge.UNVERIFIED;
        }
        SignatureVerdict verdict;
        try {
            verdict = Signer.verify(runDir, signers, at);
        } catch (RuntimeException e) {
            return TrustBadge.invalid(Sentence.text(String.valueOf(e.getMessage())));
        }
        if (!verdict.ok()) {
            return verdict instanceof SignatureVerdict.Valid v && !(v.trust() instanceof Trust.Trusted)
                    ? TrustBadge.untrusted(v) : TrustBadge.invalid(verdict.sentence());
        }
        List<ManifestFinding> findings = Manifest.checkFolder(runDir);
        if (!findings.isEmpty()) {
            return TrustBadge.invalid(findings.get(0).sentence());
        }
        return TrustBadge.verified(((Trust.Trusted) ((SignatureVerdict.Valid) verdict).trust()).principals());
    }
}
