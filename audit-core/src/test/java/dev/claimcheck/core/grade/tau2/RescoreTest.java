package dev.claimcheck.core.grade.tau2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.grade.Tau2Grader;
import dev.claimcheck.core.model.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The τ² re-score, one rule per case, on the fixture's tasks and trajectories (suites/tau2): each untouched trial
 * re-derives its own reward, and each edit below changes what is re-derived, or is caught as a contradiction of the
 * file's own checks.
 */
class RescoreTest {
    static final Path FIXTURE = Path.of("src/test/resources/suites/tau2");
    final Tau2Grader grader = new Tau2Grader();

    static JsonNode results() throws Exception {
        return Tau2Json.parse(Files.readString(FIXTURE.resolve("results/results.json")), "results.json");
    }

    static JsonNode task(String id) throws Exception {
        for (JsonNode t : Tau2Json.parse(Files.readString(FIXTURE.resolve("data/domains/airline/tasks.json")), "tasks.json")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError(id);
    }

    /** Simulation {@code task#trial} of the fixture, edited by {@code edit}, re-scored against its task. */
    Tau2Detail rescore(String task, int trial, Consumer<ObjectNode> edit) throws Exception {
        for (JsonNode s : results().get("simulations")) {
            if (s.get("task_id").asText().equals(task) && s.get("trial").asInt() == trial) {
                ObjectNode copy = s.deepCopy();
                edit.accept(copy);
                Verdict v = grader.grade(Tau2Json.compactOf(copy), Tau2Criteria.expected(task(task)));
                return Tau2Detail.parse(v.detail()).orElseThrow();
            }
        }
        throw new AssertionError(task + "#" + trial);
    }

    static ObjectNode message(ObjectNode sim, int i) {
        return (ObjectNode) sim.get("messages").get(i);
    }

    @Test
    void everyUntouchedFixtureTrialReDerivesTheRewardItClaims() throws Exception {
        for (JsonNode s : results().get("simulations")) {
            String id = s.get("task_id").asText();
            Verdict v = grader.grade(Tau2Json.compactOf(s), Tau2Criteria.expected(task(id)));
            Tau2Detail d = Tau2Detail.parse(v.detail()).orElseThrow();
            assertThat(d.rewardAgrees()).as(id + "#" + d.trial() + " " + d).isTrue();
            assertThat(d.disagreements()).as(id + "#" + d.trial()).isEmpty();
            assertThat(v.score()).isEqualTo(s.at("/reward_info/reward").asDouble());
            assertThat(v.correct()).isEqualTo(v.score() == 1.0);
        }
    }

    @Test
    void communicateInfoIsACaseInsensitiveSubstringOfAnAgentMessageWithItsCommasRemoved() throws Exception {
        // The fixture's agent says "$1,200"; the task asks for "1200".
        assertThat(rescore("0", 0, s -> { }).components().get("COMMUNICATE").value()).isEqualTo(1.0);
        Tau2Detail upper = rescore("0", 0, s -> message(s, 8).put("content", "REFUNDED: 1200 USD"));
        assertThat(upper.derivedReward()).isEqualTo(1.0);
    }

    @Test
    void informationOnlyTheUserSaysIsNotCommunicated() throws Exception {
        Tau2Detail d = rescore("0", 0, s -> {
            message(s, 8).put("content", "Done.");
            message(s, 9).put("content", "So 1200 comes back to me. ###STOP###");
        });
        assertThat(d.derivedReward()).isZero();
    }

    @Test
    void anEditedTrajectoryNoLongerEarnsTheRewardItClaims() throws Exception {
        Tau2Detail d = rescore("0", 0, s -> message(s, 8).put("content", "Done. Your refund is on its way."));
        assertThat(d.claimedReward()).isEqualTo(1.0);
        assertThat(d.derivedReward()).isZero();
        assertThat(d.rewardAgrees()).isFalse();
        assertThat(d.disagreements()).containsExactly("communicate_checks[0] '1200': recorded met=true, re-derived false");
    }

    @Test
    void anEditedRewardIsDetected() throws Exception {
        Tau2Detail d = rescore("0", 1, s -> ((ObjectNode) s.get("reward_info")).put("reward", 1.0));
        assertThat(d.claimedReward()).isEqualTo(1.0);
        assertThat(d.derivedReward()).isZero();
        assertThat(d.rewardAgrees()).isFalse();
    }

    @Test
    void compareArgsLimitTheMatchToTheNamedArgumentsAndARecordedMatchThatNoLongerHoldsIsReported() throws Exception {
        // task 1 compares reservation_id and total_baggages only: the trajectory's other payment_id still matches.
        assertThat(rescore("1", 0, s -> { }).disagreements()).isEmpty();
        Tau2Detail d = rescore("1", 0, s -> ((ObjectNode) message(s, 2).get("tool_calls").get(0).get("arguments"))
                .put("total_baggages", 3));
        assertThat(d.disagreements()).containsExactly(
                "action_checks[0] (update_reservation_baggages): recorded action_match=true, re-derived false");
        assertThat(d.derivedReward()).as("the basis is DB alone, read from the file").isEqualTo(1.0);
    }

    @Test
    void actionRewardIsTheShareOfReferenceActionsSomeCallPerforms() throws Exception {
        assertThat(rescore("2", 1, s -> { }).components().get("ACTION").value()).isEqualTo(0.5);
        Tau2Detail fixed = rescore("2", 1, s -> ((ObjectNode) message(s, 2).get("tool_calls").get(0).get("arguments"))
                .put("reservation_id", "R1001"));
        assertThat(fixed.derivedReward()).isEqualTo(1.0);
        assertThat(fixed.disagreements()).contains("action_checks[0] (get_reservation_details): recorded action_match=false, re-derived true");
    }

    @Test
    void aCallWithoutCompareArgsMustMatchEveryArgumentItPasses() throws Exception {
        Tau2Detail extra = rescore("2", 0, s -> ((ObjectNode) message(s, 2).get("tool_calls").get(0).get("arguments"))
                .put("include_history", true));
        assertThat(extra.components().get("ACTION").value()).isEqualTo(0.5);
    }

    @Test
    void argumentsAsAJsonStringInTheOpenAiShapeAndNumbersOfEitherTypeMatch() throws Exception {
        Tau2Detail d = rescore("1", 0, s -> {
            ObjectNode call = (ObjectNode) message(s, 2).get("tool_calls").get(0);
            ObjectNode fn = call.objectNode();
            fn.put("name", "update_reservation_baggages");
            fn.put("arguments", "{\"reservation_id\": \"R2002\", \"total_baggages\": 2.0}");
            call.removeAll();
            call.put("id", "call_3").put("type", "function").set("function", fn);
        });
        assertThat(d.disagreements()).isEmpty();
    }

    @Test
    void aTrialNotEndedByTheAgentOrTheUserScoresZero() throws Exception {
        Tau2Detail d = rescore("0", 0, s -> s.put("termination_reason", "max_steps"));
        assertThat(d.derivedReward()).isZero();
        assertThat(d.claimedReward()).isEqualTo(1.0);
        assertThat(d.side()).isEqualTo("budget");
    }

    @Test
    void aUserSimulatorErrorIsChargedToTheUserSimulatorNotTheAgent() throws Exception {
        Tau2Detail d = rescore("1", 1, s -> { });
        assertThat(d.termination()).isEqualTo("user_error");
        assertThat(d.side()).isEqualTo("user_simulator");
        assertThat(d.evaluable()).isTrue();
        assertThat(rescore("1", 1, s -> s.put("termination_reason", "agent_error")).side()).isEqualTo("agent");
        assertThat(rescore("1", 1, s -> s.put("termination_reason", "infrastructure_error")).evaluable()).isFalse();
    }

    @Test
    void theDatabaseCheckIsReadFromTheFileAndItsAbsenceCountsAsZero() throws Exception {
        assertThat(rescore("1", 0, s -> ((ObjectNode) s.at("/reward_info/db_check")).put("db_reward", 0.0)).derivedReward()).isZero();
        Tau2Detail missing = rescore("1", 0, s -> ((ObjectNode) s.get("reward_info")).putNull("db_check"));
        assertThat(missing.derivedReward()).isZero();
        assertThat(missing.disagreements()).containsExactly("db_check: not recorded, though the reward counts it (taken as 0)");
        assertThat(missing.components().get("DB").source()).isEqualTo(Tau2Detail.Component.RECORDED);
    }

    @Test
    void aRecordedBasisOtherThanTheTasksIsReported() throws Exception {
        Tau2Detail d = rescore("1", 0, s -> ((ArrayNode) s.at("/reward_info/reward_basis")).add("COMMUNICATE"));
        assertThat(d.disagreements()).containsExactly("reward_basis: recorded [DB, COMMUNICATE], the task's is [DB]");
    }

    @Test
    void anUnreadableSimulationIsAVerdictWithTheReasonNotAnException() throws Exception {
        Verdict v = grader.grade("{\"task_id\": \"0\", \"termination_reason\": \"user_stop\"}", Tau2Criteria.expected(task("0")));
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).contains("simulation.reward_info: missing");
        Verdict other = grader.grade(Tau2Json.compactOf(results().get("simulations").get(0)), Tau2Criteria.expected(task("1")));
        assertThat(other.detail()).contains("the simulation is of task 0, the expected answer of task 1");
    }

    @Test
    void anUnknownTerminationReasonOrRewardComponentIsRefusedByName() {
        assertThatThrownBy(() -> Termination.of("gave_up", "results.json: simulations[2].termination_reason"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("results.json: simulations[2].termination_reason: unknown termination_reason 'gave_up'");
        JsonNode t = Tau2Json.parse("{\"id\": \"9\", \"evaluation_criteria\": {\"reward_basis\": [\"DB\", \"VIBES\"]}}", "t");
        assertThatThrownBy(() -> Tau2Criteria.parse(t, "tasks.json: [9]"))
                .hasMessageStartingWith("tasks.json: [9].evaluation_criteria.reward_basis: unknown component 'VIBES'");
    }
}
