package dev.claimcheck.core.grade.tau2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Tau2Grader;
import org.junit.jupiter.api.Test;

/**
 * One reference action against one recorded call, a rule per case: the exact match (name, {@code compare_args}), and
 * τ²-bench's {@code allow_partial_match}, where the right tool with other arguments earns half the credit, and the
 * ACTION component is the mean of each action's best credit.
 */
class ExpectedActionTest {
    static ExpectedAction action(String json) {
        return ExpectedAction.parse(Tau2Json.parse(json, "action"), "action");
    }

    static JsonNode args(String json) {
        return Tau2Json.parse(json, "call");
    }

    static final String BAGS = """
            {"action_id": "1_0", "name": "update_reservation_baggages",
             "arguments": {"reservation_id": "R2002", "total_baggages": 2, "payment_id": "credit_card_1"},
             "compare_args": ["reservation_id", "total_baggages"]%s}""";

    @Test
    void withoutAllowPartialMatchAWrongArgumentEarnsNothing() {
        ExpectedAction a = action(BAGS.formatted(""));
        assertThat(a.allowPartialMatch()).isFalse();
        assertThat(a.reward("update_reservation_baggages", args("{\"reservation_id\": \"R2002\", \"total_baggages\": 3}"))).isZero();
    }

    @Test
    void allowPartialMatchFalseIsTheSameAsAbsent() {
        ExpectedAction a = action(BAGS.formatted(", \"allow_partial_match\": false"));
        assertThat(a.reward("update_reservation_baggages", args("{\"reservation_id\": \"R2002\", \"total_baggages\": 3}"))).isZero();
    }

    @Test
    void aPartialMatchIsTheRightToolWithAWrongArgumentForHalfTheCredit() {
        ExpectedAction a = action(BAGS.formatted(", \"allow_partial_match\": true"));
        assertThat(a.reward("update_reservation_baggages", args("{\"reservation_id\": \"R2002\", \"total_baggages\": 3}")))
                .isEqualTo(ExpectedAction.PARTIAL_CREDIT).isEqualTo(0.5);
    }

    @Test
    void aPartialMatchCountsAMissingArgumentAsWrong() {
        ExpectedAction a = action(BAGS.formatted(", \"allow_partial_match\": true"));
        assertThat(a.reward("update_reservation_baggages", args("{\"reservation_id\": \"R2002\"}"))).isEqualTo(0.5);
        assertThat(a.reward("update_reservation_baggages", args("{}"))).isEqualTo(0.5);
    }

    @Test
    void anExactMatchEarnsFullCreditWhetherOrNotPartialMatchIsAllowed() {
        JsonNode exact = args("{\"reservation_id\": \"R2002\", \"total_baggages\": 2, \"payment_id\": \"gift_card_9\"}");
        assertThat(action(BAGS.formatted(", \"allow_partial_match\": true")).reward("update_reservation_baggages", exact)).isEqualTo(1.0);
        assertThat(action(BAGS.formatted("")).reward("update_reservation_baggages", exact)).isEqualTo(1.0);
    }

    @Test
    void anotherToolEarnsNothingEvenWithPartialMatch() {
        ExpectedAction a = action(BAGS.formatted(", \"allow_partial_match\": true"));
        assertThat(a.reward("get_reservation_details", args("{\"reservation_id\": \"R2002\", \"total_baggages\": 2}"))).isZero();
    }

    @Test
    void allowPartialMatchMustBeABoolean() {
        assertThatThrownBy(() -> action(BAGS.formatted(", \"allow_partial_match\": \"yes\"")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("allow_partial_match: expected true or false");
    }

    /** A task whose ACTION counts, with two actions: one exact, one allowing a partial match. */
    static final String TASK = """
            {"id": "7", "evaluation_criteria": {"reward_basis": ["ACTION"], "actions": [
              {"action_id": "7_0", "name": "get_user_details", "arguments": {"user_id": "ava_lee_101"}},
              {"action_id": "7_1", "name": "cancel_reservation", "arguments": {"reservation_id": "R1001"}, "allow_partial_match": true}]}}""";

    static String simulation(String calls, String checks) {
        return """
                {"task_id": "7", "trial": 0, "termination_reason": "agent_stop",
                 "reward_info": {"reward": 0.75, "reward_basis": ["ACTION"], "action_checks": %s},
                 "messages": [{"role": "assistant", "content": null, "tool_calls": %s}]}""".formatted(checks, calls);
    }

    static Tau2Detail rescore(String calls, String checks) {
        return Tau2Detail.parse(new Tau2Grader().grade(Tau2Json.compact(Tau2Json.parse(simulation(calls, checks), "sim")),
                Tau2Criteria.expected(Tau2Json.parse(TASK, "task"))).detail()).orElseThrow();
    }

    static final String HALF = """
            [{"name": "get_user_details", "arguments": {"user_id": "ava_lee_101"}},
             {"name": "cancel_reservation", "arguments": {"reservation_id": "R9999"}}]""";

    @Test
    void theActionRewardIsTheMeanOfEachActionsCreditSoAPartialMatchGivesThreeQuarters() {
        Tau2Detail d = rescore(HALF, "[{\"action_match\": true, \"action_reward\": 1.0}, {\"action_match\": true, \"action_reward\": 0.5}]");
        assertThat(d.components().get("ACTION").value()).isEqualTo(0.75);
        assertThat(d.derivedReward()).isEqualTo(0.75);
        assertThat(d.rewardAgrees()).isTrue();
        assertThat(d.disagreements()).isEmpty();
    }

    @Test
    void eachActionTakesTheBestCallSoAnExactCallAfterAPartialOneEarnsFullCredit() {
        String calls = HALF.replace("]", ", {\"name\": \"cancel_reservation\", \"arguments\": {\"reservation_id\": \"R1001\"}}]");
        Tau2Detail d = rescore(calls, "[{\"action_match\": true}, {\"action_match\": true}]");
        assertThat(d.components().get("ACTION").value()).isEqualTo(1.0);
    }

    @Test
    void aPartialMatchIsRecordedAsMatchedAndARecordedCreditThatDiffersIsADisagreement() {
        Tau2Detail d = rescore(HALF, "[{\"action_match\": true, \"action_reward\": 1.0}, {\"action_match\": true, \"action_reward\": 1.0}]");
        assertThat(d.disagreements()).containsExactly("action_checks[1] (cancel_reservation): recorded action_reward=1.0, re-derived 0.5");
        Tau2Detail unmatched = rescore(HALF, "[{\"action_match\": true}, {\"action_match\": false}]");
        assertThat(unmatched.disagreements()).containsExactly("action_checks[1] (cancel_reservation): recorded action_match=false, re-derived true");
    }
}
