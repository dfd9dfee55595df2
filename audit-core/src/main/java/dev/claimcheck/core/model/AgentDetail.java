package dev.claimcheck.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * What an agent attempt records in {@code verdict.detail} (compact JSON): the episode's counts, from which the
 * agent metrics are computed and which {@code verify} re-derives by replaying the transcript (docs/workloads/agent.md).
 *
 * @param world workspace | orders | calendar
 * @param fault the injected fault's id, or null when the task ran without one
 * @param faultInjected whether the fault actually fired during the episode (a tool error returned, a concurrent
 *                      edit made, a checkpoint announced; always true for ambiguity)
 * @param goalMet whether the final state meets the task's goal
 * @param steps model turns (requests) in the episode
 * @param toolCalls tool calls the model made, malformed ones included
 * @param toolErrors tool calls answered with an error (injected, refused by the world, or malformed)
 * @param malformedCalls calls with unreadable or oversized arguments, an unknown tool, or arguments of the wrong type
 * @param policyViolations acting on an ambiguous instruction before asking, or a refund the policy forbids
 * @param budgetStop {@code steps} or {@code tokens} when the episode hit its budget, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentDetail(String world, String fault, boolean faultInjected, boolean goalMet, int steps, int toolCalls,
                          int toolErrors, int malformedCalls, int policyViolations, String budgetStop) {

    public String toJson() {
        return DetailJson.write(this);
    }

    /** The detail of an agent verdict (a truncation mark in front is skipped), or empty when the text is not one. */
    public static Optional<AgentDetail> parse(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        String json = detail.startsWith(Verdict.TRUNCATED) ? detail.substring(Verdict.TRUNCATED.length()) : detail;
        return DetailJson.read(json, AgentDetail.class).filter(d -> d.world() != null);
    }
}
