package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
                           List<String> communicateInfo, List<String> nlAssertions, List<String> rewardBasis) {
    /** The reward components τ²-bench defines. */
    public static final Set<String> COMPONENTS = Set.of("DB", "ENV_ASSERTION", "NL_ASSERTION", "ACTION", "COMMUNICATE");
    static final List<String> DEFAULT_BASIS = List.of("DB", "COMMUNICATE");

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
        List<String> basis = c.hasNonNull("reward_basis") ? Tau2Json.strings(c, "reward_basis", at) : DEFAULT_BASIS;
        for (String b : basis) {
            if (!COMPONENTS.contains(b)) {
                throw new BadInputException(at + ".reward_basis: unknown component '" + b + "'; τ²-bench's are "
                        + String.join(", ", new java.util.TreeSet<>(COMPONENTS)));
            }
        }
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

    public boolean counts(String component) {
        return rewardBasis.contains(component);
    }
}
