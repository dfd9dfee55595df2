package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.mrcr.MrcrExpected;
import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MRCR's rule: no random string first, 0; else the ratio of what follows it against the answer without it. */
class MrcrGraderTest {
    final MrcrGrader grader = new MrcrGrader();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            the exact answer                 | Q7xabcd      | 1.0    | true
            one item off at each end         | Q7xbcde      | 0.75   | false
            the string missing               | abcd         | 0.0    | false
            the string not first             | ' Q7xabcd'   | 0.0    | false
            the string in another case       | q7xabcd      | 0.0    | false
            only the string                  | Q7x          | 0.0    | false
            the answer with text after it    | Q7xabcdabcd  | 0.6666666666666666 | false
            """)
    void gradesByThePublishedRule(String why, String response, double score, boolean correct) {
        Verdict v = grader.grade(response, new MrcrExpected("Q7x", "Q7xabcd").toJson());
        assertThat(v.score()).as(why).isEqualTo(score);
        assertThat(v.correct()).as(why).isEqualTo(correct);
        assertThat(v.grader()).isEqualTo("mrcr");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not json
            '{"answer": "x"}'
            """)
    void anExpectedAnswerThatIsNotTheJsonFormScoresZeroWithAReason(String expected) {
        Verdict v = grader.grade("x", expected);
        assertThat(v.score()).isZero();
        assertThat(v.detail()).contains("not {\"prepend\", \"answer\"} JSON");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''
            """)
    void anEmptyResponseLacksTheString(String response) {
        Verdict v = grader.grade(response, new MrcrExpected("Q7x", "Q7xabcd").toJson());
        assertThat(v.detail()).isEqualTo("missing prefix Q7x");
    }
}
