package dev.claimcheck.core.grade.tau2;

import dev.claimcheck.core.grade.tau2.Tau2Detail.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Re-derives one trial's reward from its recorded trajectory and the task as published (docs/workloads/tau2.md): the
 * product of the task's {@code reward_basis} components, where ACTION (the reference actions matched by name and
 * arguments against every recorded tool call, with partial credit where an action allows it, the mean over actions)
 * and COMMUNICATE (every {@code communicate_info} a case-insensitive substring of an agent message with its commas
 * removed) are computed again from the messages, and DB, ENV_ASSERTION and NL_ASSERTION, which need the domain's tools or a judge model, are read from the file's
 * own checks. A trial not ended by the agent or the user scores 0, as upstream. The file's action and communicate
 * checks are compared with ours whether or not they count.
 */
public final class Rescore {
    private Rescore() {
    }

    public static Tau2Detail of(Trajectory t, Tau2Criteria task) {
        Termination end = t.termination();
        List<String> disagreements = new ArrayList<>();
        Map<String, Component> components = new LinkedHashMap<>();
        double actionReward = actions(t, task, disagreements);
        double communicateReward = communicate(t, task, disagreements);
        double derived;
        if (!end.graded()) {
            derived = 0;
        } else if (!task.present()) {
            derived = 1;
        } else {
            if (t.recordedBasis() != null && !new HashSet<>(t.recordedBasis()).equals(new HashSet<>(task.rewardBasis()))) {
                disagreements.add("reward_basis: recorded " + t.recordedBasis() + ", the task's is " + task.rewardBasis());
            }
            derived = 1;
            for (RewardComponent c : task.rewardBasis()) {
                double value = switch (c) {
                    case ACTION -> actionReward;
                    case COMMUNICATE -> communicateReward;
                    case DB -> recorded(t.dbReward(), "db_check", disagreements);
                    case ENV_ASSERTION -> envAssertions(t, task, disagreements);
                    case NL_ASSERTION -> nlAssertions(t, task, disagreements);
                };
                String source = c.rederived() ? Component.REDERIVED
                        : c == RewardComponent.NL_ASSERTION && t.nlJudge() != null ? Component.JUDGE_REPLY : Component.RECORDED;
                components.put(c.name(), new Component(value, source));
                derived *= value;
            }
        }
        Tau2Detail d = new Tau2Detail(t.taskId(), t.trial(), end.id(), end.side().name().toLowerCase(Locale.ROOT), end.evaluable(),
                t.claimedReward(), derived, components, disagreements, null);
        Trajectory.NlJudge j = t.nlJudge();
        return d.withSides(t.userTokens().requests() == 0 ? null : t.userTokens(),
                j == null ? null : new Tau2Detail.NlJudged(j.judge(), j.status(), j.tokens()));
    }

    /**
     * The mean over reference actions of the best credit some recorded call earns it (1 for a task without actions):
     * 1 or 0 per action, or {@link ExpectedAction#PARTIAL_CREDIT} for the right tool with other arguments where the
     * action allows a partial match, as upstream's action check.
     */
    private static double actions(Trajectory t, Tau2Criteria task, List<String> disagreements) {
        List<ExpectedAction> expected = task.actions();
        if (expected.isEmpty()) {
            return 1;
        }
        List<Trajectory.ActionCheck> recorded = t.actionChecks();
        if (recorded != null && !recorded.isEmpty() && recorded.size() != expected.size()) {
            disagreements.add("action_checks: " + recorded.size() + " recorded, the task has " + expected.size() + " actions");
            recorded = null;
        }
        double total = 0;
        for (int i = 0; i < expected.size(); i++) {
            ExpectedAction a = expected.get(i);
            double best = t.toolCalls().stream().mapToDouble(c -> a.reward(c.name(), c.arguments())).max().orElse(0);
            total += best;
            boolean ok = best > 0;
            Trajectory.ActionCheck check = recorded == null || recorded.isEmpty() ? null : recorded.get(i);
            if (check != null && check.match() != ok) {
                disagreements.add("action_checks[" + i + "] (" + a.name() + "): recorded action_match=" + check.match()
                        + ", re-derived " + ok);
            } else if (check != null && check.reward() != null && Math.abs(check.reward() - best) > 1e-6) {
                disagreements.add("action_checks[" + i + "] (" + a.name() + "): recorded action_reward=" + check.reward()
                        + ", re-derived " + best);
            }
        }
        return total / expected.size();
    }

    /** 1 when every communicate_info string appears in some agent message, else 0 (1 when the task has none). */
    private static double communicate(Trajectory t, Tau2Criteria task, List<String> disagreements) {
        List<Trajectory.Check> recorded = t.communicateChecks();
        boolean all = true;
        for (int i = 0; i < task.communicateInfo().size(); i++) {
            String info = task.communicateInfo().get(i);
            String needle = info.toLowerCase(Locale.ROOT);
            boolean said = t.agentTexts().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).replace(",", "").contains(needle));
            all &= said;
            if (recorded != null && i < recorded.size() && recorded.get(i).info().equals(info) && recorded.get(i).met() != said) {
                disagreements.add("communicate_checks[" + i + "] '" + info + "': recorded met=" + recorded.get(i).met()
                        + ", re-derived " + said);
            }
        }
        return all ? 1 : 0;
    }

    private static double recorded(Double value, String field, List<String> disagreements) {
        if (value == null) {
            disagreements.add(field + ": not recorded, though the reward counts it (taken as 0)");
            return 0;
        }
        return value;
    }

    private static double envAssertions(Trajectory t, Tau2Criteria task, List<String> disagreements) {
        List<Double> rewards = t.envAssertionRewards();
        if (rewards == null || rewards.size() != task.envAssertions()) {
            if (task.envAssertions() == 0 && rewards == null) {
                return 1;
            }
            disagreements.add("env_assertions: " + (rewards == null ? "none" : rewards.size()) + " recorded, the task has "
                    + task.envAssertions() + " (taken as 0)");
            return 0;
        }
        return rewards.stream().mapToDouble(Double::doubleValue).reduce(1, (a, b) -> a * b);
    }

    private static double nlAssertions(Trajectory t, Tau2Criteria task, List<String> disagreements) {
        if (t.nlJudge() != null) {
            return judged(t, task, disagreements);
        }
        List<Boolean> met = t.nlMet();
        if (met == null || met.size() != task.nlAssertions().size()) {
            disagreements.add("nl_assertions: " + (met == null ? "none" : met.size()) + " recorded, the task has "
                    + task.nlAssertions().size() + " (taken as 0)");
            return 0;
        }
        return met.stream().allMatch(b -> b) ? 1 : 0;
    }

    /**
     * Our judge's trial: its recorded reply read again decides, so an edited verdict or reply cannot pass unseen; the
     * recorded {@code nl_assertions} must be what the reply says.
     */
    private static double judged(Trajectory t, Tau2Criteria task, List<String> disagreements) {
        NlJudgeReply reply = NlJudgeReply.read(t.nlJudge().reply(), task.nlAssertions());
        if (!reply.parsed()) {
            disagreements.add("nl judge " + t.nlJudge().judge() + ": its reply cannot be read (" + reply.failure() + "), taken as 0");
            return 0;
        }
        List<Boolean> met = t.nlMet();
        for (int i = 0; i < reply.checks().size(); i++) {
            boolean says = reply.checks().get(i).met();
            if (met == null || i >= met.size() || met.get(i) != says) {
                disagreements.add("nl_assertions[" + i + "]: recorded met=" + (met == null || i >= met.size() ? "none" : met.get(i))
                        + ", the judge's reply reads " + says);
            }
        }
        return reply.allMet() ? 1 : 0;
    }
}
