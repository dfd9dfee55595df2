package dev.claimcheck.core.suite.gaia2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.grade.Gaia2AnswerGrader;
import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.AttemptExchange;
import dev.claimcheck.core.suite.EpisodeMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Gaia2 attempt: the model's turns, each tool call sent to the tool server and its result fed back, until the
 * model answers ({@value Gaia2AnswerGrader#ANSWER_TOOL}, or a turn without tool calls) or a budget stops it. Every
 * call and result is in the transcript; tool server failures are answered to the model as errors and counted, never
 * lost. A tool server that cannot list its tools ends the attempt as a counted error before any request.
 */
final class Gaia2Episode {
    static final int MAX_CALLS_PER_TURN = 16;
    static final int MAX_ARGUMENT_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gaia2Episode() {
    }

    /** The harness's answer tool, as ARE's AgentUserInterface offers it. */
    static ObjectNode answerTool() {
        ObjectNode t = JSON.createObjectNode().put("type", "function");
        ObjectNode f = t.putObject("function");
        f.put("name", Gaia2AnswerGrader.ANSWER_TOOL);
        f.put("description", "Send your final answer to the user. This ends the task.");
        ObjectNode p = f.putObject("parameters").put("type", "object");
        p.putObject("properties").putObject("content").put("type", "string").put("description", "the answer");
        p.putArray("required").add("content");
        return t;
    }

    static AttemptExchange run(String scenarioId, String expected, List<ChatMessage> messages, ObjectNode template, int attempt,
                               ChatEndpoint endpoint, ToolServer server, EpisodeMeter.Budgets budgets, Gaia2AnswerGrader grader) {
        ObjectNode request = template.deepCopy();
        List<ObjectNode> offered;
        try {
            offered = server.tools(scenarioId);
        } catch (ToolServer.ToolServerException e) {
            return new AttemptExchange(new ChatOutcome.Failure(new AttemptError(ErrorCause.CONNECTION, "tool server: "
                    + e.getMessage(), 0), null, Usage.NONE, Timing.NONE, List.of()), request, List.of(), null);
        }
        ArrayNode tools = request.putArray("tools");
        Set<String> names = new TreeSet<>();
        for (ObjectNode t : offered) {
            tools.add(t);
            names.add(t.path("function").path("name").asText());
        }
        tools.add(answerTool());

        List<ChatMessage> transcript = new ArrayList<>();
        EpisodeMeter meter = new EpisodeMeter(budgets);
        Response last = null;
        String stop;
        Counts counts = new Counts();
        while ((stop = meter.exhausted()) == null) {
            List<ChatMessage> conversation = new ArrayList<>(messages);
            conversation.addAll(transcript);
            ChatOutcome outcome = endpoint.complete(new ChatRequest(conversation, request, attempt));
            meter.add(outcome);
            if (outcome instanceof ChatOutcome.Failure f) {
                return new AttemptExchange(meter.failure(f), request, transcript, null);
            }
            last = ((ChatOutcome.Success) outcome).response();
            List<ToolCall> calls = EpisodeMeter.withIds(last.toolCalls(), meter.steps(), MAX_ARGUMENT_CHARS);
            last = new Response(last.content(), last.reasoning(), calls, last.finishReason(), last.reasoningSplit());
            transcript.add(ChatMessage.assistant(last.content(), calls));
            if (calls.isEmpty() || calls.stream().anyMatch(c -> c.name().equals(Gaia2AnswerGrader.ANSWER_TOOL))) {
                break; // the answer
            }
            for (int i = 0; i < calls.size(); i++) {
                transcript.add(ChatMessage.tool(calls.get(i).id(), execute(server, scenarioId, names, calls.get(i), i, counts)));
            }
        }
        ChatOutcome.Success done = meter.success(last);
        Response response = done.response();
        Verdict graded = grader.gradeResponse(response, expected);
        boolean correct = graded.correct() && stop == null;
        Gaia2Detail detail = new Gaia2Detail(graded.detail(), meter.steps(), counts.calls, counts.errors, counts.malformed, stop);
        Verdict verdict = new Verdict(correct, correct ? 1 : 0, graded.extracted(), expected, grader.id(), grader.version(),
                detail.toJson());
        return new AttemptExchange(done, request, transcript, verdict);
    }

    /** Tool calls and errors of one episode. */
    private static final class Counts {
        int calls;
        int errors;
        int malformed;
    }

    /** One call: refused here when malformed, else sent to the server; the tool message's content either way. */
    private static String execute(ToolServer server, String scenarioId, Set<String> names, ToolCall call, int index,
                                  Counts counts) {
        counts.calls++;
        String refusal = null;
        JsonNode arguments = null;
        if (index >= MAX_CALLS_PER_TURN) {
            refusal = "too many tool calls in one turn (limit " + MAX_CALLS_PER_TURN + ")";
        } else if (!names.contains(call.name())) {
            refusal = "unknown tool '" + (call.name().length() > 64 ? call.name().substring(0, 64) + "…" : call.name())
                    + "'; the tools are " + String.join(", ", names) + " and " + Gaia2AnswerGrader.ANSWER_TOOL;
        } else if (call.arguments().length() > MAX_ARGUMENT_CHARS) {
            refusal = "arguments longer than " + MAX_ARGUMENT_CHARS + " characters";
        } else {
            try {
                arguments = JSON.readTree(call.arguments().isBlank() ? "{}" : call.arguments());
            } catch (java.io.IOException e) {
                arguments = null;
            }
            if (arguments == null || !arguments.isObject()) {
                refusal = "arguments are not a JSON object";
            }
        }
        if (refusal != null) {
            counts.malformed++;
            counts.errors++;
            return error(refusal);
        }
        ToolServer.Result result = server.call(scenarioId, call.name(), arguments);
        if (result instanceof ToolServer.Result.Content c) {
            return c.text();
        }
        counts.errors++;
        return error(((ToolServer.Result.Failure) result).reason());
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }
}
