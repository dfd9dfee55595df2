package dev.claimcheck.core.suite.proofs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.endpoint.ChatRequest;
import dev.claimcheck.core.endpoint.ClientConfig;
import dev.claimcheck.core.endpoint.OpenAiChatEndpoint;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.grade.proof.JudgeReply;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pinned judges of one run, each reached through the endpoint client (a simulator judge is a real server on
 * loopback with its own oracle). Opened once per run, closed with the run's options.
 */
final class JudgePanel implements AutoCloseable {
    private final List<Judge> judges;
    private final int maxTokens;

    /** One open judge; {@code oracle} and {@code simulator} only for a simulated one. */
    private record Judge(JudgeSpec spec, ChatEndpoint endpoint, InMemoryOracle oracle, Simulator simulator) {
    }

    private JudgePanel(List<Judge> judges, int maxTokens) {
        this.judges = judges;
        this.maxTokens = maxTokens;
    }

    static JudgePanel open(List<JudgeSpec> specs, long seed, String apiKeyEnv, int maxRetries, int maxTokens) {
        List<Judge> judges = new ArrayList<>();
        for (JudgeSpec spec : specs) {
            if (SimOptions.isSim(spec.baseUrl())) {
                SimOptions options = SimOptions.parse(spec.baseUrl(), Lane.INSTANT, seed);
                InMemoryOracle oracle = new InMemoryOracle();
                Simulator simulator = Simulator.start(options, oracle);
                ClientConfig config = ClientConfig.builder(simulator.baseUrl())
                        .retry(new RetryPolicy(maxRetries, Duration.ofMillis(5), Duration.ofMillis(100), 0.5))
                        .attemptHeaders(true).build();
                judges.add(new Judge(spec, new OpenAiChatEndpoint(config), oracle, simulator));
            } else {
                ClientConfig config = ClientConfig.builder(spec.baseUrl()).apiKeyEnv(apiKeyEnv).apiKeyFromEnvironment().build();
                judges.add(new Judge(spec, new OpenAiChatEndpoint(config), null, null));
            }
        }
        return new JudgePanel(List.copyOf(judges), maxTokens);
    }

    /** Every judge's grade of one solution, in --judge order. */
    List<JudgeGrade> grade(ProofProblem problem, String solution, Double claimed, int attempt) {
        List<ChatMessage> messages = JudgePrompt.messages(problem, solution);
        List<JudgeGrade> grades = new ArrayList<>();
        for (Judge judge : judges) {
            if (judge.oracle() != null) {
                double reference = SimJudge.reference(problem, solution, claimed);
                judge.oracle().put(PromptHash.of(messages), SimJudge.reply(judge.spec().model(), problem, reference));
            }
            ObjectNode template = JsonNodeFactory.instance.objectNode();
            template.put("model", judge.spec().model());
            template.put("temperature", 0);
            template.put("max_tokens", maxTokens);
            template.put("stream", true);
            template.putObject("stream_options").put("include_usage", true);
            ChatOutcome outcome = judge.endpoint().complete(new ChatRequest(messages, template, attempt));
            grades.add(toGrade(judge.spec(), problem, outcome));
        }
        return grades;
    }

    private static JudgeGrade toGrade(JudgeSpec spec, ProofProblem problem, ChatOutcome outcome) {
        long tokens = outcome.usage() == null ? 0 : outcome.usage().completionTokens();
        if (outcome instanceof ChatOutcome.Failure f) {
            return new JudgeGrade(spec.label(), JudgePrompt.VERSION, JudgeGrade.Status.ERROR, null, null,
                    f.error().cause().id() + ": " + f.error().message(), null, tokens);
        }
        String reply = ((ChatOutcome.Success) outcome).response().content();
        JudgeReply read = JudgeReply.read(reply, problem.maxPoints());
        return read.parsed()
                ? new JudgeGrade(spec.label(), JudgePrompt.VERSION, JudgeGrade.Status.GRADED, read.points(),
                        read.justification(), null, reply, tokens)
                : new JudgeGrade(spec.label(), JudgePrompt.VERSION, JudgeGrade.Status.PARSE_FAILURE, null, null,
                        read.failure(), reply, tokens);
    }

    @Override
    public void close() {
        for (Judge judge : judges) {
            judge.endpoint().close();
            if (judge.simulator() != null) {
                judge.simulator().close();
            }
        }
    }
}
