package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxedIntegerGraderTest {
    private static final BoxedIntegerGrader GRADER = new BoxedIntegerGrader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            boxed integer            | 42  | So \\boxed{42}.                | true
            nested box last wins     | 42  | \\boxed{41} no wait \\boxed{42} | true
            thousands separator      | 1234| \\boxed{1,234}                 | true
            negative                 | -3  | \\boxed{-3}                    | true
            sign matters             | 3   | \\boxed{-3}                    | false
            off by one               | 42  | \\boxed{41}                    | false
            fraction is not integer  | 2   | \\boxed{4/2}                   | false
            decimal is not integer   | 2   | \\boxed{2.0}                   | false
            cue fallback             | 7   | The answer is 7                | true
            unclosed box             | 7   | \\boxed{7                      | false
            gold not integer         | x   | \\boxed{7}                     | false
            """)
    void gradesExactIntegers(String name, String gold, String pred, boolean equal) {
        var v = GRADER.grade(pred, gold);
        assertThat(v.correct()).as(name + " " + v.detail()).isEqualTo(equal);
        assertThat(v.grader()).isEqualTo("arith");
    }
}
