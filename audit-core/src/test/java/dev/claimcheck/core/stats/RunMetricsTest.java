package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
    static Sample graded(String task, int attempt, boolean correct, long tokens, String finish) {
        return new Sample(task, attempt, null, "h", null, null, new Response("x", null, null, finish),
                new Usage(10, tokens, 0, 0), null,
                new Verdict(correct, correct ? 1 : 0, "1", "1", "arith", "1", ""), null, null);
    }

    static Sample errored(String task, int attempt, ErrorCause cause) {
        return new Sample(task, attempt, null, "h", null, null, null, null, null, null,
                new AttemptError(cause, "boom", 6), null);
    }

    @Test
    void errorsAreCountedByCauseAndNeverScoredAsWrong() {
        Metrics m = RunMetrics.of(List.of(
                graded("a", 0, true, 100, "stop"), graded("b", 0, true, 300, "stop"),
                errored("c", 0, ErrorCause.TIMEOUT), errored("c", 1, ErrorCause.TIMEOUT),
                errored("d", 0, ErrorCause.SERVER_ERROR)), SuiteRegistry.figures(Workload.ARITH));
        assertThat(m.score()).isEqualTo(1.0);
        assertThat(m.attempts()).isEqualTo(5);
        assertThat(m.graded()).isEqualTo(2);
        assertThat(m.tasks()).isEqualTo(4);
        assertThat(m.errors()).containsEntry("timeout", 2).containsEntry("serverError", 1);
        assertThat(m.errorCount()).isEqualTo(3);
    }

    @Test
    void tokensAndScorePerThousandComeFromGradedAttempts() {
        Metrics m = RunMetrics.of(List.of(
                graded("a", 0, true, 100, "stop"), graded("b", 0, false, 300, "length")), SuiteRegistry.figures(Workload.ARITH));
        assertThat(m.score()).isEqualTo(0.5);
        assertThat(m.outputTokens().mean()).isEqualTo(200.0);
        assertThat(m.scorePer1kOutputTokens()).isEqualTo(2.5);
        assertThat(m.truncated()).isEqualTo(1);
    }

    @Test
    void aRunWithOnlyErrorsHasNoScore() {
        Metrics m = RunMetrics.of(List.of(errored("a", 0, ErrorCause.CONNECTION)), SuiteRegistry.figures(Workload.ARITH));
        assertThat(m.score()).isNull();
        assertThat(m.ci95Low()).isNull();
        assertThat(m.scorePer1kOutputTokens()).isNull();
    }
}
