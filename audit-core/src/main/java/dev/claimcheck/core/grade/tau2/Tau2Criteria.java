package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A τ²-bench task's {@code evaluation_criteria} as published in {@code tasks.json}: the reference actions, the
 * environment assertions, what the agent must say ({@code communicate_info}), the natural-language assertions and
 * {@code reward_basis}, the components whose rewards multiply into the task's reward (default {@code [DB,
 * COMMUNICATE]}, as upstream).
 *
 * @param present false for a task without criteria (upstream rewards every completed trial of it 1)
 * @param envAssertions how many environment assertions the task states
 */
public record Tau2Criteria(String taskId, boolean present, List<ExpectedAction> actions, int envAssertions,
                           List<String> communicateInfo, List<String> nlAssertions, List<RewardComponent> rewardBasis) {
    static final List<RewardComponent> DEFAULT_BASIS = List.of(RewardComponent.DB, RewardComponent.COMMUNICATE);

    public Tau2Criteria {
        actions = List.copyOf(actions);
        communicateInfo = List.copyOf(communicateInfo);
        nlAssertions = List.copyOf(nlAssertions);
        rewardBasis = List.copyOf(rewardBasis);
    }

    /** One task object of tasks.json (or of a results file's {@code tasks}); {@code where} names it for errors. */
    public static Tau2Criteria parse(JsonNode task, String where) {
        if (!task.isObject()) {
            throw new BadInputException(where + ": expected a task object");
        }
        String id = Tau2Json.text(task, "id", where);
        JsonNode c = Tau2Json.object(task, "evaluation_criteria", where);
        if (c == null) {
            return new Tau2Criteria(id, false, List.of(), 0, List.of(), List.of(), DEFAULT_BASIS);
        }
        String at = where + ".evaluation_criteria";
        List<ExpectedAction> actions = new ArrayList<>();
        List<JsonNode> raw = Tau2Json.array(c, "actions", at, false);
        for (int i = 0; i < raw.size(); i++) {
            actions.add(ExpectedAction.parse(raw.get(i), at + ".actions[" + i + "]"));
        }
        List<RewardComponent> basis = c.hasNonNull("reward_basis") ? basis(c, at) : DEFAULT_BASIS;
        return new Tau2Criteria(id, true, actions, Tau2Json.array(c, "env_assertions", at, false).size(),
                Tau2Json.strings(c, "communicate_info", at), Tau2Json.strings(c, "nl_assertions", at), basis);
    }

    /** The task as the grader's expected answer: its id and criteria, compact. */
    public static String expected(JsonNode task) {
        com.fasterxml.jackson.databind.node.ObjectNode out = Tau2Json.JSON.createObjectNode();
        out.set("id", task.get("id"));
        if (task.hasNonNull("evaluation_criteria")) {
            out.set("evaluation_criteria", task.get("evaluation_criteria"));
        }
        return Tau2Json.compact(out);
    }

    /** A {@code reward_basis} list (of a task, or as a simulation records it). */
    static List<RewardComponent> basis(JsonNode node, String where) {
        return Tau2Json.strings(node, "reward_basis", where).stream()
                .map(b -> RewardComponent.of(b, Tau2Json.at(where, "reward_basis"))).toList();
    }
}
