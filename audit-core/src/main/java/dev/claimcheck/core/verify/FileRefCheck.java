package dev.claimcheck.core.verify;

import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RootWalk;
import dev.claimcheck.core.verify.Finding.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static dev.claimcheck.core.verify.Verifier.MAX_FILE_BYTES;

/** The proofs and references checks: a file run.json names by path and sha256 lies inside the root, unlinked, and matches. */
final class FileRefCheck {
    private FileRefCheck() {
    }

    /**
     * @param under the folder of the root the file must lie in (null: anywhere in the root)
     * @param proof report proofMissing/proofHashMismatch (else referenceMissing/referenceHashMismatch)
     */
    static void check(Path root, String under, String path, String sha256, String what, List<Finding> findings, boolean proof) {
        Finding missing;
        String p = path == null ? "" : path;
        if (root == null) {
            missing = proof ? new Finding(Kind.PROOF_MISSING, what + " " + Findings.clip(p) + ": the run folder is not inside a root")
                    : new Finding(Kind.REFERENCE_MISSING, what + " " + Findings.clip(p) + ": the run folder is not inside a root");
            findings.add(missing);
            return;
        }
        Path base = under == null ? root : root.resolve(under);
        Path target = root.resolve(p).normalize();
        boolean inside = !p.isEmpty() && !p.startsWith("/") && !p.contains("\\") && !Path.of(p).isAbsolute()
                && target.startsWith(base.normalize()) && !target.equals(base.normalize());
        String problem = null;
        if (!inside) {
            problem = "path leaves " + (under == null ? "the root" : under + "/");
        } else {
            if (RootWalk.throughLink(new Root(root), target)) {
                problem = "goes through a symbolic link";
            }
            if (problem == null && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                problem = "not found";
            }
        }
        if (problem != null) {
            String d = what + " " + Findings.clip(p) + ": " + problem;
            findings.add(proof ? new Finding(Kind.PROOF_MISSING, d) : new Finding(Kind.REFERENCE_MISSING, d));
            return;
        }
        try {
            if (Files.size(target) > MAX_FILE_BYTES) {
                findings.add(new Finding(Kind.LIMIT_EXCEEDED, what + " " + p + " is larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
                return;
            }
        } catch (IOException e) {
            findings.add(proof ? new Finding(Kind.PROOF_MISSING, what + " " + p + ": " + e.getMessage())
                    : new Finding(Kind.REFERENCE_MISSING, what + " " + p + ": " + e.getMessage()));
            return;
        }
        String actual = Manifest.sha256(target);
        if (!actual.equals(sha256)) {
            String d = what + " " + p + ": run.json says " + sha256 + ", file is " + actual;
            findings.add(proof ? new Finding(Kind.PROOF_HASH_MISMATCH, d) : new Finding(Kind.REFERENCE_HASH_MISMATCH, d));
        }
    }
}
