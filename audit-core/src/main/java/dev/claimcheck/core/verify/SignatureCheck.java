package dev.claimcheck.core.verify;

import dev.claimcheck.core.provenance.AllowedSigners;
import dev.claimcheck.core.provenance.InvalidSignatureException;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.ManifestFinding;
import dev.claimcheck.core.provenance.SignatureVerdict;
import dev.claimcheck.core.provenance.Signer;
import dev.claimcheck.core.provenance.Trust;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.verify.Finding.Kind;
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

    /** A MANIFEST problem as its finding (an absent MANIFEST is {@code unsigned}). */
    static Finding map(ManifestFinding f) {
        Kind kind = switch (f.kind()) {
            case MISSING -> Kind.MANIFEST_MISSING;
            case EXTRA -> Kind.MANIFEST_EXTRA;
            case HASH_MISMATCH -> Kind.HASH_MISMATCH;
            case SYMLINK -> Kind.SYMLINK;
            case NOT_REGULAR_FILE -> Kind.NOT_REGULAR_FILE;
            case OUTSIDE_FOLDER -> Kind.PATH_TRAVERSAL;
            case BAD_NAME -> Kind.FILE_NAME;
            case MALFORMED -> f.path().equals(Manifest.FILE) && f.reason().startsWith("not found") ? Kind.UNSIGNED
                    : Kind.MANIFEST_MALFORMED;
        };
        return new Finding(kind, kind == Kind.UNSIGNED ? "MANIFEST not found: the run folder is not signed" : f.describe());
    }

    /** Judges MANIFEST.sig; on a trusted signature sets {@code signer[0]} to "fingerprint (principals)". */
    void check(Path dir, Path root, List<Finding> findings, String[] signer) {
        Path file = signersFile(dir);
        AllowedSigners trusted = signersFor(dir);
        SignatureVerdict verdict = Signer.verify(dir, trusted, at);
        if (verdict instanceof SignatureVerdict.Unsigned u) {
            if (findings.stream().noneMatch(f -> f.kind() == Kind.UNSIGNED)) {
                findings.add(new Finding(Kind.UNSIGNED, u.describe()));
            }
            return;
        }
        if (verdict instanceof SignatureVerdict.Invalid i) {
            findings.add(i.reason() == InvalidSignatureException.Reason.WRONG_NAMESPACE
                    ? new Finding(Kind.WRONG_NAMESPACE, i.describe()) : new Finding(Kind.BAD_SIGNATURE, i.describe()));
            return;
        }
        SignatureVerdict.Valid v = (SignatureVerdict.Valid) verdict;
        String fp = v.signer().fingerprint();
        String where = Files.isRegularFile(file) ? file.toString() : file + " (absent)";
        Trust trust = v.trust();
        if (trust instanceof Trust.Trusted t) {
            signer[0] = fp + " (" + t.principals() + ")";
        } else if (trust instanceof Trust.UnknownKey) {
            findings.add(new Finding(Kind.UNKNOWN_SIGNER, "signed by " + fp + ", a key not in " + where + " (a maintainer may add it)"));
        } else if (trust instanceof Trust.Expired) {
            findings.add(new Finding(Kind.EXPIRED_SIGNER, "signed by " + fp + ": " + trust.describe()));
        } else if (trust instanceof Trust.NotYetValid) {
            findings.add(new Finding(Kind.NOT_YET_VALID_SIGNER, "signed by " + fp + ": " + trust.describe()));
        } else if (trust instanceof Trust.NamespaceNotAllowed) {
            findings.add(new Finding(Kind.NAMESPACE_NOT_ALLOWED, "signed by " + fp + ": " + trust.describe()));
        } else {
            findings.add(new Finding(Kind.UNKNOWN_SIGNER, "signed by " + fp + ": " + trust.describe()));
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
