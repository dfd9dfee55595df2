package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteredMeanTest {
    @Test
    void withOneAttemptPerTaskItIsTheClassicTInterval() {
        // 10 tasks, 5 correct: mean 0.5, sample sd = sqrt(0.5*0.5*10/9), se = sd/sqrt(10), t(0.975, 9) = 2.2621572.
        List<double[]> clusters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clusters.add(new double[] {i < 5 ? 1 : 0});
        }
        ScoreInterval ci = ClusteredMean.of(clusters);
        double se = Math.sqrt(0.5 * 0.5 * 10 / 9) / Math.sqrt(10);
        assertThat(ci.estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(ci.low()).isCloseTo(0.5 - 2.2621572 * se, within(1e-6));
        assertThat(ci.high()).isCloseTo(0.5 + 2.2621572 * se, within(1e-6));
    }

    @Test
    void correlatedAttemptsWidenTheIntervalComparedWithIndependentOnes() {
        // Same 50% accuracy over 40 attempts: all-or-nothing per task vs. mixed within every task.
        List<double[]> allOrNothing = new ArrayList<>();
        List<double[]> mixed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            allOrNothing.add(i < 5 ? new double[] {1, 1, 1, 1} : new double[] {0, 0, 0, 0});
            mixed.add(new double[] {1, 0, 1, 0});
        }
        ScoreInterval wide = ClusteredMean.of(allOrNothing);
        ScoreInterval narrow = ClusteredMean.of(mixed);
        assertThat(wide.estimate()).isEqualTo(narrow.estimate()).isEqualTo(0.5);
        assertThat(wide.high() - wide.low()).isGreaterThan(0.5);
        assertThat(narrow.high() - narrow.low()).isLessThan(1e-9);
    }

    @Test
    void isClippedToTheUnitInterval() {
        List<double[]> clusters = List.of(new double[] {1}, new double[] {1}, new double[] {0});
        ScoreInterval ci = ClusteredMean.of(clusters);
        assertThat(ci.low()).isGreaterThanOrEqualTo(0);
        assertThat(ci.high()).isLessThanOrEqualTo(1);
    }

    @Test
    void hasNoIntervalWithASingleTask() {
        ScoreInterval ci = ClusteredMean.of(List.of(new double[] {1, 0, 1}));
        assertThat(ci.estimate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ci.low()).isNull();
        assertThat(ci.high()).isNull();
    }

    @Test
    void ignoresTasksWithoutGradedAttempts() {
        ScoreInterval ci = ClusteredMean.of(List.of(new double[] {1}, new double[0], new double[] {0}));
        assertThat(ci.clusters()).isEqualTo(2);
        assertThat(ci.observations()).isEqualTo(2);
    }
}
