package dev.claimcheck.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.RunManifest;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and atomically writes run.json, checking the schema version on read. */
public final class RunManifestStore {
    private RunManifestStore() {
    }

    public static RunManifest read(RunFolder folder) {
        Path file = folder.runJson();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(folder.dir() + " is not a run folder: no run.json");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new BadInputException(file + " is not valid JSON: " + firstLine(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new BadInputException(file + " is not a JSON object");
        }
        String schema = tree.path("schema").asText("");
        if (!RunManifest.SCHEMA.equals(schema)) {
            throw new BadInputException(file + ": schema '" + schema + "' is not supported (this harness reads "
                    + RunManifest.SCHEMA + ")");
        }
        try {
            return Json.mapper().treeToValue(tree, RunManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException(file + " does not match " + RunManifest.SCHEMA + ": " + firstLine(e));
        }
    }

    /** Writes run.json through a temp file and a rename, so a reader never sees half a file. */
    public static void write(RunFolder folder, RunManifest manifest) {
        writeAtomically(folder.runJson(), () -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    }

    /** Produces the bytes to write; may fail with an I/O error. */
    @FunctionalInterface
    public interface Content {
        byte[] bytes() throws IOException;
    }

    public static void writeAtomically(Path target, Content content) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.write(tmp, content.bytes());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RunFailedException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
