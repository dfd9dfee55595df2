package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Claim;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ClaimPlausibilityTest {
    @ParameterizedTest(name = "{0} of {1}: {3}")
    @CsvSource(delimiter = '|', value = {
        "0.955 | 200 | true  | 0.955 × 200 = 191: 191 of 200",
        "0.96  | 200 | true  | 0.96 × 200 = 192: 192 of 200",
        "0.957 | 200 | false | 0.957 × 200 = 191.4: no whole count of 200 rounds to 0.957",
        "0.333 | 30  | true  | 0.333 × 30 = 9.99: 10 of 30",
        "0.7   | 30  | true  | 0.7 × 30 = 21: 21 of 30",
        "0.71  | 30  | false | 0.71 × 30 = 21.3: no whole count of 30 rounds to 0.71",
    })
    void aClaimedFractionMustBeAWholeCountOfItsAttemptsWithinTheRoundingOfItsDigits(double value, long n, boolean plausible,
                                                                                   String text) {
        ClaimPlausibility.Check c = ClaimPlausibility.check(value, n);
        assertThat(c.plausible()).isEqualTo(plausible);
        assertThat(c.text()).isEqualTo(text);
    }

    static Claim accuracy(double value, Map<String, String> settings) {
        return new Claim("c", "math", "math", "gsm8k", "accuracy", value, "fraction", settings, false,
                new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "");
    }

    @Test
    void theClaimsStatedTasksTimesKAreTheAttempts() {
        assertThat(ClaimPlausibility.of(accuracy(0.955, Map.of("tasks", "200"))).orElseThrow().text())
                .isEqualTo("0.955 × 200 = 191: 191 of 200");
        assertThat(ClaimPlausibility.of(accuracy(0.9, Map.of("tasks", "30", "k", "4"))).orElseThrow().text())
                .isEqualTo("0.9 × 120 = 108: 108 of 120");
    }

    @Test
    void withoutStatedTasksOrForAnotherMetricThereIsNothingToCheck() {
        assertThat(ClaimPlausibility.of(accuracy(0.955, Map.of()))).isEmpty();
        Claim tokens = new Claim("c", "math", "math", "aime_2026", "outputTokensMean", 5890, "tokens", Map.of("tasks", "30"),
                false, new Claim.Source("https://example.org", "2026-01-01", "retrieved", "t", null), "");
        assertThat(ClaimPlausibility.of(tokens)).isEmpty();
    }
}
