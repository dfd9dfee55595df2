package dev.claimcheck.core.suite.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.grade.ArcGrader;
import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.stats.StudentT;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ARC Prize's scoring worked out by hand: per task file the mean over its test inputs, then the mean over files. */
class ArcRunMetricsTest {
    private static final String GOLD = "12\n34";
    private static final String RIGHT = "Here:\n12\n34";
    private static final String WRONG = "12\n35";
    private static final String SHAPE = "123\n345";
    private static final String NONE = "I cannot tell.";

    /**
     * k = 2. Task a: one test input, wrong then right. Task b: three test inputs, right twice, wrong twice, wrong
     * twice. Task c: one test input, no grid then a wrong shape.
     */
    static List<Sample> run() {
        return new ArrayList<>(List.of(
                graded("a/0", 0, WRONG), graded("a/0", 1, RIGHT),
                graded("b/0", 0, RIGHT), graded("b/0", 1, RIGHT),
                graded("b/1", 0, WRONG), graded("b/1", 1, WRONG),
                graded("b/2", 0, WRONG), graded("b/2", 1, SHAPE),
                graded("c/0", 0, NONE), graded("c/0", 1, SHAPE)));
    }

    @Test
    void theScoreIsTheMeanOverTasksOfTheShareOfTestInputsSolvedByEitherAttempt() {
        Metrics m = RunMetrics.of(run(), SuiteRegistry.figures(Workload.ARC));
        ArcMetrics x = m.get(ArcFigures.BLOCK);
        // pass@2: a 1/1, b 1/3, c 0/1 → (1 + 1/3 + 0) / 3 = 4/9; pooled over test inputs it would be 2/5.
        assertThat(x.passAt2().value()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(m.score()).isEqualTo(x.passAt2().value());
        // pass@1: a 1/2, b (1 + 0 + 0) / 3, c 0 → (1/2 + 1/3) / 3 = 5/18.
        assertThat(x.passAt1().value()).isCloseTo(5.0 / 18, within(1e-12));
        assertThat(x.k()).isEqualTo(2);
        assertThat(x.tasks()).isEqualTo(3);
        assertThat(x.testInputs()).isEqualTo(5);
        assertThat(m.tasks()).as("the shared count is of graded items, one per test input").isEqualTo(5);
        assertThat(x.wrongShape()).isEqualTo(2);
        assertThat(x.noGrid()).isEqualTo(1);
        // A t interval over the 3 task scores {1, 1/3, 0}: sample variance 21/81, standard error √(7/81).
        double half = StudentT.quantile(0.975, 2) * Math.sqrt(7.0 / 81);
        assertThat(x.passAt2().tasks()).isEqualTo(3);
        assertThat(x.passAt2().ci95Low()).isEqualTo(Math.max(0, 4.0 / 9 - half));
        assertThat(x.passAt2().ci95High()).isCloseTo(Math.min(1, 4.0 / 9 + half), within(1e-12));
        assertThat(m.ci95Low()).isEqualTo(x.passAt2().ci95Low());
    }

    @Test
    void withMoreThanTwoAttemptsPassAt2IsTheUnbiasedEstimator() {
        // One test input, 1 right of 3: pass@2 = 1 − C(2,2)/C(3,2) = 2/3; pass@1 = 1/3.
        List<Sample> s = List.of(graded("d/0", 0, RIGHT), graded("d/0", 1, WRONG), graded("d/0", 2, NONE));
        ArcMetrics x = RunMetrics.of(s, SuiteRegistry.figures(Workload.ARC)).get(ArcFigures.BLOCK);
        assertThat(x.k()).isEqualTo(3);
        assertThat(x.passAt2().value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(x.passAt1().value()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(x.passAt2().ci95Low()).as("one task: no interval").isNull();
    }

    @Test
    void withOneAttemptThereIsNoPassAt2AndSoNoScore() {
        List<Sample> s = List.of(graded("a/0", 0, RIGHT), graded("b/0", 0, WRONG));
        Metrics m = RunMetrics.of(s, SuiteRegistry.figures(Workload.ARC));
        ArcMetrics x = m.get(ArcFigures.BLOCK);
        assertThat(x.passAt2()).isNull();
        assertThat(m.score()).isNull();
        assertThat(m.scorePer1kOutputTokens()).isNull();
        assertThat(x.passAt1().value()).isEqualTo(0.5);
        assertThat(SuiteRegistry.figures(Workload.ARC).rows(m)).extracting(r -> r.name())
                .containsExactly("arc.passAt1", "arc.tasks", "arc.testInputs", "arc.wrongShape", "arc.noGrid");
    }

    @Test
    void anErroredAttemptIsNotGradedAndATestInputWithOneGradedAttemptHasNoPassAt2() {
        List<Sample> s = new ArrayList<>(run());
        s.add(graded("e/0", 0, RIGHT));
        s.add(errored("e/0", 1));
        Metrics m = RunMetrics.of(s, SuiteRegistry.figures(Workload.ARC));
        ArcMetrics x = m.get(ArcFigures.BLOCK);
        assertThat(x.passAt2().value()).as("task e has no pass@2").isCloseTo(4.0 / 9, within(1e-12));
        assertThat(x.passAt2().tasks()).isEqualTo(3);
        assertThat(x.passAt1().value()).isCloseTo((5.0 / 6 + 1) / 4, within(1e-12));
        assertThat(x.tasks()).isEqualTo(4);
        assertThat(m.errors()).containsEntry("timeout", 1);
    }

    @Test
    void journalOrderDoesNotChangeAnything() {
        List<Sample> shuffled = run();
        Collections.reverse(shuffled);
        assertThat(RunMetrics.of(shuffled, SuiteRegistry.figures(Workload.ARC)))
                .isEqualTo(RunMetrics.of(run(), SuiteRegistry.figures(Workload.ARC)));
    }

    @Test
    void theRowsAreNamedAndCountedOverTasks() {
        Metrics m = RunMetrics.of(run(), SuiteRegistry.figures(Workload.ARC));
        var rows = SuiteRegistry.figures(Workload.ARC).rows(m);
        assertThat(rows).extracting(r -> r.name()).containsExactly("arc.passAt2", "arc.passAt1", "arc.tasks",
                "arc.testInputs", "arc.wrongShape", "arc.noGrid");
        assertThat(rows.get(0).n()).isEqualTo(3);
        assertThat(rows.get(4).n()).isEqualTo(10);
    }

    static Sample graded(String task, int attempt, String reply) {
        return new Sample(task, attempt, null, "h", null, null, new Response(reply, null, null, "stop"),
                new Usage(10, 100, 0, 0), null, new ArcGrader().grade(reply, GOLD), null, null);
    }

    static Sample errored(String task, int attempt) {
        return new Sample(task, attempt, null, "h", null, null, null, null, null, null,
                new AttemptError(ErrorCause.TIMEOUT, "slow", 6), null);
    }
}
