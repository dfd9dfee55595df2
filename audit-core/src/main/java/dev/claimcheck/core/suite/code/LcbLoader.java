package dev.claimcheck.core.suite.code;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the LiveCodeBench code-generation release format (JSON Lines: question_title, question_content, platform,
 * question_id, contest_date, starter_code, difficulty, public_test_cases, private_test_cases, metadata), streaming
 * one line at a time with limits, hashing the bytes as it goes.
 */
final class LcbLoader {
    /** Longest line: LiveCodeBench rows with large private tests reach tens of MB. */
    static final int MAX_LINE_CHARS = 256 << 20;
    static final int MAX_ROWS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_LINE_CHARS).build())
            .build());

    private LcbLoader() {
    }

    /** The problems of a file and the SHA-256 of its bytes. */
    record Loaded(String sha256, List<CodeProblem> problems) {
    }

    static Loaded load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("cannot read dataset " + file);
        }
        String name = file.getFileName().toString();
        List<CodeProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (InputStream raw = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
            BufferedReader in = new BufferedReader(new InputStreamReader(new DigestInputStream(raw, sha), decoder));
            StringBuilder line = new StringBuilder();
            int lineNo = 0;
            while (readLine(in, line, name, lineNo + 1)) {
                lineNo++;
                if (line.toString().isBlank()) {
                    continue;
                }
                if (problems.size() >= MAX_ROWS) {
                    throw new BadInputException(name + ":" + lineNo + ": more than " + MAX_ROWS + " rows");
                }
                CodeProblem p = row(JSON.readTree(line.toString()), name + ":" + lineNo);
                if (!ids.add(p.id())) {
                    throw new BadInputException(name + ":" + lineNo + ": duplicate question_id " + p.id());
                }
                problems.add(p);
            }
            in.transferTo(java.io.Writer.nullWriter());
            return new Loaded(HexFormat.of().formatHex(sha.digest()), problems);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(name + ": not UTF-8");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(name + ": not JSON Lines (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException("cannot read dataset " + name + ": " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean readLine(BufferedReader in, StringBuilder line, String name, int lineNo) throws IOException {
        line.setLength(0);
        int c;
        boolean any = false;
        while ((c = in.read()) >= 0) {
            any = true;
            if (c == '\n') {
                return true;
            }
            if (line.length() >= MAX_LINE_CHARS) {
                throw new BadInputException(name + ":" + lineNo + ": line longer than " + MAX_LINE_CHARS + " characters");
            }
            line.append((char) c);
        }
        return any;
    }

    static CodeProblem row(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new BadInputException(where + ": not a JSON object");
        }
        String id = required(n, "question_id", where);
        String content = required(n, "question_content", where);
        String fn = null;
        String reference = null;
        JsonNode meta = n.get("metadata");
        if (meta != null && meta.isTextual() && !meta.asText().isBlank()) {
            try {
                meta = JSON.readTree(meta.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInputException(where + ": metadata is not JSON");
            }
        }
        if (meta != null && meta.isObject()) {
            fn = meta.hasNonNull("func_name") ? meta.get("func_name").asText() : null;
            reference = meta.hasNonNull("reference_solution") ? meta.get("reference_solution").asText() : null;
        }
        String at = where + " (" + id + ")";
        var publicTests = TestCases.parse(text(n, "public_test_cases"), at + " public_test_cases", fn);
        var privateTests = TestCases.parse(text(n, "private_test_cases"), at + " private_test_cases", fn);
        if (publicTests.isEmpty() && privateTests.isEmpty()) {
            throw new BadInputException(at + ": no test cases");
        }
        return new CodeProblem(id, text(n, "question_title"), content, text(n, "platform"), text(n, "contest_date"),
                text(n, "starter_code"), text(n, "difficulty"), publicTests, privateTests, fn, reference);
    }

    private static String required(JsonNode n, String field, String where) {
        String v = text(n, field);
        if (v == null || v.isBlank()) {
            throw new BadInputException(where + ": missing " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }
}
