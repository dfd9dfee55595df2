package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.bfcl.BfclDetail;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which part of the response each mode reads, and what a reply that cannot be read as calls counts as. */
class BfclGraderTest {
    static final String FUNCTIONS = "[{\"name\":\"math.factorial\",\"parameters\":{\"type\":\"dict\",\"properties\":"
            + "{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}}]";
    static final String GT = "[{\"math.factorial\":{\"n\":[5]}}]";

    static String expected(String category, String mode) {
        return "{\"category\":\"" + category + "\",\"mode\":\"" + mode + "\",\"functions\":" + FUNCTIONS
                + (category.contains("irrelevance") ? "" : ",\"ground_truth\":" + GT) + "}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fc: a native call with the right arguments       | simple_python | fc     | math_factorial | {"n": 5}  |                        | true
            fc: malformed arguments are no call              | simple_python | fc     | math_factorial | {"n": 5   |                        | false
            fc: calls written as text are not native calls   | simple_python | fc     |                |           | [math.factorial(n=5)]  | false
            fc: irrelevance answered in text                 | irrelevance   | fc     |                |           | No tool fits.          | true
            fc: irrelevance with a malformed call is no call | irrelevance   | fc     | math_factorial | not json  |                        | true
            prompt: calls written as text                    | simple_python | prompt |                |           | [math.factorial(n=5)]  | true
            prompt: native tool calls are not read           | simple_python | prompt | math_factorial | {"n": 5}  |                        | false
            """)
    void readsThePartOfTheResponseItsModeNames(String name, String category, String mode, String tool, String args,
                                               String content, boolean correct) {
        List<ToolCall> calls = tool == null ? List.of() : List.of(new ToolCall("c1", tool, args));
        Verdict v = new BfclGrader().gradeResponse(new Response(content, null, calls, null), expected(category, mode));
        assertThat(v.correct()).as(v.detail()).isEqualTo(correct);
        assertThat(BfclDetail.parse(v.detail()).orElseThrow().category()).isEqualTo(category);
    }
}
