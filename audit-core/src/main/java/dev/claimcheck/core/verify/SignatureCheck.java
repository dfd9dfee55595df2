package dev.claimcheck.core.verify;

import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.provenance.InvalidSignatureException;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.ManifestFinding;
import dev.claimcheck.core.provenance.SignatureVerdict;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.Trust;
import dev.claimcheck.core.store.Root;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifest and signature checks: MANIFEST findings mapped to finding ids, and MANIFEST.sig judged against the
 * allowed signers (read once per file and shared by every run folder that uses it).
 */
final class SignatureCheck {
    private final Path allowedSigners;
    private final Instant at;
    private final Map<Path, AllowedSigners> signers = new ConcurrentHashMap<>();

    /** @param allowedSigners overrides each root's results/allowed_signers (null: use the root's) */
    SignatureCheck(Path allowedSigners, Instant at) {
        this.allowedSigners = allowedSigners;
        this.at = at;
    }

    /** A MANIFEST problem as its finding id (an absent MANIFEST is {@code unsigned}). */
    static Finding map(ManifestFinding f) {
        if (f instanceof ManifestFinding.Missing) {
            return new Finding.ManifestMissing(f.describe());
        } else if (f instanceof ManifestFinding.Extra) {
            return new Finding.ManifestExtra(f.describe());
        } else if (f instanceof ManifestFinding.HashMismatch) {
            return new Finding.HashMismatch(f.describe());
        } else if (f instanceof ManifestFinding.Symlink) {
            return new Finding.Symlink(f.describe());
        } else if (f instanceof ManifestFinding.NotRegularFile) {
            return new Finding.NotRegularFile(f.describe());
        } else if (f instanceof ManifestFinding.OutsideFolder) {
            return new Finding.PathTraversal(f.describe());
        } else if (f instanceof ManifestFinding.BadName) {
            return new Finding.FileName(f.describe());
        }
        ManifestFinding.Malformed m = (ManifestFinding.Malformed) f;
        return m.path().equals(Manifest.FILE) && m.reason().startsWith("not found")
                ? new Finding.Unsigned("MANIFEST not found: the run folder is not signed")
                : new Finding.ManifestMalformed(m.describe());
    }

    /** Judges MANIFEST.sig; on a trusted signature sets {@code signer[0]} to "fingerprint (principals)". */
    void check(Path dir, Path root, List<Finding> findings, String[] signer) {
        Path file = signersFile(dir);
        AllowedSigners trusted = signersFor(dir);
        SignatureVerdict verdict = Signer.verify(dir, trusted, at);
        if (verdict instanceof SignatureVerdict.Unsigned u) {
            if (findings.stream().noneMatch(f -> f instanceof Finding.Unsigned)) {
                findings.add(new Finding.Unsigned(u.describe()));
            }
            return;
        }
        if (verdict instanceof SignatureVerdict.Invalid i) {
            findings.add(i.reason() == InvalidSignatureException.Reason.WRONG_NAMESPACE
                    ? new Finding.WrongNamespace(i.describe()) : new Finding.BadSignature(i.describe()));
            return;
        }
        SignatureVerdict.Valid v = (SignatureVerdict.Valid) verdict;
        String fp = v.signer().fingerprint();
        String where = Files.isRegularFile(file) ? file.toString() : file + " (absent)";
        Trust trust = v.trust();
        if (trust instanceof Trust.Trusted t) {
            signer[0] = fp + " (" + t.principals() + ")";
        } else if (trust instanceof Trust.UnknownKey) {
            findings.add(new Finding.UnknownSigner("signed by " + fp + ", a key not in " + where + " (a maintainer may add it)"));
        } else if (trust instanceof Trust.Expired) {
            findings.add(new Finding.ExpiredSigner("signed by " + fp + ": " + trust.describe()));
        } else if (trust instanceof Trust.NotYetValid) {
            findings.add(new Finding.NotYetValidSigner("signed by " + fp + ": " + trust.describe()));
        } else if (trust instanceof Trust.NamespaceNotAllowed) {
            findings.add(new Finding.NamespaceNotAllowed("signed by " + fp + ": " + trust.describe()));
        } else {
            findings.add(new Finding.UnknownSigner("signed by " + fp + ": " + trust.describe()));
        }
    }

    private Path signersFile(Path runDir) {
        return allowedSigners != null ? allowedSigners : new Root(Verifier.rootOf(runDir)).allowedSigners();
    }

    /** The trusted keys for a run folder, read once per file; an absent root file trusts nobody. */
    AllowedSigners signersFor(Path runDir) {
        return signers.computeIfAbsent(signersFile(runDir).toAbsolutePath().normalize(), f ->
                Files.isRegularFile(f) ? AllowedSigners.read(f) : AllowedSigners.parse("", ZoneId.systemDefault()));
    }
}
