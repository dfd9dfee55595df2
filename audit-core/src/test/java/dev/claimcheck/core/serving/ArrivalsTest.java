package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.api.Test;

class ArrivalsTest {
    @Test
    void aConstantScheduleIsEvenlySpacedFromZero() {
        long[] s = Arrivals.schedule(Arrivals.Kind.CONSTANT, 4, 1, 5, 0);
        assertThat(s).containsExactly(0, 250_000_000, 500_000_000, 750_000_000, 1_000_000_000);
    }

    @Test
    void theSameSeedGivesTheSameScheduleAndAnotherSeedAnother() {
        assertThat(Arrivals.schedule(Arrivals.Kind.POISSON, 10, 1, 100, 7))
                .isEqualTo(Arrivals.schedule(Arrivals.Kind.POISSON, 10, 1, 100, 7))
                .isNotEqualTo(Arrivals.schedule(Arrivals.Kind.POISSON, 10, 1, 100, 8));
    }

    @Test
    void poissonAndGammaKeepTheMeanRateAndBurstinessRaisesTheSpread() {
        int n = 20_000;
        double poissonCv = cv(Arrivals.schedule(Arrivals.Kind.POISSON, 50, 1, n, 1));
        double burstyCv = cv(Arrivals.schedule(Arrivals.Kind.GAMMA, 50, 0.25, n, 1));
        double smoothCv = cv(Arrivals.schedule(Arrivals.Kind.GAMMA, 50, 4, n, 1));
        for (long[] s : new long[][] {Arrivals.schedule(Arrivals.Kind.POISSON, 50, 1, n, 1),
            Arrivals.schedule(Arrivals.Kind.GAMMA, 50, 0.25, n, 1), Arrivals.schedule(Arrivals.Kind.GAMMA, 50, 4, n, 1)}) {
            double rate = (n - 1) / (s[n - 1] / 1e9);
            assertThat(rate).isBetween(47.5, 52.5);
        }
        // the coefficient of variation of gamma gaps is 1/sqrt(shape): 1 (Poisson), 2 (shape 0.25), 0.5 (shape 4)
        assertThat(poissonCv).isBetween(0.95, 1.05);
        assertThat(burstyCv).isBetween(1.85, 2.15);
        assertThat(smoothCv).isBetween(0.45, 0.55);
    }

    @Test
    void countWithinCountsArrivalsBeforeTheEnd() {
        long[] s = {0, 10, 20, 30};
        assertThat(Arrivals.countWithin(s, 20)).isEqualTo(2);
        assertThat(Arrivals.countWithin(s, 25)).isEqualTo(3);
        assertThat(Arrivals.countWithin(s, 100)).isEqualTo(4);
    }

    @Test
    void anUnknownArrivalProcessIsBadInput() {
        assertThatThrownBy(() -> Arrivals.Kind.of("bursty")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("constant, poisson or gamma");
    }

    private static double cv(long[] s) {
        int n = s.length - 1;
        double mean = 0;
        for (int i = 1; i < s.length; i++) {
            mean += s[i] - s[i - 1];
        }
        mean /= n;
        double var = 0;
        for (int i = 1; i < s.length; i++) {
            double d = s[i] - s[i - 1] - mean;
            var += d * d;
        }
        return Math.sqrt(var / (n - 1)) / mean;
    }
}
