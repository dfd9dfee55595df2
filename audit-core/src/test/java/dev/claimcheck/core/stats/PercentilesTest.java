package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.TokenSummary;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void interpolatesBetweenClosestRanksLikeNumpy() {
        long[] values = {10, 20, 30, 40};
        assertThat(Percentiles.of(values, 0.5)).isEqualTo(25.0);
        assertThat(Percentiles.of(values, 0.9)).isEqualTo(37.0);
        assertThat(Percentiles.of(values, 0.0)).isEqualTo(10.0);
        assertThat(Percentiles.of(values, 1.0)).isEqualTo(40.0);
    }

    @Test
    void summaryDoesNotDependOnInputOrder() {
        assertThat(Percentiles.summary(new long[] {5, 1, 3})).isEqualTo(new TokenSummary(3.0, 3.0, 4.6));
        assertThat(Percentiles.summary(new long[] {1, 3, 5})).isEqualTo(Percentiles.summary(new long[] {5, 3, 1}));
    }

    @Test
    void emptyInputGivesAnEmptySummary() {
        assertThat(Percentiles.summary(new long[0])).isEqualTo(TokenSummary.EMPTY);
    }
}
