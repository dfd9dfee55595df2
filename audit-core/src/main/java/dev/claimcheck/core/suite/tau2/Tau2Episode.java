package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.grade.tau2.ExpectedAction;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.grade.tau2.Termination;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.suite.EpisodeMeter;
import dev.claimcheck.core.suite.tau2.port.ToolResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One native τ² trial: the user simulator and the agent take turns, the agent's tool calls (and the user's, to
 * user-side tools) run on a fresh copy of the database, until the user sends a stop token ({@link Tau2UserSimulator#isStop}), the
 * user simulator fails (an error, or an empty turn: {@code user_error}, counted apart), or upstream's step budget runs
 * out ({@code max_steps}, {@link Steps}). The trial is written as τ²-bench writes a simulation ({@link Tau2Simulation}), with the DB check
 * done here (the final database's hash against the reference actions replayed), so the import's re-scorer grades it
 * and verify re-grades it the same way.
 */
final class Tau2Episode {
    static final int MAX_CALLS_PER_TURN = 16;
    static final int MAX_ARGUMENT_CHARS = 64 * 1024;

    /** The user simulator's rounds of tool calls in one turn before it must speak. */
    static final int MAX_USER_TOOL_ROUNDS = 16;

    /**
     * The trial: the agent's summed outcome (or the failure that ended it), its transcript and the simulation JSON. The
     * user simulator's tokens are on its messages in the simulation, never in the agent's outcome.
     */
    record Trial(ChatOutcome agentOutcome, List<ChatMessage> transcript, ObjectNode simulation, boolean agentFailed) {
    }

    private Tau2Episode() {
    }

    static Trial run(String taskId, Tau2Domain.DomainTask task, Tau2NativeDomain domain, List<ChatMessage> opening,
                     ObjectNode request, int attempt, ChatEndpoint agent, Tau2UserSimulator user, EpisodeMeter.Budgets budgets, int maxSteps) {
        // What the agent sees before the user speaks: its system prompt, and upstream's greeting where it has it.
        List<ChatMessage> system = opening.stream().takeWhile(m -> !m.role().equals("user")).toList();
        String opener = opening.stream().filter(m -> m.role().equals("user")).map(ChatMessage::content).findFirst().orElse("");
        Tau2UserSimulator.Script script = new Tau2UserSimulator.Script(opener, Tau2NativeRun.calls(task, ExpectedAction.USER));
        List<ObjectNode> userTools = domain.tools().schemas(Tau2Toolset.USER);
        ObjectNode db = domain.initialDb(taskId, task);
        List<ChatMessage> transcript = new ArrayList<>();
        Map<Integer, Usage> userUsage = new HashMap<>();
        EpisodeMeter meter = new EpisodeMeter(budgets);
        Steps steps = new Steps(maxSteps);
        Response last = null;
        Termination end = null;
        String userError = null;
        while (end == null) {
            // The user's turn: its own tool calls run on the trial's database until it speaks.
            for (int round = 0; ; round++) {
                ChatOutcome u = user.next(task.instructions(), transcript, attempt, script, userTools);
                if (u instanceof ChatOutcome.Failure f) {
                    userError = "the user simulator's request failed: " + f.error().message();
                    break;
                }
                Response r = ((ChatOutcome.Success) u).response();
                List<ToolCall> calls = userCalls(r.toolCalls(), transcript.size());
                String text = r.content();
                if (calls.isEmpty() && (text == null || text.isBlank())) {
                    userError = "the user simulator sent an empty turn";
                    break;
                }
                if (!calls.isEmpty() && round >= MAX_USER_TOOL_ROUNDS) {
                    userError = "the user simulator called tools " + MAX_USER_TOOL_ROUNDS + " times in one turn without speaking";
                    break;
                }
                userUsage.put(transcript.size(), u.usage() == null ? Usage.NONE : u.usage());
                transcript.add(new ChatMessage("user", text, calls, null));
                if (calls.isEmpty()) {
                    end = steps.afterTurn(Tau2UserSimulator.isStop(text) ? Termination.USER_STOP : null);
                    break;
                }
                steps.toEnvironment();
                for (ToolCall c : calls) {
                    transcript.add(ChatMessage.tool(c.id(), domain.tools().execute(db, c.name(), arguments(c.arguments()), Tau2Toolset.USER).text()));
                }
                if ((end = steps.afterTurn(null)) != null) {
                    break;
                }
            }
            if (userError != null) {
                end = Termination.USER_ERROR;
                break;
            }
            while (end == null) {
                List<ChatMessage> conversation = new ArrayList<>(system);
                conversation.addAll(agentView(transcript));
                ChatOutcome outcome = agent.complete(new ChatRequest(conversation, request, attempt));
                meter.add(outcome);
                if (outcome instanceof ChatOutcome.Failure f) {
                    return new Trial(meter.failure(f), transcript, null, true);
                }
                last = ((ChatOutcome.Success) outcome).response();
                List<ToolCall> calls = EpisodeMeter.withIds(last.toolCalls(), meter.steps(), MAX_ARGUMENT_CHARS);
                transcript.add(ChatMessage.assistant(last.content(), calls));
                if (calls.isEmpty()) {
                    end = steps.afterTurn(null);
                    break; // the agent speaks to the user
                }
                steps.toEnvironment();
                for (int i = 0; i < calls.size(); i++) {
                    ToolCall c = calls.get(i);
                    ToolResult r = i < MAX_CALLS_PER_TURN ? domain.tools().execute(db, c.name(), arguments(c.arguments()), Tau2Toolset.AGENT)
                            : new ToolResult("Error: too many tool calls in one turn (limit " + MAX_CALLS_PER_TURN + ")", true);
                    transcript.add(ChatMessage.tool(c.id(), r.text()));
                }
                end = steps.afterTurn(null);
            }
        }
        ObjectNode sim = Tau2Simulation.of(taskId, attempt, task, domain, db, transcript, userUsage, end, userError);
        return new Trial(meter.success(last), transcript, sim, false);
    }

    /**
     * Upstream's step count (its orchestrator): every message passed is one step (a user or agent message, a turn's
     * tool results together); the budget is checked only when the next message is not for the environment, and a
     * reached budget ends the trial as {@code max_steps} even where the message that reached it was a stop.
     */
    static final class Steps {
        private final int max;
        private int count;

        Steps(int max) {
            this.max = max;
        }

        /** A message with tool calls: one step, the environment answers next (no budget check). */
        void toEnvironment() {
            count++;
        }

        /** A message for the other party (or tool results back to their caller): one step, then the budget check. */
        Termination afterTurn(Termination stop) {
            count++;
            return count >= max ? Termination.MAX_STEPS : stop;
        }
    }

    /** The user's calls with ids of their own (a server may omit them; the agent's are {@code call_<step>_<i>}). */
    private static List<ToolCall> userCalls(List<ToolCall> calls, int at) {
        List<ToolCall> out = new ArrayList<>();
        for (ToolCall c : EpisodeMeter.withIds(calls, at, MAX_ARGUMENT_CHARS)) {
            out.add(c.id().startsWith("call_") ? new ToolCall("user_" + c.id(), c.name(), c.arguments()) : c);
        }
        return out;
    }

    /** The transcript as the agent sees it: the user's own tool calls and their results left out. */
    static List<ChatMessage> agentView(List<ChatMessage> transcript) {
        List<ChatMessage> out = new ArrayList<>();
        boolean userSpokeLast = false;
        for (ChatMessage m : transcript) {
            if (m.role().equals("user")) {
                userSpokeLast = true;
                if (m.content() != null && !m.content().isBlank()) {
                    out.add(ChatMessage.user(m.content()));
                }
            } else if (m.role().equals("assistant")) {
                userSpokeLast = false;
                out.add(m);
            } else if (!(m.role().equals("tool") && userSpokeLast)) {
                out.add(m);
            }
        }
        return out;
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
}
