package dev.claimcheck.core.export;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.provenance.InvalidSignatureException;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.provenance.SshSignature;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * What an export reads from one complete run folder: run.json, the journal, the workload's figure rows (through
 * {@code SuiteRegistry.figures}, so every workload exports the same way) and who signed MANIFEST.sig.
 *
 * @param rows the workload's rows as summary.csv lists them, after the shared figures
 * @param signerFingerprint the SHA256 fingerprint of the key in MANIFEST.sig, or null when unsigned; read, not
 *     verified: {@code verify} is what checks it (docs/exports.md)
 */
public record ExportedRun(Path dir, RunManifest manifest, List<Sample> samples, List<FigureRow> rows, String signerFingerprint) {
    public ExportedRun {
        samples = List.copyOf(samples);
        rows = List.copyOf(rows);
    }

    /** Reads a run folder; bad input (exit 2) when it is not a complete run. */
    public static ExportedRun read(Path dir) {
        RunFolder folder = new RunFolder(dir);
        if (!Files.isRegularFile(folder.runJson(), LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException("not a run folder (no run.json): " + dir);
        }
        RunManifest m = RunManifestStore.read(folder);
        if (m.status() != RunStatus.COMPLETE || m.metrics() == null) {
            throw new BadInputException(dir + ": the run is not complete (status " + m.status().id() + "); only complete runs are exported");
        }
        List<FigureRow> rows = SuiteRegistry.figures(m.workload()).rows(m.metrics());
        return new ExportedRun(dir, m, Journal.readAll(folder), rows, signer(dir));
    }

    private static String signer(Path dir) {
        Path sig = dir.resolve(Manifest.SIGNATURE);
        if (!Files.isRegularFile(sig, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return SshSignature.parse(Files.readString(sig, StandardCharsets.ISO_8859_1)).publicKey().fingerprint();
        } catch (IOException | InvalidSignatureException e) {
            return null;
        }
    }
}
