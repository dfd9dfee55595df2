package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.stats.LowerBoundCheck.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A claimed minimum ratio ("more than 3x") against the A/B ratio's 95% interval, per load. */
class LowerBoundCheckTest {
    static ThroughputComparison.Row row(int input, Double ratio, Double low, Double high) {
        return row(input, ratio, low, high, true);
    }

    static ThroughputComparison.Row row(int input, Double ratio, Double low, Double high, boolean allValid) {
        return new ThroughputComparison.Row(input, 16, null, 3, 100, 100, 30, 10, 500, 1500, ratio, low, high, allValid);
    }

    @Test
    void onlyAnIntervalEntirelyAtOrAboveTheBoundIsConsistent() {
        assertThat(LowerBoundCheck.of(row(32768, 3.4, 3.1, 3.7), 3)).isEqualTo(Outcome.CONSISTENT);
        assertThat(LowerBoundCheck.of(row(32768, 3.2, 3.0, 3.4), 3)).isEqualTo(Outcome.CONSISTENT);
    }

    @Test
    void aPointEstimateAboveTheBoundWithAnIntervalReachingBelowItIsUndecided() {
        assertThat(LowerBoundCheck.of(row(65536, 3.3, 2.9, 3.7), 3)).isEqualTo(Outcome.UNDECIDED);
        assertThat(LowerBoundCheck.of(row(65536, 2.9, 2.5, 3.0), 3)).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void anIntervalEntirelyBelowTheBoundRefutesIt() {
        assertThat(LowerBoundCheck.of(row(131072, 2.1, 1.9, 2.4), 3)).isEqualTo(Outcome.REFUTED);
    }

    @Test
    void withoutAnIntervalNothingIsDecided() {
        assertThat(LowerBoundCheck.of(row(131072, 5.0, null, null), 3)).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void aLoadWithAClientBoundPointDecidesNothing() {
        assertThat(LowerBoundCheck.of(row(32768, 3.8, 3.2, 4.6, false), 3)).isEqualTo(Outcome.UNDECIDED);
        assertThat(LowerBoundCheck.of(row(32768, 2.0, 1.8, 2.2, false), 3)).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void eachLoadIsJudgedApartAndTheBoundMustBeARatio() {
        var judged = LowerBoundCheck.of(List.of(row(32768, 3.4, 3.1, 3.7), row(131072, 2.1, 1.9, 2.4)), 3);
        assertThat(judged).extracting(LowerBoundCheck.Judged::outcome).containsExactly(Outcome.CONSISTENT, Outcome.REFUTED);
        assertThatThrownBy(() -> LowerBoundCheck.of(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
