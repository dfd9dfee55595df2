package dev.claimcheck.core.suite.lcb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a release's JSON Lines files in one streaming pass, hashing their bytes as it goes: each row's small fields
 * are kept ({@link LcbRow}), its test fields are skipped by the parser without being materialised, so memory grows
 * with the number of problems and the length of their statements, never with their tests.
 *
 * @param sha256 the dataset's hash: the file's SHA-256 for one file; for several, the SHA-256 of their
 *               {@code sha256sum} lines ({@code "<hex>  <name>\n"} in release order), which
 *               {@code sha256sum test*.jsonl | sha256sum} reproduces
 */
record LcbIndex(String sha256, List<LcbRow> rows) {
    /** Largest kept field (a statement, starter code, metadata); skipped test fields have no limit here. */
    static final int MAX_FIELD_CHARS = 4 << 20;
    static final int MAX_ROWS = 100_000;
    static final Set<String> TEST_FIELDS = Set.of("public_test_cases", "private_test_cases");
    private static final Set<String> KEPT = Set.of("question_title", "question_content", "platform", "question_id",
            "contest_id", "contest_date", "starter_code", "difficulty", "metadata");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE) // the stream is drained into the hash after
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_FIELD_CHARS).build())
            .build());

    LcbIndex {
        rows = List.copyOf(rows);
    }

    static LcbIndex read(List<Path> files) {
        List<LcbRow> rows = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        StringBuilder sums = new StringBuilder();
        String single = null;
        for (Path file : files) {
            single = readFile(file, rows, ids);
            sums.append(single).append("  ").append(file.getFileName()).append('\n');
        }
        String sha = files.size() == 1 ? single : sha256(sums.toString().getBytes(StandardCharsets.UTF_8));
        return new LcbIndex(sha, rows);
    }

    /** Appends the file's rows and returns its SHA-256. */
    private static String readFile(Path file, List<LcbRow> rows, Set<String> ids) {
        String name = file.getFileName().toString();
        int first = rows.size();
        MessageDigest sha = digest();
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), sha);
             JsonParser p = JSON.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                int line = p.currentTokenLocation().getLineNr();
                String where = name + ":" + line;
                if (t != JsonToken.START_OBJECT) {
                    throw new BadInputException(where + ": not a JSON object");
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new BadInputException(where + ": more than " + MAX_ROWS + " rows");
                }
                long offset = p.currentTokenLocation().getByteOffset();
                Map<String, String> fields = new HashMap<>();
                Set<String> tests = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (KEPT.contains(field) && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                        fields.put(field, p.getText());
                    } else {
                        if (TEST_FIELDS.contains(field) && v != JsonToken.VALUE_NULL) {
                            tests.add(field);
                        }
                        p.skipChildren(); // a string is left unread: the parser skips it without keeping it
                    }
                }
                long end = p.currentLocation().getByteOffset();
                LcbRow row = row(fields, tests, where, new LcbLocator(name, null, offset, end, null));
                if (!ids.add(row.id())) {
                    throw new BadInputException(where + ": duplicate question_id " + row.id());
                }
                rows.add(row);
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new BadInputException(name + ": a field longer than " + MAX_FIELD_CHARS + " characters ("
                    + e.getOriginalMessage() + ")");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(name + ":" + e.getLocation().getLineNr() + ": not JSON Lines (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException("cannot read dataset " + name + ": " + e.getMessage());
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        for (int i = first; i < rows.size(); i++) {
            LcbRow r = rows.get(i);
            LcbLocator l = r.locator();
            rows.set(i, r.withLocator(new LcbLocator(l.file(), hex, l.offset(), l.end(), r.id())));
        }
        return hex;
    }

    private static LcbRow row(Map<String, String> f, Set<String> tests, String where, LcbLocator at) {
        String id = f.get("question_id");
        if (id == null || id.isBlank()) {
            throw new BadInputException(where + ": missing question_id");
        }
        String content = f.get("question_content");
        if (content == null || content.isBlank()) {
            throw new BadInputException(where + " (" + id + "): missing question_content");
        }
        if (tests.isEmpty()) {
            throw new BadInputException(where + " (" + id + "): no public_test_cases or private_test_cases");
        }
        JsonNode meta = metadata(f.get("metadata"), where + " (" + id + ")");
        String fn = meta.hasNonNull("func_name") ? meta.get("func_name").asText() : null;
        String reference = meta.hasNonNull("reference_solution") ? meta.get("reference_solution").asText() : null;
        return new LcbRow(id, f.get("question_title"), content, f.get("platform"), f.get("contest_id"),
                f.get("contest_date"), f.get("starter_code"), f.get("difficulty"), fn, reference, at);
    }

    /** {@code metadata} is a JSON object serialised as a string ("{}" when empty). */
    static JsonNode metadata(String text, String where) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw new BadInputException(where + ": metadata is not a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(where + ": metadata is not JSON");
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }
}
