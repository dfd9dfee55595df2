package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PassAtKEstimatorTest {
    /** n = 5, c = 2: 1 − C(3,k)/C(5,k) by hand. */
    @ParameterizedTest(name = "n=5 c=2 k={0}")
    @CsvSource(textBlock = """
            1, 0.4
            2, 0.7
            3, 0.9
            4, 1.0
            5, 1.0
            """)
    void closedFormForFiveAttemptsTwoCorrect(int k, double expected) {
        assertThat(PassAtKEstimator.of(5, 2, k)).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest(name = "n={0} c={1} k={2}")
    @CsvSource(textBlock = """
            8, 0, 1, 0.0
            8, 0, 8, 0.0
            8, 8, 1, 1.0
            8, 3, 1, 0.375
            8, 1, 8, 1.0
            10, 1, 3, 0.3
            """)
    void edgesAndPassAtOneIsTheFractionCorrect(int n, int c, int k, double expected) {
        assertThat(PassAtKEstimator.of(n, c, k)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void largeCountsStayFiniteAndAgreeWithTheBinomialForm() {
        // 1 − C(900, 50)/C(1000, 50), computed in logs as a check of the product form.
        double log = 0;
        for (int i = 0; i < 50; i++) {
            log += Math.log(900 - i) - Math.log(1000 - i);
        }
        assertThat(PassAtKEstimator.of(1000, 100, 50)).isCloseTo(1 - Math.exp(log), within(1e-12));
    }

    @Test
    void kAboveNIsRefused() {
        assertThatThrownBy(() -> PassAtKEstimator.of(2, 1, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
