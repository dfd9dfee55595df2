package dev.claimcheck.core.suite.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A folder of ARC task files as the ARC-AGI repositories ship them, and every way a file can be wrong. */
class ArcLoaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/suites/arc");
    private static final String GOOD_PAIR = "{\"input\": [[1]], \"output\": [[2]]}";

    @TempDir
    Path dir;

    @Test
    void theFixtureLoadsInNameOrderWithEveryPair() {
        var loaded = ArcLoader.load(FIXTURES);
        assertThat(loaded.files()).extracting(ArcTaskFile::id)
                .containsExactly("count05", "mirror01", "recolor02", "scale03", "transpose04");
        ArcTaskFile recolor = loaded.files().get(2);
        assertThat(recolor.train()).hasSize(3);
        assertThat(recolor.test()).hasSize(2);
        assertThat(recolor.test().get(1).input().text()).isEqualTo("51\n15\n11");
        assertThat(recolor.test().get(1).output().text()).isEqualTo("52\n25\n22");
        assertThat(recolor.itemId(1)).isEqualTo("recolor02/1");
        assertThat(ArcTaskFile.fileOf("recolor02/1")).isEqualTo("recolor02");
    }

    @Test
    void theHashCoversEachFileNameAndItsBytesLengthPrefixedInNameOrder() throws Exception {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        for (String name : List.of("count05.json", "mirror01.json", "recolor02.json", "scale03.json", "transpose04.json")) {
            byte[] bytes = Files.readAllBytes(FIXTURES.resolve(name));
            framed.write((name.length() + ":" + name + bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            framed.write(bytes);
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(framed.toByteArray()));
        assertThat(ArcLoader.load(FIXTURES).sha256()).isEqualTo(expected);
    }

    @Test
    void theHashChangesWithANameOrAByteAndOtherFilesAreIgnored() throws Exception {
        write("a.json", task(GOOD_PAIR, GOOD_PAIR));
        String before = ArcLoader.load(dir).sha256();
        Files.writeString(dir.resolve("README.md"), "not a task");
        Files.createDirectories(dir.resolve("sub.json"));
        assertThat(ArcLoader.load(dir).sha256()).as("only regular .json files count").isEqualTo(before);
        Files.move(dir.resolve("a.json"), dir.resolve("b.json"));
        String renamed = ArcLoader.load(dir).sha256();
        assertThat(renamed).isNotEqualTo(before);
        write("b.json", task(GOOD_PAIR, GOOD_PAIR) + " ");
        assertThat(ArcLoader.load(dir).sha256()).isNotEqualTo(renamed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            not JSON;                  {"train": [;                                                           t.json:1: not valid JSON
            not an object;             [1, 2];                                                                t.json: $: expected a JSON object with "train" and "test"
            no train;                  {"test": [PAIR]};                                                      t.json: $.train: missing
            empty test;                {"train": [PAIR], "test": []};                                         t.json: $.test: expected a non-empty list
            a pair that is a list;     {"train": [[1]], "test": [PAIR]};                                      t.json: $.train[0]: expected an object with "input" and "output"
            missing test output;       {"train": [PAIR], "test": [{"input": [[1]]}]};                         t.json: $.test[0].output: missing (a test pair without its output cannot be graded
            missing train output;      {"train": [{"input": [[1]]}], "test": [PAIR]};                         t.json: $.train[0].output: missing
            not a grid;                {"train": [{"input": 5, "output": [[1]]}], "test": [PAIR]};            t.json: $.train[0].input: not a grid
            an empty grid;             {"train": [PAIR], "test": [{"input": [], "output": [[1]]}]};           t.json: $.test[0].input: not a grid
            a row that is a number;    {"train": [PAIR], "test": [{"input": [[1], 2], "output": [[1]]}]};     t.json: $.test[0].input[1]: not a row
            ragged rows;               {"train": [PAIR, {"input": [[1, 2], [3]], "output": [[1]]}], "test": [PAIR]}; t.json: $.train[1].input[1]: ragged: 1 cells, row 0 has 2
            a value above 9;           {"train": [PAIR], "test": [{"input": [[1]], "output": [[0, 10]]}]};    t.json: $.test[0].output[0][1]: 10 is not an integer 0-9
            a negative value;          {"train": [{"input": [[-1]], "output": [[1]]}], "test": [PAIR]};       t.json: $.train[0].input[0][0]: -1 is not an integer 0-9
            a fraction;                {"train": [{"input": [[1.5]], "output": [[1]]}], "test": [PAIR]};      t.json: $.train[0].input[0][0]: 1.5 is not an integer 0-9
            a string cell;             {"train": [{"input": [["1"]], "output": [[1]]}], "test": [PAIR]};      t.json: $.train[0].input[0][0]: "1" is not an integer 0-9
            duplicate keys;            {"train": [PAIR], "train": [PAIR], "test": [PAIR]};                    t.json:1: not valid JSON: Duplicate field 'train'
            text after the object;     {"train": [PAIR], "test": [PAIR]} {};                                  t.json:1: not valid JSON
            """)
    void aBadFileNamesItselfAndTheJsonPath(String name, String json, String message) throws Exception {
        write("t.json", json.replace("PAIR", GOOD_PAIR));
        assertThatThrownBy(() -> ArcLoader.load(dir)).as(name).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.getFileName() + "/" + message);
    }

    @Test
    void gridsLargerThanThirtyAreRefused() throws Exception {
        String wide = "[[" + "1,".repeat(30) + "1]]";
        write("w.json", task(GOOD_PAIR, "{\"input\": " + wide + ", \"output\": [[1]]}"));
        assertThatThrownBy(() -> ArcLoader.load(dir)).hasMessageEndingWith("w.json: $.test[0].input[0]: 31 cells, more than 30");
        String tall = "[" + "[1],".repeat(30) + "[1]]";
        write("w.json", task(GOOD_PAIR, "{\"input\": [[1]], \"output\": " + tall + "}"));
        assertThatThrownBy(() -> ArcLoader.load(dir)).hasMessageEndingWith("w.json: $.test[0].output: 31 rows, more than 30");
        String max = "[" + ("[" + "1,".repeat(29) + "1],").repeat(29) + "[" + "1,".repeat(29) + "1]]";
        write("w.json", task(GOOD_PAIR, "{\"input\": " + max + ", \"output\": " + max + "}"));
        assertThat(ArcLoader.load(dir).files().get(0).test().get(0).input().shape()).isEqualTo("30x30");
    }

    @Test
    void aMissingFolderAFileOrAFolderWithoutTasksIsAClearError() throws Exception {
        assertThatThrownBy(() -> ArcLoader.load(dir.resolve("nope"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("dataset folder not found: ");
        assertThatThrownBy(() -> ArcLoader.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith(": no .json task files in the folder");
        write("x.json", task(GOOD_PAIR, GOOD_PAIR));
        assertThatThrownBy(() -> ArcLoader.load(dir.resolve("x.json"))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--dataset must be a folder of ARC task files, not a file: ");
    }

    private static String task(String train, String test) {
        return "{\"train\": [" + train + "], \"test\": [" + test + "]}";
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
    }
}
