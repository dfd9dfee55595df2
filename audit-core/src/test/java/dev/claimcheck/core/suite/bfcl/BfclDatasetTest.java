package dev.claimcheck.core.suite.bfcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder as gorilla ships it; every error names the file and line. */
class BfclDatasetTest {
    @TempDir
    Path dir;

    static final String Q = "{\"id\": \"simple_python_0\", \"question\": [[{\"role\": \"user\", \"content\": \"Hi\"}]], "
            + "\"function\": [{\"name\": \"f\", \"parameters\": {\"type\": \"dict\", \"properties\": {\"a\": {\"type\": \"integer\"}}, \"required\": [\"a\"]}}]}";
    static final String A = "{\"id\": \"simple_python_0\", \"ground_truth\": [{\"f\": {\"a\": [1]}}]}";

    void write(String questions, String answers) throws Exception {
        Files.writeString(dir.resolve("BFCL_v4_simple_python.json"), questions);
        Files.createDirectories(dir.resolve("possible_answer"));
        if (answers != null) {
            Files.writeString(dir.resolve("possible_answer/BFCL_v4_simple_python.json"), answers);
        }
    }

    @Test
    void readsQuestionsWithTheirPossibleAnswersAndHashesTheFilesRead() throws Exception {
        write(Q + "\n", A + "\n");
        BfclDataset d = BfclDataset.load(dir, List.of());
        assertThat(d.version()).isEqualTo("v4");
        assertThat(d.questions()).singleElement().satisfies(q -> {
            assertThat(q.category()).isEqualTo("simple_python");
            assertThat(q.groundTruth().toString()).isEqualTo("[{\"f\":{\"a\":[1]}}]");
        });
        String before = d.sha256();
        write(Q + "\n", A.replace("[1]", "[2]") + "\n");
        assertThat(BfclDataset.load(dir, List.of()).sha256()).as("the answer file is part of the hash").isNotEqualTo(before);
    }

    @Test
    void aV4FileSupersedesItsV3Namesake() throws Exception {
        write(Q, A);
        Files.writeString(dir.resolve("BFCL_v3_simple_python.json"), "not json");
        assertThat(BfclDataset.load(dir, List.of()).version()).isEqualTo("v4");
    }

    @Test
    void aQuestionWithoutAPossibleAnswerIsNamed() throws Exception {
        write(Q + "\n", "\n");
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of())).isInstanceOf(BadInputException.class)
                .hasMessage("BFCL_v4_simple_python.json:1: id simple_python_0 has no possible answer in possible_answer/BFCL_v4_simple_python.json");
    }

    @Test
    void aMissingAnswerFileIsNamed() throws Exception {
        write(Q, null);
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of())).hasMessage("possible_answer/BFCL_v4_simple_python.json: no such file");
    }

    @Test
    void badJsonNamesTheLine() throws Exception {
        write(Q + "\n{oops\n", A);
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of())).hasMessageStartingWith("BFCL_v4_simple_python.json:2: not valid JSON");
    }

    @Test
    void aMultiTurnQuestionInASingleTurnCategoryIsRefused() throws Exception {
        write(Q.replace("[[{\"role\": \"user\", \"content\": \"Hi\"}]]", "[[{\"role\": \"user\", \"content\": \"Hi\"}], []]"), A);
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of())).hasMessageContaining(":1: id simple_python_0: question must be one turn");
    }

    @Test
    void aMalformedGroundTruthIsNamed() throws Exception {
        write(Q, A.replace("[1]", "1"));
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of()))
                .hasMessage("possible_answer/BFCL_v4_simple_python.json:1: id simple_python_0: each parameter's possible answer must be a list of values");
    }

    @Test
    void aFolderWithoutRunnableCategoriesIsRefused() throws Exception {
        Files.writeString(dir.resolve("BFCL_v4_multi_turn_base.json"), "");
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of())).hasMessageContaining("no question file of a runnable category");
        assertThatThrownBy(() -> BfclDataset.load(dir, List.of("multi_turn_base")))
                .hasMessageContaining("multi_turn_base is not run: multi-turn: needs BFCL's stateful Python API back ends");
    }
}
