package dev.claimcheck.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal written once and read line by line, never whole: parts rotate as {@link Journal}'s do. */
class StreamedJournalTest {
    @TempDir
    Path dir;

    @Test
    void writtenSamplesReadBackInOrderAcrossParts() {
        RunFolder folder = new RunFolder(dir);
        List<Sample> written = IntStream.range(0, 5).mapToObj(i -> JournalTest.sample("t" + i, 0)).toList();
        long lineBytes = SampleCodec.encode(written.get(0)).length;
        assertThat(StreamedJournal.write(folder, written.iterator(), 2 * lineBytes)).isEqualTo(5);
        assertThat(folder.journalPart(2)).exists(); // 2 + 2 + 1 lines
        assertThat(Files.exists(folder.journalPart(3))).isFalse();

        StreamedJournal read = StreamedJournal.of(folder);
        assertThat(read).hasSize(5);
        List<String> ids = new ArrayList<>();
        read.forEach(s -> ids.add(s.taskId()));
        assertThat(ids).containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(Journal.readAll(folder)).extracting(Sample::taskId).containsExactlyElementsOf(ids);
    }

    @Test
    void aLineThatIsNotASampleIsNamedByFileAndLine() throws Exception {
        RunFolder folder = new RunFolder(dir);
        StreamedJournal.write(folder, List.of(JournalTest.sample("t0", 0)).iterator(), Long.MAX_VALUE);
        Files.writeString(folder.journalPart(0), "{\"not\": \"a sample\"}\n", java.nio.file.StandardOpenOption.APPEND);
        StreamedJournal read = StreamedJournal.of(folder);
        assertThat(read.size()).isEqualTo(2);
        assertThatThrownBy(() -> read.forEach(s -> { }))
                .isInstanceOf(BadInputException.class).hasMessageContaining("samples.jsonl:2 is not a valid sample");
    }
}
