package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulation of a τ²-bench results file ({@code simulations[i]}), as far as the re-score reads it: the task and
 * trial, how it ended, the reward it records with the parts of {@code reward_info} that produced it, and its
 * messages' text and tool calls.
 *
 * @param recordedBasis {@code reward_info.reward_basis} (null when not recorded, as for a trial that ended early)
 * @param dbReward {@code reward_info.db_check.db_reward}, null when absent
 * @param envAssertionRewards {@code reward_info.env_assertions[].reward}, null when absent
 * @param actionChecks {@code reward_info.action_checks[]} in order ({@code action_match}, and {@code action_reward}
 *        where the file records it), null when absent
 * @param communicateChecks {@code reward_info.communicate_checks[]}, null when absent
 * @param nlMet {@code reward_info.nl_assertions[].met}, null when absent
 * @param nlJudge our NL judge's recorded reply ({@code reward_info.info.judge}, a native run's), null when absent
 * @param userTokens the user simulator's tokens: the {@code usage} of the user's messages, summed
 */
public record Trajectory(String taskId, int trial, Termination termination, double claimedReward, List<RewardComponent> recordedBasis,
                         Double dbReward, List<Double> envAssertionRewards, List<ActionCheck> actionChecks,
                         List<Check> communicateChecks, List<Boolean> nlMet, List<String> agentTexts, List<Call> toolCalls,
                         NlJudge nlJudge, Tau2Detail.Tokens userTokens) {
    /**
     * What a native run records of its NL judge: who, with which prompt, how it went ({@code graded}, {@code
     * parseFailure}, {@code error}), its reply as received and its tokens.
     */
    public record NlJudge(String judge, String prompt, String status, String reply, Tau2Detail.Tokens tokens) {
    }

    /** A recorded communicate check: the information and whether it was judged said. */
    public record Check(String info, boolean met) {
    }

    /** A recorded action check: whether some call matched the action, and the credit it got (null when not recorded). */
    public record ActionCheck(boolean match, Double reward) {
    }

    /** A tool call made by the agent or the user, with its arguments as an object. */
    public record Call(String name, JsonNode arguments) {
    }

    /** One simulation object; {@code where} names it ({@code results.json: simulations[3]}). */
    public static Trajectory parse(JsonNode sim, String where) {
        if (!sim.isObject()) {
            throw new BadInputException(where + ": expected a simulation object");
        }
        String taskId = Tau2Json.text(sim, "task_id", where);
        Double trial = Tau2Json.number(sim, "trial", where);
        Termination end = Termination.of(Tau2Json.text(sim, "termination_reason", where), where + ".termination_reason");
        JsonNode info = Tau2Json.object(sim, "reward_info", where);
        if (info == null) {
            throw new BadInputException(where + ".reward_info: missing (the simulation was never evaluated, so it claims no reward)");
        }
        String at = where + ".reward_info";
        Double reward = Tau2Json.number(info, "reward", at);
        if (reward == null) {
            throw new BadInputException(at + ".reward: missing");
        }
        List<RewardComponent> basis = info.hasNonNull("reward_basis") ? Tau2Criteria.basis(info, at) : null;
        JsonNode db = Tau2Json.object(info, "db_check", at);
        Double dbReward = db == null ? null : Tau2Json.number(db, "db_reward", at + ".db_check");
        List<Double> env = info.hasNonNull("env_assertions") ? numbers(info, "env_assertions", "reward", at) : null;
        List<ActionCheck> actions = info.hasNonNull("action_checks") ? actionChecks(info, at) : null;
        List<Boolean> nl = info.hasNonNull("nl_assertions") ? flags(info, "nl_assertions", "met", at) : null;
        List<Check> comm = null;
        if (info.hasNonNull("communicate_checks")) {
            comm = new ArrayList<>();
            List<JsonNode> raw = Tau2Json.array(info, "communicate_checks", at, false);
            for (int i = 0; i < raw.size(); i++) {
                String w = at + ".communicate_checks[" + i + "]";
                comm.add(new Check(Tau2Json.text(raw.get(i), "info", w), required(Tau2Json.bool(raw.get(i), "met", w), w + ".met")));
            }
        }
        List<String> texts = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        List<JsonNode> messages = Tau2Json.array(sim, "messages", where, false);
        long[] user = new long[3];
        for (int i = 0; i < messages.size(); i++) {
            read(messages.get(i), where + ".messages[" + i + "]", texts, calls);
            JsonNode usage = messages.get(i).path("usage");
            if (messages.get(i).path("role").asText().equals("user") && usage.isObject()) {
                user[0] += usage.path("prompt_tokens").asLong(0);
                user[1] += usage.path("completion_tokens").asLong(0);
                user[2]++;
            }
        }
        return new Trajectory(taskId, trial == null ? 0 : trial.intValue(), end, reward, basis, dbReward, env, actions, comm, nl,
                texts, calls, judge(info.path("info").path("judge")), new Tau2Detail.Tokens(user[0], user[1], (int) user[2]));
    }

    /** Our judge's record; upstream's {@code info.judge} (its route, no prompt id or reply) is not one. */
    private static NlJudge judge(JsonNode j) {
        if (!j.path("prompt").isTextual() || !j.has("reply")) {
            return null;
        }
        JsonNode reply = j.get("reply");
        return new NlJudge(j.path("judge").asText(), j.get("prompt").asText(), j.path("status").asText(),
                reply.isTextual() ? reply.asText() : null, new Tau2Detail.Tokens(j.path("prompt_tokens").asLong(0),
                j.path("completion_tokens").asLong(0), 1));
    }

    private static void read(JsonNode m, String where, List<String> texts, List<Call> calls) {
        if (!m.isObject()) {
            throw new BadInputException(where + ": expected a message object");
        }
        String role = Tau2Json.text(m, "role", where);
        if (!role.equals("assistant") && !role.equals("user")) {
            return; // tool results and system messages say nothing to the user and call nothing
        }
        JsonNode content = m.get("content");
        if (role.equals("assistant") && content != null && content.isTextual() && !content.asText().isEmpty()) {
            texts.add(content.asText());
        }
        List<JsonNode> raw = Tau2Json.array(m, "tool_calls", where, false);
        for (int i = 0; i < raw.size(); i++) {
            String w = where + ".tool_calls[" + i + "]";
            JsonNode call = raw.get(i);
            JsonNode fn = call.has("function") ? call.get("function") : call; // an OpenAI-shaped call nests name and arguments
            calls.add(new Call(Tau2Json.text(fn, "name", w), arguments(fn.get("arguments"), w + ".arguments")));
        }
    }

    private static JsonNode arguments(JsonNode args, String where) {
        if (args == null || args.isNull()) {
            return Tau2Json.JSON.createObjectNode();
        }
        JsonNode tree = args.isTextual() ? Tau2Json.parse(args.asText(), where) : args;
        if (!tree.isObject()) {
            throw new BadInputException(where + ": expected an object of arguments");
        }
        return tree;
    }

    private static List<Double> numbers(JsonNode info, String field, String key, String at) {
        List<Double> out = new ArrayList<>();
        List<JsonNode> raw = Tau2Json.array(info, field, at, false);
        for (int i = 0; i < raw.size(); i++) {
            String w = at + "." + field + "[" + i + "]";
            out.add(required(Tau2Json.number(raw.get(i), key, w), w + "." + key));
        }
        return out;
    }

    private static List<ActionCheck> actionChecks(JsonNode info, String at) {
        List<Boolean> matches = flags(info, "action_checks", "action_match", at);
        List<JsonNode> raw = Tau2Json.array(info, "action_checks", at, false);
        List<ActionCheck> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(new ActionCheck(matches.get(i), Tau2Json.number(raw.get(i), "action_reward", at + ".action_checks[" + i + "]")));
        }
        return out;
    }

    private static List<Boolean> flags(JsonNode info, String field, String key, String at) {
        List<Boolean> out = new ArrayList<>();
        List<JsonNode> raw = Tau2Json.array(info, field, at, false);
        for (int i = 0; i < raw.size(); i++) {
            String w = at + "." + field + "[" + i + "]";
            out.add(required(Tau2Json.bool(raw.get(i), key, w), w + "." + key));
        }
        return out;
    }

    private static <T> T required(T value, String where) {
        if (value == null) {
            throw new BadInputException(where + ": missing");
        }
        return value;
    }
}
