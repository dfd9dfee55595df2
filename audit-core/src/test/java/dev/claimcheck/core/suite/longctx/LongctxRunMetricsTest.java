package dev.claimcheck.core.suite.longctx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.LongctxTaskKey;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.docs.DocsFigures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongctxRunMetricsTest {
    /** {@code right} correct attempts out of {@code n} tasks in the cell, one attempt each. */
    static void cell(List<Sample> out, int length, int depth, int n, int right) {
        for (int i = 0; i < n; i++) {
            String id = new LongctxTaskKey(length, depth, "single", i % 2 == 0 ? "json" : "csv", 2, i).id();
            boolean ok = i < right;
            out.add(new Sample(id, 0, null, "h", (long) length, null, null, new Usage(length + 10, 5, 0, 0),
                    new Timing(null, length / 1000.0, null, null, null),
                    new Verdict(ok, ok ? 1 : 0, "x", "x", "answer-set", "1", ""), null, null));
        }
    }

    @Test
    void theScoreIsTheMeanOverCellsNotOverAttempts() {
        List<Sample> s = new ArrayList<>();
        cell(s, 8192, 0, 10, 10);  // 1.0 over 10 tasks
        cell(s, 8192, 100, 2, 0);  // 0.0 over 2 tasks
        Metrics m = RunMetrics.of(s, SuiteRegistry.figures(Workload.LONGCTX));
        assertThat(m.score()).isCloseTo(0.5, within(1e-12)); // per attempt it would be 10/12
        assertThat(m.get(LongctxFigures.CELLS)).extracting(LongctxCell::depth, LongctxCell::accuracy, LongctxCell::n)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1.0, 10), org.assertj.core.groups.Tuple.tuple(100, 0.0, 2));
        // Both cells have zero variance: the stratified interval collapses on the estimate.
        assertThat(m.ci95Low()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theEffectiveLengthIsTheLongestWhoseAccuracyAndEveryShorterOneReachTheThreshold() {
        List<Sample> s = new ArrayList<>();
        cell(s, 8192, 50, 10, 10);
        cell(s, 32768, 50, 10, 9);
        cell(s, 131072, 50, 10, 5);
        cell(s, 1048576, 50, 10, 9); // recovers, but a shorter length already failed
        var l = RunMetrics.of(s, SuiteRegistry.figures(Workload.LONGCTX)).get(LongctxFigures.BLOCK);
        assertThat(l.effectiveLength().threshold()).isEqualTo(0.85);
        assertThat(l.effectiveLength().length()).isEqualTo(32768);
        assertThat(l.byLength()).extracting(c -> Math.round(c.ttftMs().mean() * 1000)).containsExactly(8192L, 32768L, 131072L, 1048576L);
        assertThat(l.promptTokensRatio().mean()).isGreaterThan(1.0);
        assertThat(l.byFormat()).containsOnlyKeys("csv", "json");
        assertThat(l.byDensity()).containsOnlyKeys("2");
    }

    @Test
    void otherWorkloadsHaveNoCells() {
        List<Sample> s = new ArrayList<>();
        cell(s, 8192, 0, 3, 2);
        Metrics m = RunMetrics.of(s, SuiteRegistry.figures(Workload.ARITH));
        assertThat(m.get(LongctxFigures.CELLS)).isNull();
        assertThat(m.get(LongctxFigures.BLOCK)).isNull();
        assertThat(m.get(DocsFigures.BLOCK)).isNull();
    }
}
