package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.math.MathRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** grade@.'s one-pass read of the reference gives what grading and normalizing it apart give. */
class GradeWithReferenceTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\boxed{1,234} | 1234",
        "The answer is 5 km | 5",
        "x^2+2x+1 | (x+1)^2",
        "(B) | B",
        "no answer here at all | \\boxed{}",
        "7 | ''",
        "3 | The total is \\boxed{3} and then \\boxed{4}",
        "2^{99999999} | 2^{99999999}",
    })
    void isTheVerdictAndTheNormalizedReferenceEachAsAlone(String response, String expected) {
        for (MathRules rules : MathRules.values()) {
            MathGrader grader = new MathGrader(rules);
            Grader.Graded g = grader.gradeWithReference(response, expected);
            assertThat(g.verdict()).isEqualTo(grader.grade(response, expected));
            assertThat(g.goldNormalized()).isEqualTo(grader.normalizeExpected(expected));
        }
    }
}
