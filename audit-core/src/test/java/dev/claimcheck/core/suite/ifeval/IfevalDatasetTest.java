package dev.claimcheck.core.suite.ifeval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.ifeval.Instruction;
import dev.claimcheck.core.model.PromptHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IfevalDatasetTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/ifeval/input_data.jsonl");
    static final String GOOD = "{\"key\": 1, \"prompt\": \"Reply.\", \"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}";

    @TempDir
    Path dir;

    @Test
    void theFixtureLoadsInFileOrderAndCoversAll25Instructions() throws Exception {
        IfevalDataset d = IfevalDataset.load(FIXTURE);
        assertThat(d.prompts()).hasSize(20);
        assertThat(d.prompts().get(0).key()).isEqualTo(9001);
        assertThat(d.prompts().get(0).line()).isEqualTo(1);
        assertThat(d.sha256()).isEqualTo(PromptHash.sha256Hex(Files.readAllBytes(FIXTURE)));
        Set<Instruction> seen = EnumSet.noneOf(Instruction.class);
        d.prompts().forEach(p -> seen.addAll(p.spec().ids()));
        assertThat(seen).containsExactlyInAnyOrder(Instruction.values());
    }

    @Test
    void blankLinesAndCrlfEndingsAreRead() throws Exception {
        Path f = dir.resolve("input_data.jsonl");
        Files.writeString(f, GOOD + "\r\n\r\n" + GOOD.replace("\"key\": 1", "\"key\": 2") + "\r\n");
        assertThat(IfevalDataset.load(f).prompts()).extracting(IfevalPrompt::key).containsExactly(1, 2);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"key": 1, "prompt": "x"                                                                     | input_data.jsonl:2: not valid JSON at column 25
            [1, 2]                                                                                      | input_data.jsonl:2: expected a JSON object
            {"key": "1", "prompt": "x", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]} | input_data.jsonl:2: key must be an integer, got "1"
            {"key": 2, "prompt": "", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}    | input_data.jsonl:2: prompt must be a non-empty string
            {"key": 2, "prompt": "x", "instruction_id_list": [], "kwargs": []}                           | input_data.jsonl:2: key 2: instruction_id_list must be a non-empty list of instruction ids
            {"key": 2, "prompt": "x", "instruction_id_list": ["punctuation:no_dash"], "kwargs": [{}]}    | input_data.jsonl:2: key 2: unknown instruction id "punctuation:no_dash"
            {"key": 2, "prompt": "x", "instruction_id_list": ["length_constraints:number_words"], "kwargs": [{"relation": "at least", "num_words": null}]} | input_data.jsonl:2: key 2: instruction length_constraints:number_words: kwarg num_words is missing
            {"key": 1, "prompt": "x", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}   | input_data.jsonl:2: key 1 appears twice
            """)
    void aBadLineIsNamedByFileAndLine(String line, String message) throws Exception {
        Path f = dir.resolve("input_data.jsonl");
        Files.writeString(f, GOOD + "\n" + line + "\n");
        assertThatThrownBy(() -> IfevalDataset.load(f)).isInstanceOf(BadInputException.class).hasMessage(message);
    }

    @Test
    void limitsAndMissingFilesAreOneLine() throws Exception {
        Path f = dir.resolve("big.jsonl");
        Files.writeString(f, "{\"key\": 1, \"prompt\": \"" + "a".repeat(IfevalDataset.MAX_LINE_CHARS) + "\"}\n");
        assertThatThrownBy(() -> IfevalDataset.load(f)).hasMessage("big.jsonl:1: line longer than " + IfevalDataset.MAX_LINE_CHARS + " characters");
        assertThatThrownBy(() -> IfevalDataset.load(dir.resolve("none.jsonl"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("none.jsonl: no such file");
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n");
        assertThatThrownBy(() -> IfevalDataset.load(empty)).hasMessage("empty.jsonl: no prompts");
        Path latin1 = dir.resolve("latin1.jsonl");
        Files.write(latin1, new byte[] {'{', (byte) 0xE9, '}'});
        assertThatThrownBy(() -> IfevalDataset.load(latin1)).hasMessage("latin1.jsonl: not UTF-8 text");
    }
}
