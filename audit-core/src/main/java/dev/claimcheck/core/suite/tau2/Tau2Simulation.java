package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.grade.tau2.Termination;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import java.util.List;
import java.util.Map;

/**
 * A native trial written as τ²-bench writes a simulation: its messages (each tool call and tool message with its
 * {@code requestor}, the user simulator's messages with their {@code usage}), {@code reward_info} with the DB check done
 * here, and {@code info} naming what the trial ran with. {@code reward_info.reward} is filled in after re-scoring.
 */
final class Tau2Simulation {
    private Tau2Simulation() {
    }

    /** @param userUsage the user simulator's usage by the transcript index of the message it produced */
    static ObjectNode of(String taskId, int attempt, Tau2Domain.DomainTask task, Tau2NativeDomain domain, ObjectNode db,
                         List<ChatMessage> transcript, Map<Integer, Usage> userUsage, Termination end, String userError) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode sim = f.objectNode();
        sim.put("task_id", taskId);
        sim.put("trial", attempt);
        sim.put("termination_reason", end.id());
        if (userError != null) {
            sim.put("user_error", userError);
        }
        ArrayNode messages = sim.putArray("messages");
        String speaker = Tau2Toolset.AGENT;
        for (int i = 0; i < transcript.size(); i++) {
            ChatMessage m = transcript.get(i);
            ObjectNode o = messages.addObject();
            o.put("role", m.role());
            o.put("content", m.content());
            if (!m.role().equals("tool")) {
                speaker = m.role().equals("user") ? Tau2Toolset.USER : Tau2Toolset.AGENT;
            }
            if (m.toolCallId() != null) {
                o.put("id", m.toolCallId());
                o.put("requestor", speaker); // who called the tool this message answers
            }
            if (m.toolCalls() != null && !m.toolCalls().isEmpty()) {
                ArrayNode calls = o.putArray("tool_calls");
                for (ToolCall c : m.toolCalls()) {
                    JsonNode args = Tau2Episode.arguments(c.arguments());
                    calls.addObject().put("id", c.id()).put("name", c.name())
                            .<ObjectNode>set("arguments", args == null ? f.objectNode().put("_unparsed", c.arguments()) : args)
                            .put("requestor", speaker);
                }
            }
            Usage u = userUsage.get(i);
            if (u != null) {
                o.putObject("usage").put("prompt_tokens", u.promptTokens()).put("completion_tokens", u.completionTokens());
            }
        }
        ObjectNode info = sim.putObject("reward_info");
        info.put("reward", 0);
        ArrayNode basis = info.putArray("reward_basis");
        task.criteria().rewardBasis().forEach(c -> basis.add(c.name()));
        String finalHash = domain.hash(db);
        String expectedHash = domain.expectedHash(taskId, task);
        boolean match = finalHash.equals(expectedHash);
        info.putObject("db_check").put("db_match", match).put("db_reward", match ? 1 : 0)
                .put("final_db_sha256", finalHash).put("expected_db_sha256", expectedHash);
        if (!task.envAssertions().isEmpty()) {
            domain.tools().envAssertions(db, task.envAssertions()).ifPresent(checked -> info.set("env_assertions", checked));
        }
        ObjectNode run = sim.putObject("info");
        run.put("source", "native");
        run.put("policy_sha256", domain.policyHash().sha256());
        run.put("db_sha256", domain.dbHash().sha256());
        if (domain.userDbHash() != null) {
            run.put("user_db_sha256", domain.userDbHash().sha256());
        }
        run.put("tools", domain.tools().recorded());
        run.put("tools_sha256", domain.tools().sha256());
        return sim;
    }
}
