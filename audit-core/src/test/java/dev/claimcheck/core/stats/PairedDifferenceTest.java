package dev.claimcheck.core.stats;

import static dev.claimcheck.core.stats.MathSamples.math;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedDifferenceTest {
    @Test
    void meanOfPerTaskDifferencesWithATIntervalOnThem() {
        // Differences 0.5, 0.0, 0.5, 1.0: mean 0.5, sd sqrt(1/6), se sqrt(1/6)/2, t(0.975, 3) = 3.182446305.
        var d = PairedDifference.ofTaskMeans(Map.of("a", 1.0, "b", 0.5, "c", 1.0, "d", 1.0),
                Map.of("a", 0.5, "b", 0.5, "c", 0.5, "d", 0.0));
        double half = 3.182446305284263 * Math.sqrt(1.0 / 6) / 2;
        assertThat(d.difference()).isCloseTo(0.5, within(1e-12));
        assertThat(d.ci95Low()).isCloseTo(0.5 - half, within(1e-9));
        assertThat(d.ci95High()).isCloseTo(0.5 + half, within(1e-9));
        assertThat(d.tasks()).isEqualTo(4);
        assertThat(d.unpaired()).isZero();
    }

    @Test
    void fromSamplesTaskMeansOverGradedAttemptsAndUnpairedTasksAreCounted() {
        var a = List.of(math("x", 0, true, "7", 1), math("x", 1, false, "5", 1), math("y", 0, true, "7", 1),
                math("only-a", 0, true, "7", 1));
        var b = List.of(math("x", 0, false, "5", 1), math("x", 1, false, "5", 1), math("y", 0, false, "5", 1));
        var d = PairedDifference.of(a, b);
        assertThat(d.difference()).isCloseTo(0.75, within(1e-12));
        assertThat(d.tasks()).isEqualTo(2);
        assertThat(d.unpaired()).isEqualTo(1);
        assertThat(d.ci95Low()).isLessThan(0.75);
    }

    @Test
    void oneCommonTaskHasNoIntervalAndNoneIsAnError() {
        assertThat(PairedDifference.ofTaskMeans(Map.of("a", 1.0), Map.of("a", 0.0)).ci95Low()).isNull();
        assertThatThrownBy(() -> PairedDifference.ofTaskMeans(Map.of("a", 1.0), Map.of("b", 0.0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
