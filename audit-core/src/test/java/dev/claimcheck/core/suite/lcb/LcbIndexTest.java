package dev.claimcheck.core.suite.lcb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.code.CodeTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming index of release files and the per-problem test reader, without running any program. */
class LcbIndexTest {
    static final Path RELEASE = LcbSuiteTest.RELEASE;

    @TempDir
    Path dir;

    @Test
    void releasesNameTheirFilesAsTheDatasetShipsThem() {
        assertThat(LcbRelease.named("release_v6").files()).containsExactly("test.jsonl", "test2.jsonl", "test3.jsonl",
                "test4.jsonl", "test5.jsonl", "test6.jsonl");
        assertThat(LcbRelease.named("release_v2").files()).containsExactly("test.jsonl", "test2.jsonl");
        assertThat(LcbRelease.named("v1").files()).containsExactly("test.jsonl");
        assertThat(LcbRelease.named("v6").files()).containsExactly("test6.jsonl");
        assertThatThrownBy(() -> LcbRelease.named("release_v7")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not 'release_v7'");
    }

    @Test
    void eachRowsLocatorPointsAtItsOwnBytesAndItsTestsReadBackPublicFirst() throws Exception {
        Path v6 = RELEASE.resolve("test6.jsonl");
        LcbIndex index = LcbIndex.read(List.of(v6));

        assertThat(index.sha256()).isEqualTo(sha256(v6));
        assertThat(index.rows()).extracting(LcbRow::id).containsExactly("1999A", "lc-average");
        byte[] bytes = Files.readAllBytes(v6);
        for (LcbRow r : index.rows()) {
            LcbLocator l = r.locator();
            String row = new String(bytes, (int) l.offset(), (int) (l.end() - l.offset()), StandardCharsets.UTF_8);
            assertThat(row).startsWith("{").endsWith("}").contains("\"question_id\": \"" + r.id() + "\"");
            assertThat(l.sha256()).isEqualTo(index.sha256());
        }
        LcbRow maxSub = index.rows().get(0);
        assertThat(maxSub.contestId()).isEqualTo("1999");
        assertThat(maxSub.date()).isEqualTo("2025-02-10");
        List<CodeTest> tests = LcbTests.read(v6, maxSub.locator());
        assertThat(tests).extracting(CodeTest::output).containsExactly("4\n", "-2\n", "6\n");
        assertThat(index.rows().get(1).fnName()).isEqualTo("average");
    }

    @Test
    void testFieldsFarLongerThanAnyKeptFieldAreSkippedWhileIndexing() throws Exception {
        String huge = "[{\"input\": \"" + "1 ".repeat(3 << 20) + "\", \"output\": \"0\", \"testtype\": \"stdin\"}]";
        Path f = dir.resolve("test6.jsonl");
        Files.writeString(f, row("big", "2025-01-01", huge) + "\n");
        assertThat(huge.length()).isGreaterThan(LcbIndex.MAX_FIELD_CHARS);

        LcbIndex index = LcbIndex.read(List.of(f));
        assertThat(index.rows()).singleElement().extracting(LcbRow::id).isEqualTo("big");
        assertThat(LcbTests.read(f, index.rows().get(0).locator())).hasSize(2);
        Files.writeString(f, row("big", "2025-01-01", compressed(huge)) + "\n");
        assertThat(LcbTests.read(f, LcbIndex.read(List.of(f)).rows().get(0).locator()))
                .extracting(CodeTest::output).containsExactly("1\n", "0");
        String tooLong = "x".repeat(LcbIndex.MAX_FIELD_CHARS + 1);
        Files.writeString(f, row("a", "2025-01-01", "[]") + "\n" + row("b", "2025-01-01", "[]").replace("\"statement\"",
                "\"" + tooLong + "\"") + "\n");
        assertThatThrownBy(() -> LcbIndex.read(List.of(f))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("test6.jsonl: a field longer than " + LcbIndex.MAX_FIELD_CHARS);
    }

    @Test
    void badRowsAreNamedByFileAndLine() throws Exception {
        Path f = dir.resolve("test6.jsonl");
        Files.writeString(f, row("a", "2025-01-01", "[]") + "\n" + row("", "2025-01-01", "[]") + "\n");
        assertThatThrownBy(() -> LcbIndex.read(List.of(f))).hasMessage("test6.jsonl:2: missing question_id");
        Files.writeString(f, row("a", "2025-01-01", "[]") + "\n" + row("a", "2025-01-01", "[]") + "\n");
        assertThatThrownBy(() -> LcbIndex.read(List.of(f))).hasMessage("test6.jsonl:2: duplicate question_id a");
        Files.writeString(f, row("a", "2025-01-01", "[]") + "\n[1]\n");
        assertThatThrownBy(() -> LcbIndex.read(List.of(f))).hasMessage("test6.jsonl:2: not a JSON object");
        Files.writeString(f, row("a", "2025-01-01", "[]") + "\n{\"question_id\": \n");
        assertThatThrownBy(() -> LcbIndex.read(List.of(f))).hasMessageStartingWith("test6.jsonl:3: not JSON Lines");
    }

    /** A row in the release layout with one public test and the given private_test_cases field. */
    static String row(String id, String date, String privateField) {
        return "{\"question_title\": \"t\", \"question_content\": \"statement\", \"platform\": \"atcoder\", "
                + "\"question_id\": \"" + id + "\", \"contest_id\": \"c\", \"contest_date\": \"" + date + "T00:00:00\", "
                + "\"starter_code\": \"\", \"difficulty\": \"easy\", "
                + "\"public_test_cases\": \"[{\\\"input\\\": \\\"1\\\\n\\\", \\\"output\\\": \\\"1\\\\n\\\", \\\"testtype\\\": \\\"stdin\\\"}]\", "
                + "\"private_test_cases\": \"" + privateField.replace("\\", "\\\\").replace("\"", "\\\"") + "\", "
                + "\"metadata\": \"{}\"}";
    }

    /** LiveCodeBench's encoding of private tests: base64(zlib(pickle protocol 4 of the JSON string)). */
    static String compressed(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream pickle = new ByteArrayOutputStream();
        pickle.write(0x80);
        pickle.write(4);
        pickle.write('X');
        for (int i = 0; i < 4; i++) {
            pickle.write(utf8.length >>> (8 * i) & 0xff);
        }
        pickle.writeBytes(utf8);
        pickle.write('.');
        Deflater d = new Deflater();
        d.setInput(pickle.toByteArray());
        d.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            z.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return Base64.getEncoder().encodeToString(z.toByteArray());
    }

    static String sha256(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    /** What {@code sha256sum test*.jsonl | sha256sum} prints, run inside the release directory. */
    static String sha256sumOfSums(Path dir, String... files) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String f : files) {
            lines.append(sha256(dir.resolve(f))).append("  ").append(f).append('\n');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
