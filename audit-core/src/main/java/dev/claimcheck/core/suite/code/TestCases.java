package dev.claimcheck.core.suite.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.code.CodeTest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * LiveCodeBench test-case fields: a JSON string holding a list of {@code {"input","output","testtype"}}, or (for
 * private tests) base64 of zlib-compressed pickled JSON, decoded with size limits and the data-only
 * {@link PickleReader}.
 */
public final class TestCases {
    /** Largest decompressed private-test payload. */
    static final int MAX_INFLATED_BYTES = 256 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestCases() {
    }

    public static List<CodeTest> parse(String field, String where, String fn) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        String json = field.strip();
        if (!json.startsWith("[")) {
            json = decodeCompressed(json, where);
        }
        JsonNode list;
        try {
            list = JSON.readTree(json);
        } catch (Exception e) {
            throw new BadInputException(where + ": test cases are not JSON");
        }
        if (list == null || !list.isArray()) {
            throw new BadInputException(where + ": test cases are not a JSON list");
        }
        List<CodeTest> tests = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            JsonNode in = t.get("input");
            JsonNode out = t.get("output");
            if (in == null || !in.isTextual() || out == null || !out.isTextual()) {
                throw new BadInputException(where + "[" + i + "]: needs string input and output");
            }
            String type = t.path("testtype").asText("stdin");
            CodeTest.Kind kind = "functional".equals(type) ? CodeTest.Kind.CALL : CodeTest.Kind.STDIN;
            if (kind == CodeTest.Kind.CALL && fn == null) {
                throw new BadInputException(where + "[" + i + "]: a functional test needs metadata.func_name");
            }
            tests.add(new CodeTest(in.asText(), out.asText(), kind, kind == CodeTest.Kind.CALL ? fn : null));
        }
        return tests;
    }

    /** base64 → zlib → pickle → the JSON string inside. */
    static String decodeCompressed(String field, String where) {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(field);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": neither a JSON list nor base64");
        }
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 << 10];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new BadInputException(where + ": truncated zlib stream");
                }
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new BadInputException(where + ": decompresses to more than " + MAX_INFLATED_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
        } catch (DataFormatException e) {
            throw new BadInputException(where + ": not zlib data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
        Object value = PickleReader.read(out.toByteArray());
        if (value instanceof String s) {
            return s;
        }
        throw new BadInputException(where + ": the pickle holds " + (value == null ? "None" : value.getClass().getSimpleName())
                + ", not a JSON string");
    }
}
