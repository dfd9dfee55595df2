package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.grade.proof.JudgeReply;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.suite.judge.JudgeEndpoint;
import dev.claimcheck.core.suite.judge.JudgeSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The pinned judges of one proofs run ({@link JudgeEndpoint}s, a simulated one told the {@link SimJudge} grade).
 * Opened once per run, closed with the run's options.
 */
final class JudgePanel implements AutoCloseable {
    private final List<JudgeEndpoint> judges;
    private final int maxTokens;

    private JudgePanel(List<JudgeEndpoint> judges, int maxTokens) {
        this.judges = judges;
        this.maxTokens = maxTokens;
    }

    static JudgePanel open(List<JudgeSpec> specs, long seed, String apiKeyEnv, int maxRetries, int maxTokens) {
        List<JudgeEndpoint> judges = new ArrayList<>();
        for (JudgeSpec spec : specs) {
            judges.add(JudgeEndpoint.open(spec, seed, apiKeyEnv, maxRetries));
        }
        return new JudgePanel(List.copyOf(judges), maxTokens);
    }

    /** Every judge's grade of one solution, in --judge order. */
    List<JudgeGrade> grade(ProofProblem problem, String solution, Double claimed, int attempt) {
        List<ChatMessage> messages = JudgePrompt.messages(problem, solution);
        List<JudgeGrade> grades = new ArrayList<>();
        for (JudgeEndpoint judge : judges) {
            ChatOutcome outcome = judge.ask(messages, maxTokens, attempt, () -> SimJudge.reply(judge.spec().model(), problem,
                    SimJudge.reference(problem, solution, claimed)));
            grades.add(toGrade(judge.spec(), problem, outcome));
        }
        return grades;
    }

    private static JudgeGrade toGrade(JudgeSpec spec, ProofProblem problem, ChatOutcome outcome) {
        long tokens = JudgeEndpoint.completionTokens(outcome);
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
        judges.forEach(JudgeEndpoint::close);
    }
}
