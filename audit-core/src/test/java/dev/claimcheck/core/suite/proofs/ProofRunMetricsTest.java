package dev.claimcheck.core.suite.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proof figures from recorded details alone: the cases a simulated run does not reach. */
class ProofRunMetricsTest {
    static JudgeGrade graded(String judge, double points) {
        return new JudgeGrade(judge, JudgePrompt.VERSION, JudgeGrade.Status.GRADED, points, "x", null, "{}", 0);
    }

    static Sample sample(String problem, int attempt, int setProblems, Double claimed, JudgeGrade... grades) {
        var detail = new ProofDetail(problem, 7, "generated", List.of(), claimed, claimed == null ? null : "README_en.md:1",
                List.of(grades), setProblems);
        return new Sample(problem, attempt, null, "sha", null, JsonNodeFactory.instance.objectNode(),
                new Response("proof", null, null, "stop"), Usage.NONE, Timing.NONE, ProofSuite.verdict(detail), null, List.of());
    }

    @Test
    void aJudgesPointsOnAProblemAreItsMeanOverAttempts() {
        ProofMetrics m = ProofRunMetrics.of(List.of(
                sample("1", 0, 1, null, graded("a", 7), graded("b", 4)),
                sample("1", 1, 1, null, graded("a", 0), graded("b", 4))));
        assertThat(m.byProblem().get(0).points()).containsEntry("a", 3.5).containsEntry("b", 4.0);
        assertThat(m.total()).isEqualTo(3.75);
        assertThat(m.totalLow()).isEqualTo(3.5);
        assertThat(m.totalHigh()).isEqualTo(4.0);
    }

    @Test
    void aProblemNoAttemptReachedLeavesNoGraderCompleteAndNoTotal() {
        // The set has 2 problems; problem 2's every request failed, so it has no sample line with a verdict.
        ProofMetrics m = ProofRunMetrics.of(List.of(sample("1", 0, 2, 7.0, graded("a", 7), graded("b", 7))));
        assertThat(m.problems()).isEqualTo(2);
        assertThat(m.byProblem()).hasSize(1);
        assertThat(m.graders()).isZero();
        assertThat(m.total()).isNull();
        assertThat(m.judges()).allSatisfy(j -> assertThat(j.total()).isNull());
    }

    @Test
    void problemsGoInReadingOrderWhateverTheJournalOrder() {
        ProofMetrics m = ProofRunMetrics.of(List.of(sample("10", 0, 3, null, graded("a", 1)),
                sample("2", 0, 3, null, graded("a", 1)), sample("b", 0, 3, null, graded("a", 1))));
        assertThat(m.byProblem()).extracting(ProofMetrics.ProblemRow::problem).containsExactly("2", "10", "b");
    }
}
