package dev.claimcheck.core.suite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.RunManifest.DatasetFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GSM8K's public JSON Lines layout loads with row-position ids and the number after {@code ####}. */
class Gsm8kFormatTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/math/gsm8k-style.jsonl");

    @TempDir
    Path dir;

    @Test
    void rowsAreNumberedFromZeroAndTheAnswerIsTheFinalNumberWithoutCommas() {
        Dataset d = DatasetLoader.load(FIXTURE, Map.of());
        assertThat(d.fields()).isEqualTo(new DatasetFields("#row", "question", "answer"));
        assertThat(d.rows()).extracting(DatasetRow::id).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
        assertThat(d.rows()).extracting(DatasetRow::answer).containsExactly("288", "1625", "-7", "210", "10000", "4.5", "7", "11");
        assertThat(d.rows().get(0).problem()).startsWith("A baker fills 12 trays");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain final line             | 'Work.\\n#### 72'           | 72
            thousands commas             | 'Sum.\\n#### 1,234,567'     | 1234567
            no space after the marks     | 'Sum.\\n####18'             | 18
            trailing blank line          | 'Sum.\\n#### 5\\n'          | 5
            whole answer is the line     | '#### 3'                    | 3
            """)
    void finalAnswerLine(String name, String solution, String expected) {
        assertThat(Gsm8kFormat.finalAnswer(solution.replace("\\n", "\n"))).contains(expected);
    }

    @Test
    void aSolutionWithoutAFinalLineHasNoAnswer() {
        assertThat(Gsm8kFormat.finalAnswer("The answer is 4.")).isEmpty();
        assertThat(Gsm8kFormat.finalAnswer("#### 4\nthen more text")).isEmpty();
    }

    @Test
    void aLaterRowWithoutTheFinalLineIsAnErrorNamingItsLine() throws Exception {
        Path p = dir.resolve("test.jsonl");
        Files.writeString(p, "{\"question\": \"1+1?\", \"answer\": \"1+1=2\\n#### 2\"}\n{\"question\": \"2+2?\", \"answer\": \"4\"}\n");
        assertThatThrownBy(() -> DatasetLoader.load(p, Map.of()))
                .isInstanceOf(BadInputException.class).hasMessage("test.jsonl:2: the answer has no final '#### <number>' line");
    }

    @Test
    void anIdColumnOrAnAnswerWithoutHashesKeepsTheUsualDetection() throws Exception {
        Path withId = dir.resolve("with-id.jsonl");
        Files.writeString(withId, "{\"id\": \"a\", \"question\": \"1+1?\", \"answer\": \"#### 2\"}\n");
        assertThat(DatasetLoader.load(withId, Map.of()).fields().id()).isEqualTo("id");
        Path plain = dir.resolve("plain.jsonl");
        Files.writeString(plain, "{\"question\": \"1+1?\", \"answer\": \"2\"}\n");
        assertThatThrownBy(() -> DatasetLoader.load(plain, Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no id field");
    }
}
