package dev.claimcheck.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.RunStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Signs and checks run folders: MANIFEST over every file, MANIFEST.sig an SSHSIG over MANIFEST in the
 * {@value SshSignature#NAMESPACE} namespace, so {@code ssh-keygen -Y verify} can check a run without claimcheck.
 */
public final class Signer {
    /** An RSA-16384 signature is under 6 KiB armored; anything far larger is hostile. */
    private static final long MAX_SIGNATURE_BYTES = 64 * 1024;

    /** What {@link #sign} wrote. */
    public record Signed(Path manifest, Path signature, SshPublicKey signer, int files) {
    }

    private Signer() {
    }

    /** Opens the key as the commands do ({@link SigningKeys#open(Path)}), then signs; see {@link #sign(Path, SigningKey, boolean)}. */
    public static Signed sign(Path runDir, Path privateKey, boolean force) {
        checkSignable(runDir, force);
        return sign(runDir, SigningKeys.open(privateKey), force);
    }

    /**
     * Writes MANIFEST and MANIFEST.sig, each atomically. Refuses (exit 1) a run whose run.json status is not
     * "complete", and a folder that already has MANIFEST.sig unless {@code force}; with force the previous
     * signature is kept as MANIFEST.sig.1 (older ones move to .2, .3, …), which MANIFEST does not list.
     */
    public static Signed sign(Path runDir, SigningKey key, boolean force) {
        checkSignable(runDir, force);
        Manifest manifest = Manifest.compute(runDir);
        byte[] text = manifest.toText().getBytes(StandardCharsets.UTF_8);
        String signature = SshSignature.sign(text, key);
        Path manifestFile = runDir.resolve(Manifest.FILE);
        Path sigFile = runDir.resolve(Manifest.SIGNATURE);
        try {
            writeAtomically(manifestFile, text);
            if (Files.exists(sigFile, LinkOption.NOFOLLOW_LINKS)) {
                keepOldSignature(runDir);
            }
            writeAtomically(sigFile, signature.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new RunFailedException("cannot write signature files in " + runDir + ": " + e.getMessage(), e);
        }
        return new Signed(manifestFile, sigFile, key.publicKey(), manifest.entries().size());
    }

    /** Throws the exception {@code sign} would throw before doing any work; lets a caller fail early. */
    public static void checkSignable(Path runDir, boolean force) {
        Path runJson = runDir.resolve("run.json");
        if (!Files.isRegularFile(runJson, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("not a run folder (no run.json): " + runDir);
        }
        JsonNode status;
        try {
            status = new ObjectMapper().readTree(runJson.toFile()).path("status");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + runJson + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!RunStatus.COMPLETE.id().equals(status.asText(null))) {
            throw new RunFailedException("refusing to sign " + runDir + ": run status is "
                    + (status.isMissingNode() ? "missing" : "'" + status.asText() + "'") + ", not 'complete'");
        }
        if (!force && Files.exists(runDir.resolve(Manifest.SIGNATURE), LinkOption.NOFOLLOW_LINKS)) {
            throw new RunFailedException("refusing to sign " + runDir + ": already signed (MANIFEST.sig exists); use --force to re-sign");
        }
    }

    /**
     * Checks MANIFEST.sig against MANIFEST and {@code signers} at time {@code at}. File coverage and hashes are
     * a separate check: {@link Manifest#checkFolder(Path)}.
     */
    public static SignatureVerdict verify(Path runDir, AllowedSigners signers, Instant at) {
        Path manifestFile = runDir.resolve(Manifest.FILE);
        Path sigFile = runDir.resolve(Manifest.SIGNATURE);
        for (Path p : new Path[]{manifestFile, sigFile}) {
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return new SignatureVerdict.Unsigned(p.getFileName().toString());
            }
        }
        try {
            if (Files.size(manifestFile) > Manifest.MAX_BYTES || Files.size(sigFile) > MAX_SIGNATURE_BYTES) {
                return new SignatureVerdict.Invalid(InvalidSignatureException.Reason.MALFORMED, "MANIFEST or MANIFEST.sig is implausibly large");
            }
            byte[] message = Files.readAllBytes(manifestFile);
            SshPublicKey signer = SshSignature.verify(message, Files.readString(sigFile, StandardCharsets.ISO_8859_1),
                    SshSignature.NAMESPACE);
            return new SignatureVerdict.Valid(signer, signers.find(signer, SshSignature.NAMESPACE, at));
        } catch (InvalidSignatureException e) {
            return new SignatureVerdict.Invalid(e.reason(), e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("cannot read signature files in " + runDir + ": " + e.getMessage(), e);
        }
    }

    private static void keepOldSignature(Path runDir) throws IOException {
        int n = 1;
        while (Files.exists(runDir.resolve(Manifest.SIGNATURE + "." + n), LinkOption.NOFOLLOW_LINKS)) {
            n++;
        }
        for (int i = n; i > 1; i--) {
            Files.move(runDir.resolve(Manifest.SIGNATURE + "." + (i - 1)), runDir.resolve(Manifest.SIGNATURE + "." + i));
        }
        Files.move(runDir.resolve(Manifest.SIGNATURE), runDir.resolve(Manifest.SIGNATURE + ".1"));
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        // Not Files.createTempFile: its 0600 mode would stick to MANIFEST; a fresh name gets the usual umask.
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
