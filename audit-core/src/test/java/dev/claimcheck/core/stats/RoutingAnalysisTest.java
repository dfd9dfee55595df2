package dev.claimcheck.core.stats;

import static dev.claimcheck.core.stats.MathSamples.math;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.ModelRef;
import dev.claimcheck.core.model.RunManifest.SuiteRef;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cascade strategies on a hand-made pair of runs whose every figure can be worked out on paper: 4 tasks, two
 * instant attempts each (10/20/50/40 output tokens), one thinking attempt each (100 tokens, right on 3 of 4).
 */
class RoutingAnalysisTest {
    static final List<Sample> INSTANT = List.of(
            math("t1", 0, true, "7", 10), math("t1", 1, true, "7", 10),
            math("t2", 0, false, "3", 20), math("t2", 1, false, "4", 20),
            math("t3", 0, false, null, 50), math("t3", 1, true, "7", 10),
            math("t4", 0, false, "5", 40), math("t4", 1, false, "5", 40));
    static final List<Sample> THINKING = List.of(
            math("t1", 0, true, "7", 100), math("t2", 0, true, "7", 100),
            math("t3", 0, false, "9", 100), math("t4", 0, true, "7", 100));

    static RunManifest run(String id, Lane lane, String suite, String sha) {
        return new RunManifest(RunManifest.SCHEMA, id, RunStatus.COMPLETE, false, lane, Workload.MATH,
                new SuiteRef(suite, "1", new DatasetRef("d", sha, "d.jsonl", false, null), null),
                new ModelRef("m", "m", null), null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static final RunManifest I = run("i", Lane.INSTANT, "math", "abc");
    static final RunManifest T = run("t", Lane.THINKING, "math", "abc");

    static RoutingRow row(RoutingAnalysis.Report r, String strategy, Long budget) {
        return r.rows().stream().filter(x -> x.strategy().id().equals(strategy) && java.util.Objects.equals(x.budget(), budget))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} budget {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            instant-only             | -  | 0.375 | 25.0  | 0.0
            thinking-only            | -  | 0.75  | 100.0 | 1.0
            oracle                   | -  | 0.875 | 87.5  | 0.625
            escalate-on-unparsed     | -  | 0.375 | 37.5  | 0.125
            escalate-on-disagreement | -  | 0.5   | 75.0  | 0.5
            escalate-over-budget     | 0  | 0.75  | 125.0 | 1.0
            escalate-over-budget     | 16 | 0.875 | 87.5  | 0.625
            escalate-over-budget     | 64 | 0.375 | 25.0  | 0.0
            """)
    void strategiesGiveTheFiguresWorkedOutByHand(String strategy, Long budget, double accuracy, double tokens, double escalated) {
        RoutingAnalysis.Report r = RoutingAnalysis.of(I, INSTANT, T, THINKING);
        RoutingRow row = row(r, strategy, budget);
        assertThat(row.accuracy().estimate()).isCloseTo(accuracy, within(1e-12));
        assertThat(row.tokens().estimate()).isCloseTo(tokens, within(1e-12));
        assertThat(row.escalated()).isCloseTo(escalated, within(1e-12));
        assertThat(row.accuracy().low()).isNotNull();
        assertThat(row.latencyMs()).as("no timings in these samples").isNull();
    }

    @Test
    void theBudgetCurveRunsFromZeroToThePowerOfTwoAboveTheLongestInstantOutput() {
        RoutingAnalysis.Report r = RoutingAnalysis.of(I, INSTANT, T, THINKING);
        assertThat(r.rows().stream().filter(x -> x.budget() != null).map(RoutingRow::budget)).containsExactly(0L, 16L, 32L, 64L);
        assertThat(r.tasks()).isEqualTo(4);
    }

    @Test
    void theSentenceNamesTheCheapestStrategyInsideTheThinkingIntervalAndShowsIt() {
        // Four tasks: the thinking interval is so wide that even instant-only lies inside it; the sentence shows the interval.
        RoutingAnalysis.Report r = RoutingAnalysis.of(I, INSTANT, T, THINKING);
        ScoreInterval t = r.rows().get(1).accuracy();
        assertThat(RoutingSentence.of(r)).isEqualTo(String.format(java.util.Locale.ROOT,
                "instant-only scores 37.5%%, inside the thinking model's 95%% CI (75.0%% [%.1f%%, %.1f%%]) or above it, with 25 "
                        + "output tokens per task instead of 100 (75%% fewer), escalating 0%% of instant answers.",
                100 * t.low(), 100 * t.high()));
    }

    @Test
    void theSentenceKeepsItsFiguresApartFromItsWording() {
        RoutingAnalysis.Report r = RoutingAnalysis.of(I, INSTANT, T, THINKING);
        List<Sentence> parts = RoutingSentence.parts(r);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).kind()).isEqualTo(Sentence.Kind.ROUTING_CHEAPER);
        assertThat(parts.get(0).args()).startsWith("instant-only", "37.5", "75.0").endsWith("25", "100", "75", "0");
        assertThat(parts.get(0).english()).isEqualTo(RoutingSentence.of(r));
    }

    @Test
    void runsOnOtherTasksDataOrSuitesDoNotPair() {
        assertThatThrownBy(() -> RoutingAnalysis.of(I, INSTANT, T, THINKING.subList(0, 3)))
                .hasMessage("the runs are not on the same tasks: 1 only in the instant run (first: t4), 0 only in the thinking run");
        assertThatThrownBy(() -> RoutingAnalysis.of(I, INSTANT, run("t", Lane.THINKING, "math", "def"), THINKING))
                .hasMessage("the runs are on different data: dataset sha256 abc and def");
        assertThatThrownBy(() -> RoutingAnalysis.of(I, INSTANT, run("t", Lane.THINKING, "arith", "abc"), THINKING))
                .hasMessage("the runs are on different suites: math and arith");
    }
}
