package dev.claimcheck.core.grade.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.grade.judge.JudgeJson;
import java.util.ArrayList;
import java.util.List;

/**
 * An NL-assertion judge's reply (docs/workloads/tau2.md#nl-assertion-judge), in the shape τ²-bench's judge answers:
 * {@code {"results": [{"expectedOutcome": "…", "reasoning": "…", "metExpectation": true | false}, …]}}, one result per
 * assertion in the task's order. Read when the run asks the judge and again by every re-grade, so a recorded verdict
 * always follows from its recorded reply. Anything else is a failure with its reason, never read as met or not met.
 *
 * @param checks one per assertion (empty on failure)
 * @param failure why the reply could not be read (null when read)
 */
public record NlJudgeReply(List<Check> checks, String failure) {
    /** One assertion judged: {@code reward_info.nl_assertions[i]} as τ²-bench records it. */
    public record Check(String assertion, boolean met, String justification) {
    }

    public NlJudgeReply {
        checks = List.copyOf(checks);
    }

    public boolean parsed() {
        return failure == null;
    }

    public boolean allMet() {
        return parsed() && checks.stream().allMatch(Check::met);
    }

    /** @param assertions the task's {@code nl_assertions}, which the results must answer one by one, in order */
    public static NlJudgeReply read(String reply, List<String> assertions) {
        JudgeJson json = JudgeJson.read(reply);
        if (json.failure() != null) {
            return fail(json.failure());
        }
        JsonNode results = json.object().get("results");
        if (results == null || !results.isArray()) {
            return fail("no \"results\" list");
        }
        if (results.size() != assertions.size()) {
            return fail(results.size() + " results for " + assertions.size() + " assertions");
        }
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            JsonNode met = r.get("metExpectation");
            if (met == null || !met.isBoolean()) {
                return fail("results[" + i + "]: no boolean \"metExpectation\"");
            }
            JsonNode why = r.get("reasoning");
            checks.add(new Check(assertions.get(i), met.asBoolean(), why != null && why.isTextual() ? why.asText() : ""));
        }
        return new NlJudgeReply(checks, null);
    }

    private static NlJudgeReply fail(String why) {
        return new NlJudgeReply(List.of(), why);
    }
}
