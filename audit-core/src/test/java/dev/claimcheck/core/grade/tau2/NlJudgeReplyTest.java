package dev.claimcheck.core.grade.tau2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The NL judge's reply shape: one result per assertion, in order, with a boolean verdict; anything else is a failure. */
class NlJudgeReplyTest {
    static final List<String> TWO = List.of("The agent apologises.", "The agent offers a voucher.");

    @Test
    void eachResultAnswersTheAssertionInItsPlace() {
        NlJudgeReply r = NlJudgeReply.read("{\"results\": [{\"expectedOutcome\": \"x\", \"reasoning\": \"said sorry\", "
                + "\"metExpectation\": true}, {\"expectedOutcome\": \"y\", \"reasoning\": \"none\", \"metExpectation\": false}]}", TWO);
        assertThat(r.checks()).containsExactly(new NlJudgeReply.Check("The agent apologises.", true, "said sorry"),
                new NlJudgeReply.Check("The agent offers a voucher.", false, "none"));
        assertThat(r.allMet()).isFalse();
    }

    @Test
    void thinkingAndAFenceAroundTheObjectAreAllowed() {
        NlJudgeReply r = NlJudgeReply.read("<think>hmm {</think>```json\n{\"results\": [{\"metExpectation\": true, "
                + "\"reasoning\": \"ok\"}]}\n```", List.of("a"));
        assertThat(r.parsed()).isTrue();
        assertThat(r.allMet()).isTrue();
    }

    @Test
    void aReplyThatDoesNotAnswerEveryAssertionIsAFailureNeverAVerdict() {
        assertThat(NlJudgeReply.read("{\"results\": [{\"metExpectation\": true}]}", TWO).failure())
                .isEqualTo("1 results for 2 assertions");
        assertThat(NlJudgeReply.read("{\"results\": [{\"metExpectation\": \"yes\"}, {\"metExpectation\": true}]}", TWO).failure())
                .isEqualTo("results[0]: no boolean \"metExpectation\"");
        assertThat(NlJudgeReply.read("{\"verdict\": \"met\"}", TWO).failure()).isEqualTo("no \"results\" list");
        assertThat(NlJudgeReply.read("The agent did well.", TWO).failure()).isEqualTo("no JSON object in the reply");
        assertThat(NlJudgeReply.read("The agent did well.", TWO).allMet()).isFalse();
    }
}
