package dev.claimcheck.core.suite.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.code.CodeTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LcbLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theFixtureLoadsWithPlainAndCompressedTests() {
        LcbLoader.Loaded l = LcbLoader.load(CodeSuiteTest.FIXTURES.resolve("problems.jsonl"));
        assertThat(l.problems()).extracting(CodeProblem::id).containsExactly("cc001", "cc002", "cc003", "cc004");
        CodeProblem twoSum = l.problems().get(2);
        assertThat(twoSum.fnName()).isEqualTo("twoSum");
        assertThat(twoSum.privateTests()).hasSize(2)
                .allSatisfy(t -> assertThat(t.kind()).isEqualTo(CodeTest.Kind.CALL));
        assertThat(l.problems().get(1).privateTests()).hasSize(3);
        assertThat(l.problems().get(1).date()).isEqualTo("2025-02-10");
        assertThat(l.sha256()).hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no id         | {"question_content":"q","public_test_cases":"[]"}                                              | rows.jsonl:1: missing question_id
            no content    | {"question_id":"a","public_test_cases":"[]"}                                                   | rows.jsonl:1: missing question_content
            no tests      | {"question_id":"a","question_content":"q","public_test_cases":"[]"}                            | rows.jsonl:1 (a): no test cases
            test no output| {"question_id":"a","question_content":"q","public_test_cases":"[{\\"input\\":\\"1\\"}]"}      | rows.jsonl:1 (a) public_test_cases[0]: needs string input and output
            call no fn    | {"question_id":"a","question_content":"q","public_test_cases":"[{\\"input\\":\\"1\\",\\"output\\":\\"1\\",\\"testtype\\":\\"functional\\"}]"} | rows.jsonl:1 (a) public_test_cases[0]: a functional test needs metadata.func_name
            not json      | {nope                                                                                          | rows.jsonl: not JSON Lines
            """)
    void badRowsAreRefusedWithTheLineAndField(String name, String row, String message) throws Exception {
        Path f = Files.writeString(dir.resolve("rows.jsonl"), row + "\n");
        assertThatThrownBy(() -> LcbLoader.load(f)).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
    }

    @Test
    void duplicateIdsAndBadDatesAreRefused() throws Exception {
        String row = "{\"question_id\":\"a\",\"question_content\":\"q\",\"public_test_cases\":\"[{\\\"input\\\":\\\"1\\\",\\\"output\\\":\\\"1\\\"}]\"}";
        Path f = Files.write(dir.resolve("rows.jsonl"), List.of(row, row));
        assertThatThrownBy(() -> LcbLoader.load(f)).hasMessage("rows.jsonl:2: duplicate question_id a");
        CodeOptions o = new CodeOptions();
        o.after = "Feb 2025";
        assertThatThrownBy(() -> CodeSuite.select(List.of(), o)).isInstanceOf(BadInputException.class)
                .hasMessage("--after must be a date YYYY-MM-DD, not 'Feb 2025'");
    }
}
