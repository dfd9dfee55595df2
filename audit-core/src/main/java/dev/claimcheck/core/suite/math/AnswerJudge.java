package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.endpoint.ChatOutcome;
import dev.claimcheck.core.grade.judge.AnswerJudgeReply;
import dev.claimcheck.core.model.JudgeVerdict;
import dev.claimcheck.core.suite.judge.JudgeEndpoint;
import dev.claimcheck.core.suite.judge.JudgeSpec;

/**
 * The math run's pinned answer judge ({@code --judge}): asks it with {@link MathJudgePrompt} and reads its reply
 * into a {@link JudgeVerdict}. Opened once per run, closed with the run's options.
 */
final class AnswerJudge implements AutoCloseable {
    private final JudgeEndpoint endpoint;
    private final int maxTokens;

    AnswerJudge(JudgeEndpoint endpoint, int maxTokens) {
        this.endpoint = endpoint;
        this.maxTokens = maxTokens;
    }

    JudgeVerdict judge(String problem, String expected, String response, int attempt) {
        JudgeSpec spec = endpoint.spec();
        ChatOutcome outcome = endpoint.ask(MathJudgePrompt.messages(problem, expected, response), maxTokens, attempt,
                () -> MathSimJudge.reply(spec.model(), MathSimJudge.reference(response, expected)));
        long tokens = JudgeEndpoint.completionTokens(outcome);
        if (outcome instanceof ChatOutcome.Failure f) {
            return new JudgeVerdict(spec.label(), MathJudgePrompt.VERSION, JudgeVerdict.Status.ERROR, null, null,
                    f.error().cause().id() + ": " + f.error().message(), null, tokens);
        }
        String reply = ((ChatOutcome.Success) outcome).response().content();
        return read(spec.label(), MathJudgePrompt.VERSION, reply, tokens);
    }

    /** A reply as a verdict: graded, or a parse failure with its reason (never read as either verdict). */
    static JudgeVerdict read(String judge, String prompt, String reply, long tokens) {
        AnswerJudgeReply r = AnswerJudgeReply.read(reply);
        return r.parsed()
                ? new JudgeVerdict(judge, prompt, JudgeVerdict.Status.GRADED, r.correct(), r.reason(), null, reply, tokens)
                : new JudgeVerdict(judge, prompt, JudgeVerdict.Status.PARSE_FAILURE, null, null, r.failure(), reply, tokens);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
