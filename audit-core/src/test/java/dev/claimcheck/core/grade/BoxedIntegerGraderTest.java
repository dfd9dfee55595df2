package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxedIntegerGraderTest {
    final BoxedIntegerGrader grader = new BoxedIntegerGrader();

    @ParameterizedTest(name = "[{index}] {0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            The answer is \\boxed{42}.            | 42   | true
            \\boxed{1,234}                         | 1234 | true
            \\boxed{ -7 }                          | -7   | true
            \\boxed{007}                           | 7    | true
            \\boxed{41} no wait \\boxed{42}         | 42   | true
            \\boxed{42} no wait \\boxed{41}         | 42   | false
            \\boxed{4.2}                           | 42   | false
            \\boxed{42                             | 42   | false
            42                                    | 42   | false
            \\boxed{\\frac{84}{2}}                 | 42   | false
            \\boxed{}                              | 42   | false
            """)
    void gradesExactIntegersOnly(String response, String expected, boolean correct) {
        Verdict v = grader.grade(response, expected);
        assertThat(v.correct()).isEqualTo(correct);
        assertThat(v.score()).isEqualTo(correct ? 1.0 : 0.0);
        assertThat(v.grader()).isEqualTo("arith");
        assertThat(v.detail()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({"'\\boxed{{{{{{{{{{'", "''", "'\\boxed{999999999999999999999999999999}'"})
    void hostileOrEmptyInputGetsAVerdictNotAnException(String response) {
        assertThat(grader.grade(response, "1").correct()).isFalse();
        assertThat(grader.grade(null, "1").correct()).isFalse();
    }
}
