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
import dev.claimcheck.core.suite.EpisodeMeter;
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

    /** What the episode produced, before evaluation. */
    record Outcome(AttemptExchange failed, Response last, Usage usage, Timing timing, List<RetryRecord> retries,
                   List<ChatMessage> transcript, List<SwebenchDetail.Command> commands, String end, int steps, String patch) {
    }

    private SwebenchEpisode() {
    }

    static Outcome run(Path checkout, SwebenchInstance instance, List<ChatMessage> messages, ObjectNode request, int attempt,
                       ChatEndpoint endpoint, EpisodeMeter.Budgets budgets, BashTool bash) {
        try (WorkingCopy copy = WorkingCopy.at(checkout, instance.baseCommit())) {
            List<ChatMessage> transcript = new ArrayList<>();
            List<SwebenchDetail.Command> commands = new ArrayList<>();
            EpisodeMeter meter = new EpisodeMeter(budgets);
            Response last = null;
            String end;
            while ((end = meter.exhausted()) == null) {
                List<ChatMessage> conversation = new ArrayList<>(messages);
                conversation.addAll(transcript);
                ChatOutcome outcome = endpoint.complete(new ChatRequest(conversation, request, attempt));
                meter.add(outcome);
                if (outcome instanceof ChatOutcome.Failure f) {
                    AttemptExchange failed = new AttemptExchange(meter.failure(f), request, transcript, null);
                    return new Outcome(failed, null, meter.usage(), meter.timing(), meter.retries(), transcript, commands,
                            null, meter.steps(), "");
                }
                last = ((ChatOutcome.Success) outcome).response();
                Turn turn = turn(last, copy.dir(), bash, transcript, commands, meter.steps(), outcome.usage());
                if (turn != Turn.GO_ON) {
                    end = turn == Turn.SUBMITTED ? SwebenchDetail.SUBMITTED : SwebenchDetail.ANSWERED;
                    break;
                }
            }
            return new Outcome(null, last, meter.usage(), meter.timing(), meter.retries(), transcript, commands, end,
                    meter.steps(), bash.diff(copy));
        }
    }

    /** How a turn leaves the episode: a command submitted, the turn held no command at all, or it goes on. */
    private enum Turn { SUBMITTED, NO_COMMAND, GO_ON }

    /** One model turn: its tool calls (or its fenced bash block) run in order, each result appended to the transcript. */
    private static Turn turn(Response response, Path workdir, BashTool bash, List<ChatMessage> transcript,
                                List<SwebenchDetail.Command> commands, int step, Usage usage) {
        List<ToolCall> calls = EpisodeMeter.withIds(response.toolCalls(), step, Integer.MAX_VALUE);
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
}
