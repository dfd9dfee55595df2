package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A judge reply, read in the fixed shape {"points", "justification"}; anything else is a parse failure with a reason. */
class ProofJudgeGraderTest {
    final ProofJudgeGrader grader = new ProofJudgeGrader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain object                 | {"points": 7, "justification": "complete"}                          | 7.0
            fenced                       | ```json\\n{"points": 3, "justification": "part (a) only"}\\n```       | 3.0
            thinking first               | <think>{"points": 1} is too low</think>{"points": 5, "justification": "x"} | 5.0
            half points                  | {"points": 3.5, "justification": "x"}                               | 3.5
            zero is a grade              | {"points": 0, "justification": "wrong answer"}                      | 0.0
            """)
    void aReplyInTheShapeIsRead(String name, String reply, double points) {
        Verdict v = grader.grade(reply.replace("\\n", "\n"), "7");
        assertThat(v.extracted()).isEqualTo(String.valueOf(points));
        assertThat(v.score()).isEqualTo(points / 7);
        assertThat(v.correct()).isEqualTo(points == 7);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prose                        | I would give this 7 points.                            | no JSON object in the reply
            points as text               | {"points": "7", "justification": "x"}                  | no numeric "points"
            no justification             | {"points": 7}                                          | no string "justification"
            above the maximum            | {"points": 9, "justification": "x"}                    | points 9 outside [0, 7]
            negative                     | {"points": -1, "justification": "x"}                   | points -1 outside [0, 7]
            broken JSON                  | {"points": 7, "justification": }                       | not valid JSON
            """)
    void anythingElseIsAParseFailureNeverZeroPoints(String name, String reply, String reason) {
        Verdict v = grader.grade(reply, "7");
        assertThat(v.extracted()).isNull();
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).startsWith("parse failure: ").contains(reason);
    }

    @Test
    void anEmptyReplyIsAParseFailure() {
        assertThat(grader.grade("", "7").detail()).isEqualTo("parse failure: empty reply");
    }

    @Test
    void itIsRegistered() {
        assertThat(Graders.byId(ProofJudgeGrader.ID)).isInstanceOf(ProofJudgeGrader.class);
    }
}
