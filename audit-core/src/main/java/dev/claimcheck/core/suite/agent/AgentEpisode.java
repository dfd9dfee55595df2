package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.EpisodeMeter;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent attempt: the model's turns, with tool results fed back, until it answers without a tool call or a
 * budget stops it. Usage and retries are summed over the turns; every step lands in the transcript; the verdict
 * is the goal checked on the final state. A request that fails after its retries ends the attempt as a counted
 * error, exactly as a single-request attempt would.
 */
final class AgentEpisode {
    /** Tool calls executed per turn; further calls in the same turn are answered with an error and counted malformed. */
    static final int MAX_CALLS_PER_TURN = 16;

    private AgentEpisode() {
    }

    static AttemptExchange run(AgentTask task, Fault fault, String expected, List<ChatMessage> messages, ObjectNode template,
                        int attempt, ChatEndpoint endpoint, EpisodeMeter.Budgets budgets) {
        Environment env = new Environment(task, fault);
        ObjectNode request = template.deepCopy();
        ArrayNode tools = request.putArray("tools");
        env.tools().forEach(t -> tools.add(t.toOpenAi()));

        List<ChatMessage> transcript = new ArrayList<>();
        EpisodeMeter meter = new EpisodeMeter(budgets);
        Response last = null;
        String stop;
        while ((stop = meter.exhausted()) == null) {
            List<ChatMessage> conversation = new ArrayList<>(messages);
            conversation.addAll(transcript);
            ChatOutcome outcome = endpoint.complete(new ChatRequest(conversation, request, attempt));
            meter.add(outcome);
            if (outcome instanceof ChatOutcome.Failure f) {
                return new AttemptExchange(meter.failure(f), request, transcript, null);
            }
            last = ((ChatOutcome.Success) outcome).response();
            List<ToolCall> calls = EpisodeMeter.withIds(last.toolCalls(), meter.steps(), Environment.MAX_ARGUMENT_CHARS);
            transcript.add(ChatMessage.assistant(last.content(), calls));
            if (calls.isEmpty()) {
                break; // the final answer
            }
            transcript.addAll(act(env, calls));
        }
        ChatOutcome.Success done = meter.success(last);
        return new AttemptExchange(done, request, transcript,
                verdict(env, task, fault, expected, meter.steps(), stop, done.response().content()));
    }

    /** Executes one turn's calls (at most {@link #MAX_CALLS_PER_TURN}) and returns the tool messages, in order. */
    static List<ChatMessage> act(Environment env, List<ToolCall> calls) {
        List<ChatMessage> results = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            ObjectNode result = i < MAX_CALLS_PER_TURN ? env.execute(c.name(), c.arguments())
                    : env.refuse("too many tool calls in one turn (limit " + MAX_CALLS_PER_TURN + ")");
            results.add(ChatMessage.tool(c.id(), result.toString()));
        }
        return results;
    }

    static Verdict verdict(Environment env, AgentTask task, Fault fault, String expected, int steps, String stop,
                           String finalContent) {
        boolean goal = env.goalMet();
        AgentDetail detail = new AgentDetail(task.world(), fault == null ? null : fault.id(), env.faultFired(), goal, steps,
                env.calls(), env.toolErrors(), env.malformedCalls(), env.policyViolations(), stop);
        boolean success = goal && stop == null;
        String extracted = finalContent == null ? null
                : finalContent.length() > 200 ? finalContent.substring(0, 200) + "…" : finalContent;
        return new Verdict(success, success ? 1 : 0, extracted, expected, AgentGrader.ID, AgentGrader.VERSION, detail.toJson());
    }
}
