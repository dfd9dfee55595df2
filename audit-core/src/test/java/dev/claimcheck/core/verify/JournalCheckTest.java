package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.store.SampleCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal is split into lines as its bytes stream in (from the manifest check's hashing, or read by the journal
 * check itself): wherever the chunk boundaries fall, the findings and samples are the same as for the part read whole.
 */
class JournalCheckTest {
    private static final int K = 4;

    @TempDir
    Path dir;

    private static byte[] line(String taskId, int attempt, String content) {
        return SampleCodec.encode(new Sample(taskId, attempt, List.of(ChatMessage.user(content)), "ab", null, null, null, null,
                null, new Verdict(true, 1.0, "1", "1", "arith", "1", "boxed: equal"), null, null));
    }

    private static byte[] journal(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p);
        }
        return out.toByteArray();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Result(List<String> findings, List<Sample> samples) {
    }

    private Result direct(byte[] bytes) throws IOException {
        Files.write(dir.resolve("samples.jsonl"), bytes);
        List<Finding> findings = new ArrayList<>();
        List<Sample> samples = new JournalCheck(K).check(dir, findings);
        return new Result(findings.stream().map(Finding::line).toList(), samples);
    }

    private Result tapped(byte[] bytes, int chunk) throws IOException {
        Files.write(dir.resolve("samples.jsonl"), bytes);
        JournalCheck journal = new JournalCheck(K);
        Manifest.ContentSink sink = journal.tap("samples.jsonl");
        assertThat(journal.tap("run.json")).isNull();
        for (int off = 0; off < bytes.length; off += chunk) {
            byte[] copy = Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + chunk));
            sink.accept(copy, 0, copy.length);
            Arrays.fill(copy, (byte) 'x'); // the sink must not keep the caller's buffer
        }
        sink.end();
        Files.write(dir.resolve("samples.jsonl"), new byte[0]); // the tapped bytes are used, not the file
        List<Finding> findings = new ArrayList<>();
        List<Sample> samples = journal.check(dir, findings);
        return new Result(findings.stream().map(Finding::line).toList(), samples);
    }

    @Test
    void everyKindOfLineGivesTheSameFindingsWhereverTheChunksEnd() throws IOException {
        byte[] bytes = journal(line("t1", 0, "short"), text("\n"), line("t2", 1, "y".repeat(5000)), text("{not json\n"),
                line("t1", 0, "again"), line("t3", 5, "attempt too high"), text("null\n"), line("t4", 3, "z".repeat(300)),
                text("{\"taskId\":\"torn\""));
        Result whole = direct(bytes);
        assertThat(whole.samples()).isNull();
        assertThat(whole.findings()).containsExactly(
                "FAIL journalCorrupt: samples.jsonl ends with a torn line (no final newline)",
                whole.findings().get(1),
                "FAIL duplicateAttempt: samples.jsonl line 5 repeats attempt t1#0",
                "FAIL journalCorrupt: samples.jsonl line 6: attempt 5 but the run has k=4");
        assertThat(whole.findings().get(1)).startsWith("FAIL journalCorrupt: samples.jsonl line 4 is not a valid sample: ");
        for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 4096, bytes.length}) {
            assertThat(tapped(bytes, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
    }

    @Test
    void aCleanJournalGivesItsSamplesInOrder() throws IOException {
        byte[] bytes = journal(line("t2", 0, "a".repeat(3000)), line("t1", 0, "b"), line("t1", 1, "c".repeat(70_000)));
        Result whole = direct(bytes);
        assertThat(whole.findings()).isEmpty();
        assertThat(whole.samples()).extracting(Sample::taskId, Sample::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t2", 0), org.assertj.core.groups.Tuple.tuple("t1", 0),
                        org.assertj.core.groups.Tuple.tuple("t1", 1));
        for (int chunk : new int[] {1, 5, 999, 65_536}) {
            assertThat(tapped(bytes, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
    }

    @Test
    void aLineOverTheLimitIsMeasuredNotParsedTornOrNot() throws IOException {
        byte[] big = new byte[Verifier.MAX_LINE_BYTES + (1 << 20) + 5];
        Arrays.fill(big, (byte) ' ');
        big[big.length - 1] = '\n';
        byte[] bytes = journal(line("t1", 0, "a"), big, line("t2", 0, "b"), Arrays.copyOf(big, big.length - 1));
        Result whole = direct(bytes);
        assertThat(whole.findings()).containsExactly(
                "FAIL journalCorrupt: samples.jsonl ends with a torn line (no final newline)",
                "FAIL limitExceeded: samples.jsonl line 2 is 17 MiB (limit 16 MiB)",
                "FAIL limitExceeded: samples.jsonl line 4 is 17 MiB (limit 16 MiB)");
        for (int chunk : new int[] {65_536, 1 << 20, (1 << 20) + 3}) {
            assertThat(tapped(bytes, chunk)).as("chunks of %d bytes", chunk).isEqualTo(whole);
        }
    }
}
