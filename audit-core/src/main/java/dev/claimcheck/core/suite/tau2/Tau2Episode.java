package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.grade.tau2.Termination;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.suite.EpisodeMeter;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.util.ArrayList;
import java.util.List;

/**
 * One native τ² trial: the user simulator and the agent take turns, the agent's tool calls run on a fresh copy of the
 * database, until the user sends {@link Tau2UserSimulator#STOP}, the user simulator fails (an error, or an empty turn:
 * {@code user_error}, counted apart), or the agent's step budget runs out ({@code max_steps}). The trial is written as
 * τ²-bench writes a simulation, with the DB check done here (the final database's hash against the reference actions
 * replayed), so the import's re-scorer grades it and verify re-grades it the same way.
 */
final class Tau2Episode {
    static final int MAX_CALLS_PER_TURN = 16;
    static final int MAX_ARGUMENT_CHARS = 64 * 1024;

    /** The trial: the agent's summed outcome (or the failure that ended it), its transcript and the simulation JSON. */
    record Trial(ChatOutcome agentOutcome, List<ChatMessage> transcript, ObjectNode simulation, boolean agentFailed) {
    }

    private Tau2Episode() {
    }

    static Trial run(String taskId, Tau2Domain.DomainTask task, Tau2NativeDomain domain, List<ChatMessage> opening,
                     ObjectNode request, int attempt, ChatEndpoint agent, Tau2UserSimulator user, EpisodeMeter.Budgets budgets) {
        List<ChatMessage> system = opening.stream().filter(m -> m.role().equals("system")).toList();
        String opener = opening.stream().filter(m -> m.role().equals("user")).map(ChatMessage::content).findFirst().orElse("");
        ObjectNode db = domain.db().deepCopy();
        List<ChatMessage> transcript = new ArrayList<>();
        EpisodeMeter meter = new EpisodeMeter(budgets);
        Response last = null;
        Termination end = null;
        String userError = null;
        while (end == null) {
            ChatOutcome u = user.next(task.instructions(), transcript, attempt, opener);
            String text = u instanceof ChatOutcome.Success s ? s.response().content() : null;
            if (u instanceof ChatOutcome.Failure f) {
                userError = "the user simulator's request failed: " + f.error().message();
                end = Termination.USER_ERROR;
                break;
            }
            if (text == null || text.isBlank()) {
                userError = "the user simulator sent an empty turn";
                end = Termination.USER_ERROR;
                break;
            }
            transcript.add(ChatMessage.user(text));
            if (text.contains(Tau2UserSimulator.STOP)) {
                end = Termination.USER_STOP;
                break;
            }
            while (true) {
                if (meter.exhausted() != null) {
                    end = Termination.MAX_STEPS;
                    break;
                }
                List<ChatMessage> conversation = new ArrayList<>(system);
                conversation.addAll(transcript);
                ChatOutcome outcome = agent.complete(new ChatRequest(conversation, request, attempt));
                meter.add(outcome);
                if (outcome instanceof ChatOutcome.Failure f) {
                    return new Trial(meter.failure(f), transcript, null, true);
                }
                last = ((ChatOutcome.Success) outcome).response();
                List<ToolCall> calls = EpisodeMeter.withIds(last.toolCalls(), meter.steps(), MAX_ARGUMENT_CHARS);
                transcript.add(ChatMessage.assistant(last.content(), calls));
                if (calls.isEmpty()) {
                    break; // the agent speaks to the user
                }
                for (int i = 0; i < calls.size(); i++) {
                    ToolCall c = calls.get(i);
                    ToolResult r = i < MAX_CALLS_PER_TURN ? domain.tools().execute(db, c.name(), arguments(c.arguments()))
                            : new ToolResult("Error: too many tool calls in one turn (limit " + MAX_CALLS_PER_TURN + ")", true);
                    transcript.add(ChatMessage.tool(c.id(), r.text()));
                }
            }
        }
        return new Trial(meter.success(last), transcript, simulation(taskId, attempt, task, domain, db, transcript, end, userError),
                false);
    }

    /** The call's arguments as an object; text that is not a JSON object becomes null (the tool answers an error). */
    static JsonNode arguments(String text) {
        try {
            JsonNode n = Tau2Json.parse(text == null || text.isBlank() ? "{}" : text, "arguments");
            return n.isObject() ? n : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The trial in τ²-bench's simulation shape; {@code reward_info.reward} is filled in by the suite after re-scoring. */
    static ObjectNode simulation(String taskId, int attempt, Tau2Domain.DomainTask task, Tau2NativeDomain domain, ObjectNode db,
                                 List<ChatMessage> transcript, Termination end, String userError) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode sim = f.objectNode();
        sim.put("task_id", taskId);
        sim.put("trial", attempt);
        sim.put("termination_reason", end.id());
        if (userError != null) {
            sim.put("user_error", userError);
        }
        ArrayNode messages = sim.putArray("messages");
        for (ChatMessage m : transcript) {
            ObjectNode o = messages.addObject();
            o.put("role", m.role());
            o.put("content", m.content());
            if (m.toolCallId() != null) {
                o.put("id", m.toolCallId());
            }
            if (m.toolCalls() != null && !m.toolCalls().isEmpty()) {
                ArrayNode calls = o.putArray("tool_calls");
                for (ToolCall c : m.toolCalls()) {
                    JsonNode args = arguments(c.arguments());
                    calls.addObject().put("id", c.id()).put("name", c.name())
                            .set("arguments", args == null ? f.objectNode().put("_unparsed", c.arguments()) : args);
                }
            }
        }
        ObjectNode info = sim.putObject("reward_info");
        info.put("reward", 0);
        ArrayNode basis = info.putArray("reward_basis");
        task.criteria().rewardBasis().forEach(c -> basis.add(c.name()));
        String finalHash = domain.hash(db);
        String expectedHash = domain.hash(domain.expectedDb(task.criteria().actions()));
        boolean match = finalHash.equals(expectedHash);
        info.putObject("db_check").put("db_match", match).put("db_reward", match ? 1 : 0)
                .put("final_db_sha256", finalHash).put("expected_db_sha256", expectedHash);
        ObjectNode run = sim.putObject("info");
        run.put("source", "native");
        run.put("user_prompt", Tau2UserSimulator.recorded());
        run.put("policy_sha256", domain.policyHash().sha256());
        run.put("db_sha256", domain.dbHash().sha256());
        run.put("tools", domain.tools().recorded());
        run.put("tools_sha256", domain.tools().sha256());
        return sim;
    }
}
