package dev.claimcheck.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static Sample sample(String task, int attempt) {
        return new Sample(task, attempt, null, "hash-" + task, null, null, new Response("\\boxed{1}", null, null, "stop"),
                new Usage(5, 7, 0, 0), null, new Verdict(true, 1, "1", "1", "arith", "1", "exact"), null, null);
    }

    @Test
    void appendedSamplesSurviveReopening() {
        RunFolder folder = new RunFolder(dir);
        try (Journal j = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK)) {
            j.append(sample("a", 0));
            j.append(sample("a", 1));
        }
        try (Journal j = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK)) {
            assertThat(j.samples()).extracting(Sample::key).hasSize(2);
            assertThat(j.contains(sample("a", 1).key())).isTrue();
            assertThat(j.repairs()).isEmpty();
        }
        assertThat(Journal.readAll(folder)).hasSize(2);
        assertThat(folder.lockFile()).doesNotExist();
    }

    @Test
    void aTornLastLineIsCutAndRecorded() throws IOException {
        RunFolder folder = new RunFolder(dir);
        try (Journal j = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK)) {
            j.append(sample("a", 0));
        }
        long goodSize = Files.size(folder.journalPart(0));
        Files.write(folder.journalPart(0), "{\"taskId\":\"b\",\"att".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> Journal.readAll(folder)).isInstanceOf(BadInputException.class).hasMessageContaining("torn line");
        try (Journal j = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK)) {
            assertThat(j.samples()).hasSize(1);
            assertThat(j.repairs()).singleElement().satisfies(r -> {
                assertThat(r.file()).isEqualTo("samples.jsonl");
                assertThat(r.offset()).isEqualTo(goodSize);
                assertThat(r.droppedBytes()).isEqualTo(18);
            });
            j.append(sample("b", 0));
        }
        assertThat(Journal.readAll(folder)).extracting(Sample::taskId).containsExactly("a", "b");
    }

    @Test
    void cuttingFromAnAttemptDropsItAndEverythingAfterAcrossPartsAndRecordsEachCut() throws IOException {
        RunFolder folder = new RunFolder(dir);
        long lineBytes = SampleCodec.encode(sample("t0", 0)).length;
        try (Journal j = Journal.open(folder, 3 * lineBytes, CLOCK)) { // three lines per part
            for (int i = 0; i < 8; i++) {
                j.append(sample("t" + i, 0));
            }
        }
        assertThat(folder.journalPart(2)).exists();
        try (Journal j = Journal.open(folder, 3 * lineBytes, CLOCK)) {
            j.cutFrom(sample("t4", 0).key(), CLOCK);
            assertThat(j.samples()).extracting(Sample::taskId).containsExactly("t0", "t1", "t2", "t3");
            assertThat(j.repairs()).satisfiesExactly(
                    r -> assertThat(r).extracting("file", "offset", "droppedBytes").containsExactly("samples.1.jsonl", lineBytes, 2 * lineBytes),
                    r -> assertThat(r).extracting("file", "offset", "droppedBytes").containsExactly("samples.2.jsonl", 0L, 2 * lineBytes));
            j.append(sample("t4", 0)); // the cut tail can be written again
        }
        assertThat(folder.journalPart(2)).doesNotExist();
        assertThat(Journal.readAll(folder)).extracting(Sample::taskId).containsExactly("t0", "t1", "t2", "t3", "t4");
    }

    @Test
    void aSecondWriterIsRefused() {
        RunFolder folder = new RunFolder(dir);
        try (Journal first = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK)) {
            assertThatThrownBy(() -> Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK))
                    .isInstanceOf(RunFailedException.class).hasMessageContaining("another process is writing");
            first.append(sample("a", 0));
        }
    }

    @Test
    void partsRotateBeforeExceedingTheLimitAndReadBackInOrder() throws IOException {
        RunFolder folder = new RunFolder(dir);
        int lineBytes = SampleCodec.encode(sample("t00", 0)).length;
        try (Journal j = Journal.open(folder, lineBytes * 3L, CLOCK)) {
            for (int i = 0; i < 10; i++) {
                j.append(sample(String.format("t%02d", i), 0));
            }
        }
        assertThat(folder.journalPart(3)).exists();
        assertThat(folder.journalPart(4)).doesNotExist();
        for (int p = 0; p <= 3; p++) {
            assertThat(Files.size(folder.journalPart(p))).isLessThanOrEqualTo(lineBytes * 3L);
        }
        assertThat(Journal.readAll(folder)).extracting(Sample::taskId)
                .containsExactly("t00", "t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08", "t09");
    }

    @Test
    void aSecondLineForTheSameAttemptIsRefused() {
        try (Journal j = Journal.open(new RunFolder(dir), Journal.DEFAULT_PART_LIMIT, CLOCK)) {
            j.append(sample("a", 0));
            assertThatThrownBy(() -> j.append(sample("a", 0))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aCorruptCompleteLineIsAnErrorNotSilentlyDropped() throws IOException {
        RunFolder folder = new RunFolder(dir);
        Files.writeString(folder.journalPart(0), "{\"not\": \"a sample\"}\n");
        assertThatThrownBy(() -> Journal.open(folder, Journal.DEFAULT_PART_LIMIT, CLOCK))
                .isInstanceOf(BadInputException.class).hasMessageContaining("samples.jsonl line 1 is not a valid sample");
        assertThat(Files.readString(folder.journalPart(0))).isEqualTo("{\"not\": \"a sample\"}\n");
    }
}
