package dev.claimcheck.core.suite.lcb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.code.CodeTest;
import dev.claimcheck.core.suite.code.TestCases;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem's tests, read when its program is graded: the row's bytes at its {@link LcbLocator}, parsed, the
 * public tests (a JSON string) then the private ones (a JSON string, or LiveCodeBench's base64 of zlib of a pickled
 * JSON string, read by the data-only pickle reader of {@link TestCases}). Only this problem's tests are in memory.
 */
final class LcbTests {
    /** Longest test field: LiveCodeBench rows with large private tests reach tens of MB. */
    static final int MAX_FIELD_CHARS = 256 << 20;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_FIELD_CHARS).build())
            .build();

    private LcbTests() {
    }

    /** Public tests first, then private ones: the order programs are judged in. */
    static List<CodeTest> read(Path file, LcbLocator at) {
        String where = at.file() + " (" + at.id() + ")";
        Map<String, String> fields = new HashMap<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < at.end()) {
                throw new BadInputException(where + ": the file is shorter than when it was indexed");
            }
            ch.position(at.offset());
            InputStream row = new BufferedInputStream(new Bounded(Channels.newInputStream(ch), at.end() - at.offset()), 1 << 16);
            try (JsonParser p = JSON.createParser(row)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new BadInputException(where + ": no row at byte " + at.offset());
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ((LcbIndex.TEST_FIELDS.contains(field) || field.equals("metadata") || field.equals("question_id"))
                            && v == JsonToken.VALUE_STRING) {
                        fields.put(field, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInputException(where + ": row is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BadInputException("cannot read " + where + ": " + e.getMessage());
        }
        if (!at.id().equals(fields.get("question_id"))) {
            throw new BadInputException(where + ": the row at byte " + at.offset() + " is not this problem");
        }
        String fn = LcbIndex.metadata(fields.get("metadata"), where).path("func_name").asText(null);
        List<CodeTest> tests = new ArrayList<>(TestCases.parse(fields.get("public_test_cases"), where + " public_test_cases", fn));
        tests.addAll(TestCases.parse(fields.get("private_test_cases"), where + " private_test_cases", fn));
        if (tests.isEmpty()) {
            throw new BadInputException(where + ": no test cases");
        }
        return tests;
    }

    /** At most {@code left} bytes of a stream: the parser never reads past the row. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long left) {
            this.in = in;
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
