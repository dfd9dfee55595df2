package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.judge.JudgeEndpoint;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The user simulator of a native τ² run: a pinned model ({@code --user-model BASE_URL=MODEL}) reached through the
 * endpoint client at temperature 0 (upstream's default user temperature too), told the task's user scenario by its
 * {@link Tau2Prompt}: upstream's guidelines, or ours ({@link #PROMPT_ID}); run.json records which, with its hash. It sees the agent's messages as the user role and its own as the assistant's; it ends the
 * conversation with {@link #STOP}, {@link #TRANSFER} or {@link #OUT_OF_SCOPE}, as τ²-bench's user simulator does. Where the domain has user-side tools it may call
 * them (run on the trial's database). A simulated user ({@code sim…}) is scripted: it opens with the scenario, makes
 * the task's user-side reference calls, then stops.
 */
final class Tau2UserSimulator implements AutoCloseable {
    static final String PROMPT_ID = "tau2-user-v1";
    static final String STOP = "###STOP###";
    /** Upstream's user simulator also ends the conversation with these; each is a {@code user_stop} there too. */
    static final String TRANSFER = "###TRANSFER###";
    static final String OUT_OF_SCOPE = "###OUT-OF-SCOPE###";
    /** τ²-bench's agent opens every conversation with this greeting; the user simulator answers it. */
    static final String GREETING = "Hi! How can I help you today?";
    static final String PROMPT = """
            You are simulating a customer who contacts a customer service agent. Stay in the role described in the \
            scenario below: say only what the customer knows, one message at a time, in plain conversational text, and \
            do not invent information the scenario does not give you. Do not reveal that you are a simulation. When your \
            goal is reached, or the agent cannot help any further, reply with %s alone to end the conversation.

            <scenario>
            %%s
            </scenario>""".formatted(STOP);
    static final int MAX_TOKENS = 1024;

    private final JudgeEndpoint endpoint;
    private final Tau2Prompt prompt;

    Tau2UserSimulator(JudgeEndpoint endpoint, Tau2Prompt prompt) {
        this.endpoint = endpoint;
        this.prompt = prompt;
    }

    JudgeSpec spec() {
        return endpoint.spec();
    }

    /** The prompt's name with its hash, as run.json records it. */
    String recorded() {
        return prompt.recorded();
    }

    /**
     * The user's next turn. {@code conversation} is the trial's transcript; the simulator sees it with the roles swapped
     * and the agent's greeting first, its own tool calls and their results kept, the agent's tool traffic hidden.
     *
     * @param script what a scripted (simulated) user does: says {@code opener}, then makes {@code userCalls} one a
     *               turn, then stops
     * @param tools  the user-side tools' schemas (none for most domains)
     */
    ChatOutcome next(String instructions, List<ChatMessage> conversation, int attempt, Script script, List<ObjectNode> tools) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(prompt.compose(instructions)));
        messages.add(ChatMessage.user(GREETING));
        int spoken = 0;
        int calls = 0;
        boolean userSpokeLast = false;
        for (ChatMessage m : conversation) {
            boolean hasCalls = m.toolCalls() != null && !m.toolCalls().isEmpty();
            if (m.role().equals("user")) {
                messages.add(ChatMessage.assistant(m.content(), hasCalls ? m.toolCalls() : List.of()));
                spoken += m.content() != null && !m.content().isBlank() ? 1 : 0;
                calls += hasCalls ? m.toolCalls().size() : 0;
                userSpokeLast = true;
            } else if (m.role().equals("assistant")) {
                userSpokeLast = false;
                if (m.content() != null && !m.content().isBlank() && !hasCalls) {
                    messages.add(ChatMessage.user(m.content()));
                }
            } else if (m.role().equals("tool") && userSpokeLast) {
                messages.add(m); // the result of the user's own call
            }
        }
        final int madeCalls = calls;
        final boolean opened = spoken > 0;
        // A scripted user that errs sends an empty turn: a user-simulator error, counted apart.
        return endpoint.ask(messages, tools, MAX_TOKENS, attempt, () -> !opened ? new OracleEntry.VerbatimReply(script.opener(), "")
                : madeCalls < script.userCalls().size()
                ? new OracleEntry.ToolCallReply(List.of(script.userCalls().get(madeCalls)), List.of(), "")
                : new OracleEntry.VerbatimReply(STOP, ""));
    }

    /** Whether the user's text ends the conversation, as upstream's {@code UserSimulator.is_stop} reads it. */
    static boolean isStop(String text) {
        return text != null && (text.contains(STOP) || text.contains(TRANSFER) || text.contains(OUT_OF_SCOPE));
    }

    /** A simulated user's script: its opening message, then its reference calls (user-side actions), then STOP. */
    record Script(String opener, List<ToolCall> userCalls) {
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
