package dev.claimcheck.core.suite.tau2;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.PromptHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file a τ² run reads, with its hash (tasks.json, policy.md, db.json or db.toml, the results file).
 *
 * @param role {@code tasks}, {@code policy}, {@code db} or {@code results}
 * @param name the file name as found
 */
public record Tau2Input(String role, String name, String sha256) {
    /** 256 MiB: a results file of several hundred trials with full transcripts is tens of MiB. */
    static final long MAX_BYTES = 256L << 20;

    /** The file's text and its hash record. */
    record Read(Tau2Input hash, String text) {
    }

    static Read read(Path file, String role) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new BadInputException(file + ": " + size + " bytes, more than the limit of " + MAX_BYTES);
            }
            byte[] bytes = Files.readAllBytes(file);
            return new Read(new Tau2Input(role, file.getFileName().toString(), PromptHash.sha256Hex(bytes)),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
