package dev.claimcheck.core.suite.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * MathArena's folder layout (eth-sri/matharena {@code data/<competition>/<name>/}): {@code answers.csv} with columns
 * {@code id,answer}, and the problem of each id in {@code problems/<id>.tex}. Read without conversion; the hash is
 * over the files read (docs/datasets.md#matharenas-folder-layout).
 */
final class MathArenaFolder {
    static final String ANSWERS = "answers.csv";

    private MathArenaFolder() {
    }

    /** The rows, each with {@code id}, {@code problem} (the .tex text) and {@code answer}, and the folder's hash. */
    record Read(List<RawRow> rows, String sha256) {
    }

    static boolean is(Path dir) {
        return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(ANSWERS));
    }

    static Read read(Path dir, DatasetLimits limits) {
        String name = dir.getFileName() + "/" + ANSWERS;
        byte[] answersBytes = bytes(dir.resolve(ANSWERS), name, limits.maxFileBytes());
        List<RawRow> answers = CsvRows.parse(name, text(name, answersBytes), limits);
        MessageDigest digest = sha256();
        update(digest, ANSWERS, answersBytes);
        long total = answersBytes.length;
        List<RawRow> rows = new ArrayList<>(answers.size());
        for (RawRow r : answers) {
            String at = name + ":" + r.line() + ": ";
            if (!r.fields().has("id") || !r.fields().has("answer")) {
                throw new BadInputException(at + "answers.csv needs the columns id and answer");
            }
            String id = r.fields().get("id").asText().strip();
            if (id.isEmpty() || !id.matches("[A-Za-z0-9._-]{1,200}") || id.startsWith(".")) {
                throw new BadInputException(at + "id '" + id + "' cannot name a file problems/<id>.tex");
            }
            String texName = "problems/" + id + ".tex";
            Path tex = dir.resolve("problems").resolve(id + ".tex");
            if (!Files.isRegularFile(tex)) {
                throw new BadInputException(at + "no " + texName + " for id " + id);
            }
            byte[] texBytes = bytes(tex, dir.getFileName() + "/" + texName, limits.maxFileBytes() - total);
            total += texBytes.length;
            update(digest, texName, texBytes);
            ObjectNode fields = r.fields().objectNode();
            fields.put("id", id);
            fields.put("problem", text(dir.getFileName() + "/" + texName, texBytes));
            fields.set("answer", r.fields().get("answer"));
            rows.add(new RawRow(r.line(), fields));
        }
        return new Read(rows, HexFormat.of().formatHex(digest.digest()));
    }

    /** {@code <byte length of name>:<name><byte length of file>:<file>}, names relative to the folder, in UTF-8. */
    private static void update(MessageDigest digest, String relative, byte[] content) {
        byte[] n = relative.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((n.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(n);
        out.writeBytes((content.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(out.toByteArray());
        digest.update(content);
    }

    private static byte[] bytes(Path file, String name, long budget) {
        try {
            long size = Files.size(file);
            if (size > budget) {
                throw new BadInputException(name + ": the folder's files are more than the limit of bytes for a dataset");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static String text(String name, byte[] bytes) {
        try {
            String t = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return t.startsWith("\uFEFF") ? t.substring(1) : t;
        } catch (CharacterCodingException e) {
            throw new BadInputException(name + ": not valid UTF-8");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
