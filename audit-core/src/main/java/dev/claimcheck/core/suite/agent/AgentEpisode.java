package dev.claimcheck.core.suite.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RetryRecord;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.AttemptExchange;
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
    static final String STOP_STEPS = "steps";
    static final String STOP_TOKENS = "tokens";

    /** Step (model turns) and token (prompt + completion, summed over turns) budgets of one episode. */
    record Budgets(int maxSteps, long maxTokens) {
    }

    private AgentEpisode() {
    }

    static AttemptExchange run(AgentTask task, Fault fault, String expected, List<ChatMessage> messages, ObjectNode template,
                        int attempt, ChatEndpoint endpoint, Budgets budgets) {
        Environment env = new Environment(task, fault);
        ObjectNode request = template.deepCopy();
        ArrayNode tools = request.putArray("tools");
        env.tools().forEach(t -> tools.add(t.toOpenAi()));

        List<ChatMessage> transcript = new ArrayList<>();
        List<RetryRecord> retries = new ArrayList<>();
        long prompt = 0;
        long completion = 0;
        long reasoning = 0;
        long cached = 0;
        double e2e = 0;
        Timing first = null;
        Response last = null;
        String stop = null;
        int steps = 0;
        while (true) {
            if (steps >= budgets.maxSteps()) {
                stop = STOP_STEPS;
                break;
            }
            if (prompt + completion >= budgets.maxTokens()) {
                stop = STOP_TOKENS;
                break;
            }
            List<ChatMessage> conversation = new ArrayList<>(messages);
            conversation.addAll(transcript);
            ChatOutcome outcome = endpoint.complete(new ChatRequest(conversation, request, attempt));
            steps++;
            prompt += outcome.usage().promptTokens();
            completion += outcome.usage().completionTokens();
            reasoning += outcome.usage().reasoningTokens();
            cached += outcome.usage().cachedTokens();
            retries.addAll(outcome.retries());
            first = first == null ? outcome.timing() : first;
            e2e += outcome.timing().e2eMs() == null ? 0 : outcome.timing().e2eMs();
            Usage usage = new Usage(prompt, completion, reasoning, cached);
            Timing timing = new Timing(first.firstByteMs(), first.ttftMs(), first.firstContentMs(), null, e2e);
            if (outcome instanceof ChatOutcome.Failure f) {
                return new AttemptExchange(new ChatOutcome.Failure(f.error(), f.partial(), usage, timing, retries), request,
                        transcript, null);
            }
            last = ((ChatOutcome.Success) outcome).response();
            List<ToolCall> calls = normalized(last.toolCalls(), steps);
            transcript.add(ChatMessage.assistant(last.content(), calls));
            if (calls.isEmpty()) {
                break; // the final answer
            }
            transcript.addAll(act(env, calls));
        }
        Usage usage = new Usage(prompt, completion, reasoning, cached);
        Timing timing = first == null ? Timing.NONE : new Timing(first.firstByteMs(), first.ttftMs(), first.firstContentMs(), null, e2e);
        Response response = last == null ? new Response("", null, List.of(), null) : last;
        return new AttemptExchange(new ChatOutcome.Success(response, usage, timing, retries), request, transcript,
                verdict(env, task, fault, expected, steps, stop, response.content()));
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

    /**
     * The calls as the transcript keeps them: each with an id (a server may omit them; a tool message must name the
     * call it answers), and oversized arguments cut just past the limit, so a model emitting megabytes does not
     * resend them every turn nor bloat the journal; the cut arguments are still refused as too large on replay.
     */
    private static List<ToolCall> normalized(List<ToolCall> calls, int step) {
        List<ToolCall> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            String id = c.id() == null || c.id().isBlank() ? "call_" + step + "_" + (i + 1) : c.id();
            String args = c.arguments().length() > Environment.MAX_ARGUMENT_CHARS
                    ? c.arguments().substring(0, Environment.MAX_ARGUMENT_CHARS + 1) : c.arguments();
            out.add(new ToolCall(id, c.name(), args));
        }
        return out;
    }
}
