package dev.claimcheck.core.suite.tau2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.grade.tau2.ExpectedAction;
import dev.claimcheck.core.grade.tau2.NlJudgeReply;
import dev.claimcheck.core.grade.tau2.Tau2Json;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.sim.OracleEntry;
import dev.claimcheck.core.suite.judge.JudgeEndpoint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The native run's NL-assertion judge ({@code --judge BASE_URL=MODEL}, docs/workloads/tau2.md#nl-assertion-judge): a
 * pinned model asked, with our versioned prompt {@link #PROMPT_ID}, whether the trial's conversation meets each of the
 * task's {@code nl_assertions}. Its verdicts go into the simulation as τ²-bench records them
 * ({@code reward_info.nl_assertions[]} {@code nl_assertion, met, justification}) with its reply beside them
 * ({@code reward_info.info.judge}), which every re-grade reads again ({@link NlJudgeReply}).
 */
final class Tau2NlJudge implements AutoCloseable {
    static final String PROMPT_ID = "tau2-nl-judge-v1";
    static final String SYSTEM = """
            You grade a recorded customer-service conversation between an agent and a customer against a list of \
            expected outcomes. Judge each expected outcome on its own, only from what the conversation shows (the \
            agent's messages, its tool calls and their results). An outcome is met only when the conversation clearly \
            satisfies it.

            Reply with one JSON object and nothing else, one result per expected outcome, in the order given:
            {"results": [{"expectedOutcome": "<the outcome, repeated>", "reasoning": "<one or two sentences>", \
            "metExpectation": true or false}]}""";
    static final String PROMPT_SHA256 = PromptHash.sha256Hex(SYSTEM.getBytes(StandardCharsets.UTF_8));
    /** Characters of the rendered conversation kept, from its end. */
    static final int CONVERSATION_TAIL = 64_000;
    static final int MAX_TOKENS = 4096;

    private final JudgeEndpoint endpoint;

    Tau2NlJudge(JudgeEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The prompt id with its hash, as run.json records it ({@code --judge-prompt}). */
    static String recorded() {
        return PROMPT_ID + "@sha256:" + PROMPT_SHA256;
    }

    /**
     * Asks the judge about the simulation's messages and records its verdicts and reply in {@code sim}.
     *
     * @return null when the verdicts were recorded, else why the trial cannot be scored (the reply unreadable, the
     *         request failed)
     */
    String judge(ObjectNode sim, Tau2Domain.DomainTask task, int attempt) {
        List<String> assertions = task.criteria().nlAssertions();
        List<ChatMessage> messages = List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt(sim.get("messages"), assertions)));
        ChatOutcome outcome = endpoint.ask(messages, MAX_TOKENS, attempt, () -> simulated(sim, task));
        ObjectNode record = ((ObjectNode) sim.get("reward_info")).putObject("info").putObject("judge");
        record.put("judge", endpoint.spec().label()).put("prompt", recorded());
        if (outcome.usage() != null) {
            record.put("prompt_tokens", outcome.usage().promptTokens()).put("completion_tokens", outcome.usage().completionTokens());
        }
        if (outcome instanceof ChatOutcome.Failure f) {
            record.put("status", "error").putNull("reply");
            record.put("failure", f.error().cause().id() + ": " + f.error().message());
            return "the NL judge's request failed: " + f.error().message();
        }
        String reply = ((ChatOutcome.Success) outcome).response().content();
        record.put("reply", reply);
        NlJudgeReply read = NlJudgeReply.read(reply, assertions);
        if (!read.parsed()) {
            record.put("status", "parseFailure").put("failure", read.failure());
            return "the NL judge's reply cannot be read: " + read.failure();
        }
        record.put("status", "graded");
        ArrayNode checks = ((ObjectNode) sim.get("reward_info")).putArray("nl_assertions");
        read.checks().forEach(c -> checks.addObject().put("nl_assertion", c.assertion()).put("met", c.met())
                .put("justification", c.justification()));
        return null;
    }

    /** The conversation as lines {@code role: text}, tool calls and results included, then the expected outcomes. */
    static String prompt(JsonNode messages, List<String> assertions) {
        StringBuilder c = new StringBuilder();
        for (JsonNode m : messages) {
            String role = m.path("role").asText();
            String who = role.equals("tool") ? "tool result (for the " + m.path("requestor").asText("assistant") + ")" : role;
            if (m.path("content").isTextual() && !m.path("content").asText().isBlank()) {
                c.append(who).append(": ").append(m.get("content").asText()).append('\n');
            }
            for (JsonNode call : m.path("tool_calls")) {
                c.append(role).append(" calls ").append(call.path("name").asText()).append(' ')
                        .append(Tau2Json.compactOf(call.path("arguments"))).append('\n');
            }
        }
        String conversation = c.length() > CONVERSATION_TAIL
                ? "[… earlier part omitted …]\n" + c.substring(c.length() - CONVERSATION_TAIL) : c.toString();
        StringBuilder out = new StringBuilder("# Conversation\n\n").append(conversation).append("\n# Expected outcomes\n\n");
        for (int i = 0; i < assertions.size(); i++) {
            out.append(i + 1).append(". ").append(assertions.get(i)).append('\n');
        }
        return out.toString();
    }

    /**
     * A simulated judge's reply: with probability {@code sim:accuracy} the reference verdict, every assertion met exactly
     * when the trial made every reference action of the agent's (the simulated agent's correct script); otherwise the
     * opposite, or, for a model id containing {@code malformed}, prose. Lives only in the in-process oracle.
     */
    private OracleEntry.VerbatimReply simulated(ObjectNode sim, Tau2Domain.DomainTask task) {
        boolean reference = task.criteria().actions().stream().filter(a -> a.requestor().equals(ExpectedAction.ASSISTANT))
                .allMatch(a -> calls(sim).stream().anyMatch(c -> a.matches(c.path("name").asText(), c.path("arguments"))));
        List<String> assertions = task.criteria().nlAssertions();
        String deviation = endpoint.spec().model().toLowerCase(Locale.ROOT).contains("malformed")
                ? "I think the agent did " + (reference ? "well." : "badly.") : json(assertions, !reference, "simulated deviation");
        return new OracleEntry.VerbatimReply(json(assertions, reference, "simulated reference verdict"), deviation);
    }

    private static List<JsonNode> calls(ObjectNode sim) {
        List<JsonNode> out = new ArrayList<>();
        sim.path("messages").forEach(m -> m.path("tool_calls").forEach(out::add));
        return out;
    }

    private static String json(List<String> assertions, boolean met, String why) {
        ObjectNode root = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        ArrayNode results = root.putArray("results");
        assertions.forEach(a -> results.addObject().put("expectedOutcome", a).put("reasoning", why).put("metExpectation", met));
        return Tau2Json.compactOf(root);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
