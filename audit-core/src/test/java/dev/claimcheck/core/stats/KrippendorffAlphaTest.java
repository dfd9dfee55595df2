package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KrippendorffAlphaTest {
    static List<Double> unit(Double... values) {
        return Arrays.asList(values);
    }

    @Test
    void perfectAgreementIsOne() {
        assertThat(KrippendorffAlpha.interval(List.of(unit(7.0, 7.0), unit(0.0, 0.0), unit(3.0, 3.0))).getAsDouble())
                .isEqualTo(1.0);
    }

    @Test
    void aHandComputedCaseGivesEightElevenths() {
        // Values 1, 2 | 3, 3: D_o = (1/4)(2) = 0.5; D_e = 22/12; α = 1 − 0.5/(22/12) = 8/11.
        assertThat(KrippendorffAlpha.interval(List.of(unit(1.0, 2.0), unit(3.0, 3.0))).getAsDouble())
                .isCloseTo(8.0 / 11, within(1e-12));
    }

    @Test
    void aMissingValueDropsOnlyItsOwnPairsAndALoneValueIsNotPairable() {
        var withGap = List.of(unit(1.0, 2.0, null), unit(3.0, 3.0, null), unit(5.0, null, null));
        assertThat(KrippendorffAlpha.interval(withGap).getAsDouble()).isCloseTo(8.0 / 11, within(1e-12));
    }

    @Test
    void systematicDisagreementIsBelowZero() {
        // One grader always says 0, the other 7: observed disagreement exceeds what chance gives.
        var units = List.of(unit(0.0, 7.0), unit(0.0, 7.0), unit(0.0, 7.0));
        assertThat(KrippendorffAlpha.interval(units).getAsDouble()).isLessThan(0);
    }

    @Test
    void noVariationOrTooFewValuesLeavesAlphaUndefined() {
        assertThat(KrippendorffAlpha.interval(List.of(unit(7.0, 7.0), unit(7.0, 7.0)))).isEmpty();
        assertThat(KrippendorffAlpha.interval(List.of(unit(7.0, null)))).isEmpty();
        assertThat(KrippendorffAlpha.interval(List.of())).isEmpty();
    }

    @Test
    void theBootstrapIntervalIsSeededAndContainsTheEstimate() {
        var units = List.of(unit(7.0, 3.0), unit(7.0, 6.0), unit(0.0, 0.0), unit(2.0, 1.0), unit(5.0, 5.0), unit(7.0, 7.0));
        double alpha = KrippendorffAlpha.interval(units).getAsDouble();
        double[] ci = KrippendorffAlpha.bootstrap(units, 11);
        assertThat(ci[0]).isLessThanOrEqualTo(alpha);
        assertThat(ci[1]).isGreaterThanOrEqualTo(alpha).isLessThanOrEqualTo(1.0);
        assertThat(KrippendorffAlpha.bootstrap(units, 11)).containsExactly(ci);
        assertThat(KrippendorffAlpha.bootstrap(units, 12)).isNotEqualTo(ci);
    }
}
