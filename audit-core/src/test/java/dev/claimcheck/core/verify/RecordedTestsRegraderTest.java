package dev.claimcheck.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.CodeDetail;
import dev.claimcheck.core.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recorded code verdicts against their per-test verdicts: consistent ones pass, each kind of edit is caught. */
class RecordedTestsRegraderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            all passed                    | accepted     | accepted,accepted,accepted | 3 | true  | -
            first failure ends the run    | wrongAnswer  | accepted,wrongAnswer       | 3 | false | -
            never ran                     | compileError | ''                         | 3 | false | -
            forged correct                | wrongAnswer  | accepted,wrongAnswer       | 3 | true  | recorded correct=true score=1.0 for verdict wrongAnswer
            accepted with a test missing  | accepted     | accepted,accepted          | 3 | true  | verdict accepted without a failing test
            verdict unlike its test       | timeLimit    | accepted,wrongAnswer       | 3 | false | per-test verdicts give wrongAnswer, recorded timeLimit
            ran past a failure            | wrongAnswer  | wrongAnswer,accepted       | 3 | false | tests ran past the first failure (test 1)
            more results than tests       | accepted     | accepted,accepted          | 1 | true  | 2 test results for 1 tests
            unknown verdict               | hacked       | ''                         | 1 | false | unknown verdict 'hacked'
            """)
    void check(String name, String verdict, String tests, int total, boolean correct, String problem) {
        List<CodeDetail.Test> ts = new ArrayList<>();
        for (String t : tests.isEmpty() ? new String[0] : tests.split(",")) {
            ts.add(new CodeDetail.Test(t.equals("accepted"), t, 1));
        }
        String detail = new CodeDetail(verdict, ts, total, "m", "py", "x").toJson();
        String found = RecordedTestsRegrader.check(new Verdict(correct, correct ? 1 : 0, "x", "sha256:1", "code", "1", detail));
        if (problem == null) {
            assertThat(found).isNull();
        } else {
            assertThat(found).startsWith(problem);
        }
    }
}
