package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.judge.AnswerJudgeReply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer judge's reply is read only in its fixed shape {"verdict": "correct" | "incorrect", "reason": "…"}; thinking
 * before it and a code fence around it are allowed, anything else is a parse failure with its reason, never a verdict.
 */
class AnswerJudgeReplyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"verdict": "correct", "reason": "same set"}                                  | true
            {"verdict": "incorrect", "reason": "3 is not 4"}                              | false
            <think>is {1,2} the same as {2,1}? yes</think>{"verdict": "correct", "reason": "order"} | true
            ```json\\n{"verdict": "incorrect", "reason": "x"}\\n```                       | false
            """)
    void aReplyInTheFixedShapeGivesItsVerdictAndReason(String reply, boolean correct) {
        AnswerJudgeReply r = AnswerJudgeReply.read(reply.replace("\\n", "\n"));
        assertThat(r.parsed()).as(r.failure()).isTrue();
        assertThat(r.correct()).isEqualTo(correct);
        assertThat(r.reason()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            The response is correct.                               | no JSON object in the reply
            {"verdict": "Correct", "reason": "case"}               | verdict 'Correct' is neither "correct" nor "incorrect"
            {"verdict": true, "reason": "a boolean"}               | no string "verdict"
            {"verdict": "partially correct", "reason": "half"}     | verdict 'partially correct' is neither "correct" nor "incorrect"
            {"verdict": "correct"}                                 | no string "reason"
            {"verdict": "correct", "reason": "cut               | no JSON object in the reply
            {"verdict": "correct", "reason": "x",}                 | not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name
            ``                                                     | empty reply
            """)
    void anythingElseIsAParseFailureWithItsReason(String reply, String failure) {
        AnswerJudgeReply r = AnswerJudgeReply.read(reply);
        assertThat(r.parsed()).isFalse();
        assertThat(r.correct()).isNull();
        assertThat(r.failure()).isEqualTo(failure);
    }
}
