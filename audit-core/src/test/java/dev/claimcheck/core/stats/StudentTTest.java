package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {
    // Reference values: standard t tables (two-sided 95%, i.e. the 0.975 quantile) and 0.95 quantiles.
    @ParameterizedTest(name = "t({0}, df={1}) = {2}")
    @CsvSource(textBlock = """
            0.975, 1,    12.7062047
            0.975, 2,    4.3026527
            0.975, 4,    2.7764451
            0.975, 9,    2.2621572
            0.975, 29,   2.0452296
            0.975, 49,   2.0095752
            0.975, 1000, 1.9623391
            0.95,  10,   1.8124611
            0.5,   7,    0.0
            0.025, 9,   -2.2621572
            """)
    void quantilesMatchTables(double p, double df, double expected) {
        assertThat(StudentT.quantile(p, df)).isCloseTo(expected, within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"0.0, 5", "1.0, 5", "0.5, 0"})
    void rejectsOutOfRangeArguments(double p, double df) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StudentT.quantile(p, df))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
