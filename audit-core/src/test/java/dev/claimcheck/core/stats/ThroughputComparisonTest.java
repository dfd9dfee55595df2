package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.ThroughputPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputComparisonTest {
    static ThroughputPoint point(int index, int input, double ttft, double tpot, double tps, boolean valid) {
        return new ThroughputPoint(index, 8, null, null, null, input, 64, 10, 1, 10, 0, 0, 0, 0, 1.0,
                ttft, ttft, ttft, ttft, ttft, ttft, ttft, tpot, tpot, tpot, tpot, tpot, tpot, tpot, tpot, tpot, tpot,
                100.0, 100.0, 100.0, 100.0, 100.0, 10, tps, tps, null, null, 0.1, 0.1, false, 0, false, valid);
    }

    @Test
    void theRatioIsTheGeometricMeanOfPairedRepeatsWithATIntervalOnTheLogs() {
        // two lengths, three repeats each, in sweep order per repeat
        List<ThroughputPoint> a = List.of(point(0, 1024, 50, 10, 100, true), point(1, 32768, 900, 20, 50, true),
                point(2, 1024, 52, 10, 100, true), point(3, 32768, 910, 21, 50, true),
                point(4, 1024, 48, 10, 100, true), point(5, 32768, 890, 19, 50, true));
        List<ThroughputPoint> b = List.of(point(0, 1024, 40, 5, 200, true), point(1, 32768, 300, 6, 100, true),
                point(2, 1024, 40, 5, 200, true), point(3, 32768, 310, 6, 200, true),
                point(4, 1024, 40, 5, 200, true), point(5, 32768, 290, 6, 400, true));
        List<ThroughputComparison.Row> rows = ThroughputComparison.of(a, b);
        assertThat(rows).hasSize(2);
        ThroughputComparison.Row shortRow = rows.get(0);
        assertThat(shortRow.inputTokens()).isEqualTo(1024);
        assertThat(shortRow.repeats()).isEqualTo(3);
        assertThat(shortRow.ttftMsP50A()).isCloseTo(50, within(1e-9));
        assertThat(shortRow.tpotMsP50B()).isCloseTo(5, within(1e-9));
        assertThat(shortRow.ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(shortRow.ratioCi95Low()).isCloseTo(2.0, within(1e-9)); // no spread: a zero-width interval
        ThroughputComparison.Row longRow = rows.get(1);
        // ratios 2, 4, 8: geometric mean 4; log sd = ln 2, half width t(0.975, 2) * ln2 / sqrt(3)
        double half = StudentT.quantile(0.975, 2) * Math.log(2) / Math.sqrt(3);
        assertThat(longRow.ratio()).isCloseTo(4.0, within(1e-9));
        assertThat(longRow.ratioCi95Low()).isCloseTo(4 * Math.exp(-half), within(1e-9));
        assertThat(longRow.ratioCi95High()).isCloseTo(4 * Math.exp(half), within(1e-9));
        assertThat(longRow.allValid()).isTrue();
    }

    @Test
    void anInvalidPointIsFlaggedAndAZeroThroughputGivesNoRatio() {
        List<ThroughputComparison.Row> rows = ThroughputComparison.of(List.of(point(0, 8, 1, 1, 0, true)),
                List.of(point(0, 8, 1, 1, 10, false)));
        assertThat(rows.get(0).ratio()).isNull();
        assertThat(rows.get(0).allValid()).isFalse();
        assertThat(ThroughputComparison.MEMORY_ACCESS).isEqualTo("not measurable from the client");
    }
}
