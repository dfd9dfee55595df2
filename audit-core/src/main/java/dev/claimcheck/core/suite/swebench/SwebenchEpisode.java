package dev.claimcheck.core.suite.swebench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RetryRecord;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.suite.AttemptExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SWE-bench attempt in the style of mini-swe-agent: the model gets the issue and one tool, {@code bash}, each
 * command run in the sandbox over a copy of the repository at {@code base_commit}; the output goes back as the tool
 * result (or, for a model that writes its command as a fenced {@code bash} block instead of a tool call, as the next
 * user message). The episode ends when a command's output starts with {@link #SUBMIT}, when a turn holds no command,
 * or when the step or token budget is spent; the patch is then {@code git diff} of the copy, and a submitted patch
 * is evaluated on a fresh copy ({@link SandboxEvaluation}).
 */
final class SwebenchEpisode {
    /** mini-swe-agent's submit signal: the first line of the command's output. */
    static final String SUBMIT = "COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT";
    /** Commands run per turn; a turn may call the tool several times. */
    static final int MAX_CALLS_PER_TURN = 8;
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\s*\\n(.*?)\\n```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Step (model turns) and token (prompt + completion, summed over turns) budgets of one episode. */
    record Budgets(int maxSteps, long maxTokens) {
    }

    /** What the episode produced, before evaluation. */
    record Outcome(AttemptExchange failed, Response last, Usage usage, Timing timing, List<RetryRecord> retries,
                   List<ChatMessage> transcript, List<SwebenchDetail.Command> commands, String end, int steps, String patch) {
    }

    private SwebenchEpisode() {
    }

    static Outcome run(Path checkout, SwebenchInstance instance, List<ChatMessage> messages, ObjectNode request, int attempt,
                       ChatEndpoint endpoint, Budgets budgets, BashTool bash) {
        try (WorkingCopy copy = WorkingCopy.at(checkout, instance.baseCommit())) {
            List<ChatMessage> transcript = new ArrayList<>();
            List<SwebenchDetail.Command> commands = new ArrayList<>();
            List<RetryRecord> retries = new ArrayList<>();
            long prompt = 0;
            long completion = 0;
            long reasoning = 0;
            long cached = 0;
            double e2e = 0;
            Timing first = null;
            Response last = null;
            String end;
            int steps = 0;
            while (true) {
                if (steps >= budgets.maxSteps()) {
                    end = SwebenchDetail.STOP_STEPS;
                    break;
                }
                if (prompt + completion >= budgets.maxTokens()) {
                    end = SwebenchDetail.STOP_TOKENS;
                    break;
                }
                List<ChatMessage> conversation = new ArrayList<>(messages);
                conversation.addAll(transcript);
                ChatOutcome outcome = endpoint.complete(new ChatRequest(conversation, request, attempt));
                steps++;
                Usage u = outcome.usage();
                prompt += u.promptTokens();
                completion += u.completionTokens();
                reasoning += u.reasoningTokens();
                cached += u.cachedTokens();
                retries.addAll(outcome.retries());
                first = first == null ? outcome.timing() : first;
                e2e += outcome.timing().e2eMs() == null ? 0 : outcome.timing().e2eMs();
                Usage usage = new Usage(prompt, completion, reasoning, cached);
                Timing timing = new Timing(first.firstByteMs(), first.ttftMs(), first.firstContentMs(), null, e2e);
                if (outcome instanceof ChatOutcome.Failure f) {
                    AttemptExchange failed = new AttemptExchange(new ChatOutcome.Failure(f.error(), f.partial(), usage, timing,
                            retries), request, transcript, null);
                    return new Outcome(failed, null, usage, timing, retries, transcript, commands, null, steps, "");
                }
                last = ((ChatOutcome.Success) outcome).response();
                Turn turn = turn(last, copy.dir(), bash, transcript, commands, steps, u);
                if (turn != Turn.GO_ON) {
                    end = turn == Turn.SUBMITTED ? SwebenchDetail.SUBMITTED : SwebenchDetail.ANSWERED;
                    break;
                }
            }
            Usage usage = new Usage(prompt, completion, reasoning, cached);
            Timing timing = first == null ? Timing.NONE : new Timing(first.firstByteMs(), first.ttftMs(), first.firstContentMs(), null, e2e);
            return new Outcome(null, last, usage, timing, retries, transcript, commands, end, steps, bash.diff(copy));
        }
    }

    /** How a turn leaves the episode: a command submitted, the turn held no command at all, or it goes on. */
    private enum Turn { SUBMITTED, NO_COMMAND, GO_ON }

    /** One model turn: its tool calls (or its fenced bash block) run in order, each result appended to the transcript. */
    private static Turn turn(Response response, Path workdir, BashTool bash, List<ChatMessage> transcript,
                                List<SwebenchDetail.Command> commands, int step, Usage usage) {
        List<ToolCall> calls = normalized(response.toolCalls(), step);
        transcript.add(ChatMessage.assistant(response.content(), calls));
        if (calls.isEmpty()) {
            Optional<String> block = textCommand(response.content());
            if (block.isEmpty()) {
                return Turn.NO_COMMAND;
            }
            BashTool.Observation o = bash.run(workdir, block.get());
            commands.add(record(block.get(), o, usage));
            transcript.add(ChatMessage.user(o.toMessage()));
            return submits(o) ? Turn.SUBMITTED : Turn.GO_ON;
        }
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            Optional<String> command = i < MAX_CALLS_PER_TURN ? command(c) : Optional.empty();
            if (command.isEmpty()) {
                String why = i >= MAX_CALLS_PER_TURN ? "too many tool calls in one turn (limit " + MAX_CALLS_PER_TURN + ")"
                        : !BashTool.NAME.equals(c.name()) ? "unknown tool '" + c.name() + "': the one tool is bash"
                        : "arguments must be a JSON object with a string \"command\"";
                transcript.add(ChatMessage.tool(c.id(), "<error>" + why + "</error>"));
                continue;
            }
            BashTool.Observation o = bash.run(workdir, command.get());
            commands.add(record(command.get(), o, i == 0 ? usage : new Usage(0, 0, 0, 0)));
            transcript.add(ChatMessage.tool(c.id(), o.toMessage()));
            if (submits(o)) {
                return Turn.SUBMITTED;
            }
        }
        return Turn.GO_ON;
    }

    /** The output's first line is the submit signal, as mini-swe-agent checks it. */
    static boolean submits(BashTool.Observation o) {
        String output = o.output().stripLeading();
        int nl = output.indexOf('\n');
        return (nl < 0 ? output : output.substring(0, nl)).strip().equals(SUBMIT);
    }

    /** The one fenced bash block of a reply (mini-swe-agent's text protocol); none when there is not exactly one. */
    static Optional<String> textCommand(String content) {
        if (content == null) {
            return Optional.empty();
        }
        Matcher m = BASH_BLOCK.matcher(content);
        if (!m.find()) {
            return Optional.empty();
        }
        String command = m.group(1);
        return m.find() ? Optional.empty() : Optional.of(command);
    }

    private static Optional<String> command(ToolCall call) {
        if (!BashTool.NAME.equals(call.name())) {
            return Optional.empty();
        }
        try {
            JsonNode args = JSON.readTree(call.arguments() == null ? "" : call.arguments());
            return args != null && args.path("command").isTextual() ? Optional.of(args.get("command").asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static SwebenchDetail.Command record(String command, BashTool.Observation o, Usage usage) {
        return new SwebenchDetail.Command(command, o.exitCode(), o.output().length(), o.truncated(), o.timedOut(),
                usage.promptTokens(), usage.completionTokens());
    }

    /** Every call with an id (a tool message must name the call it answers; a server may omit them). */
    private static List<ToolCall> normalized(List<ToolCall> calls, int step) {
        List<ToolCall> out = new ArrayList<>();
        if (calls == null) {
            return out;
        }
        for (int i = 0; i < calls.size(); i++) {
            ToolCall c = calls.get(i);
            out.add(new ToolCall(c.id() == null || c.id().isBlank() ? "call_" + step + "_" + (i + 1) : c.id(), c.name(), c.arguments()));
        }
        return out;
    }
}
