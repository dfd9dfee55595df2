package dev.claimcheck.core.suite.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.suite.EpisodeMeter;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.model.AgentDetail;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.suite.AttemptExchange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agent loop over real loopback HTTP: the simulator plays a scripted policy (streamed and not), and hostile
 * tool calls come back to the model as counted errors, never as a crashed attempt.
 */
class AgentEpisodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AgentTask TASK = AgentTasks.byId("ws-config-1");
    private static final List<ChatMessage> OPENING = List.of(ChatMessage.system(AgentSuite.SYSTEM),
            ChatMessage.user(TASK.instruction()));

    @ParameterizedTest(name = "stream={0}")
    @ValueSource(booleans = {true, false})
    void malformedCallsAreAnsweredAsToolErrorsAndCountedAndTheEpisodeGoesOn(boolean stream) {
        List<ToolCall> script = new ArrayList<>();
        script.add(new ToolCall("bad-1", "read_file", "{\"path\": "));                        // not JSON
        script.add(new ToolCall("bad-2", "rm_rf", "{}"));                                       // unknown tool
        script.add(new ToolCall("bad-3", "read_file", "{\"path\": 42}"));                      // wrong type
        script.add(new ToolCall("bad-4", "read_file", "{\"path\":\"" + "a".repeat(1 << 20) + "\"}")); // 1 MB
        script.addAll(AgentTasks.referenceScript(TASK, null));

        AttemptExchange ex = run(script, 30, 1_000_000, stream);

        AgentDetail d = AgentDetail.parse(ex.verdict().detail()).orElseThrow();
        assertThat(d.malformedCalls()).isEqualTo(4);
        assertThat(d.toolErrors()).isEqualTo(4);
        assertThat(d.goalMet()).isTrue();
        assertThat(ex.verdict().correct()).isTrue();
        List<String> results = ex.transcript().stream().filter(m -> m.role().equals("tool")).map(ChatMessage::content).toList();
        assertThat(results.get(0)).contains("not valid JSON");
        assertThat(results.get(1)).contains("unknown tool 'rm_rf'");
        assertThat(results.get(2)).contains("must be a string");
        assertThat(results.get(3)).contains("arguments too large");
        assertThat(ex.transcript().stream().filter(m -> m.role().equals("tool")).map(ChatMessage::toolCallId).toList())
                .startsWith("bad-1", "bad-2", "bad-3", "bad-4");
        // The megabyte is not carried on: the transcript keeps it cut just past the limit.
        assertThat(ex.transcript().get(6).toolCalls().get(0).arguments()).hasSize(Environment.MAX_ARGUMENT_CHARS + 1);
        // One request per turn: every call, then the closing answer.
        assertThat(d.steps()).isEqualTo(script.size() + 1);
        assertThat(ex.outcome().usage().promptTokens()).isGreaterThan(ex.outcome().usage().completionTokens());
    }

    @Test
    void theSimulatorFollowsOneScriptThroughAWholeEpisodeDrawnPerAttempt() {
        AgentTask task = AgentTasks.byId("calendar-book-1");
        List<ChatMessage> opening = List.of(ChatMessage.system(AgentSuite.SYSTEM), ChatMessage.user(task.instructionFor(Fault.CHECKPOINT)));
        List<ToolCall> reference = AgentTasks.referenceScript(task, Fault.CHECKPOINT);
        List<ToolCall> mistake = AgentTasks.mistakeScript(task, Fault.CHECKPOINT);
        InMemoryOracle oracle = new InMemoryOracle();
        oracle.put(PromptHash.of(opening), new OracleEntry.AgentScript(reference, mistake, AgentSuite.CLOSING));
        int followedReference = 0;
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:accuracy=0.5", Lane.INSTANT, 3), oracle)) {
            OpenAiChatEndpoint client = new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl()).attemptHeaders(true)
                    .retry(RetryPolicy.immediate(0)).build());
            for (int attempt = 0; attempt < 20; attempt++) {
                AttemptExchange ex = AgentEpisode.run(task, Fault.CHECKPOINT, AgentSuite.expected(task, Fault.CHECKPOINT), opening,
                        JSON.createObjectNode().put("model", "sim"), attempt, client, new EpisodeMeter.Budgets(30, 1_000_000));
                List<ToolCall> made = ex.transcript().stream().flatMap(m -> m.toolCalls().stream()).toList();
                assertThat(made).as("attempt %d made exactly one of the scripts", attempt).isIn(reference, mistake);
                assertThat(ex.verdict().correct()).isEqualTo(made.equals(reference));
                followedReference += made.equals(reference) ? 1 : 0;
            }
        }
        assertThat(followedReference).isBetween(3, 17); // both scripts are drawn, per attempt
    }

    @Test
    void aPolicyThatNeverStopsHitsTheStepBudgetAndIsCountedNotCrashed() {
        List<ToolCall> endless = Collections.nCopies(500, new ToolCall("c", "list_files", "{}"));

        AttemptExchange ex = run(endless, 25, 10_000_000, true);

        assertThat(ex.outcome()).isInstanceOf(ChatOutcome.Success.class);
        AgentDetail d = AgentDetail.parse(ex.verdict().detail()).orElseThrow();
        assertThat(d.budgetStop()).isEqualTo(EpisodeMeter.STOP_STEPS);
        assertThat(d.steps()).isEqualTo(25);
        assertThat(ex.verdict().correct()).isFalse();
        assertThat(ex.transcript()).hasSize(50); // 25 assistant turns, 25 tool results
    }

    @Test
    void theTokenBudgetStopsAnEpisodeBetweenTurns() {
        AttemptExchange ex = run(AgentTasks.referenceScript(TASK, null), 30, 400, true);

        AgentDetail d = AgentDetail.parse(ex.verdict().detail()).orElseThrow();
        assertThat(d.budgetStop()).isEqualTo(EpisodeMeter.STOP_TOKENS);
        assertThat(ex.verdict().correct()).isFalse();
        assertThat(ex.outcome().usage().promptTokens() + ex.outcome().usage().completionTokens()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void callsBeyondThePerTurnLimitAreRefusedAndCounted() {
        Environment env = new Environment(TASK, null);
        List<ToolCall> many = Collections.nCopies(AgentEpisode.MAX_CALLS_PER_TURN + 3, new ToolCall("c", "list_files", "{}"));

        List<ChatMessage> results = AgentEpisode.act(env, many);

        assertThat(results).hasSize(many.size());
        assertThat(results.get(AgentEpisode.MAX_CALLS_PER_TURN).content()).contains("too many tool calls");
        assertThat(env.malformedCalls()).isEqualTo(3);
        assertThat(env.calls()).isEqualTo(many.size());
    }

    private static AttemptExchange run(List<ToolCall> script, int maxSteps, long maxTokens, boolean stream) {
        InMemoryOracle oracle = new InMemoryOracle();
        oracle.put(PromptHash.of(OPENING), new OracleEntry.AgentScript(script, script, AgentSuite.CLOSING));
        try (Simulator sim = Simulator.start(SimOptions.parse("sim:accuracy=1", Lane.INSTANT, 0), oracle)) {
            OpenAiChatEndpoint client = new OpenAiChatEndpoint(ClientConfig.builder(sim.baseUrl()).attemptHeaders(true)
                    .retry(RetryPolicy.immediate(0)).build());
            ObjectNode template = JSON.createObjectNode().put("model", "sim").put("stream", stream);
            return AgentEpisode.run(TASK, null, AgentSuite.expected(TASK, null), OPENING, template, 0, client,
                    new EpisodeMeter.Budgets(maxSteps, maxTokens));
        }
    }
}
