package dev.claimcheck.site.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every unit of the claims vocabulary (docs/claims.md) is written in its own terms, never as a percentage by default. */
class ClaimUnitTest {
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0.955     | fraction      | 95.5%
            0.8       | fraction      | 80.0%
            1         | fraction      | 100.0%
            412.36    | tokens/s      | 412.36 tokens/s
            412.360   | tokens/s      | 412.36 tokens/s
            1412.3    | tokens/s      | 1,412.30 tokens/s
            262144    | tokens        | 262,144 tokens
            1234.6    | tokens        | 1,235 tokens
            1.0E12    | parameters    | 1T parameters
            6.3E10    | parameters    | 63B parameters
            35        | points of 42  | 35 points of 42
            105       | points of 126 | 105 points of 126
            10        | x             | 10×
            3.5       | x             | 3.5×
            0.25      | furlongs      | 0.25 furlongs
            7         | ''            | 7
            """)
    void eachUnitReadsInItsOwnTerms(double value, String unit, String expected) {
        assertThat(ClaimUnit.value(value, unit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} − {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            fraction     | 0.80   | 0.955  | -15.5 pts
            fraction     | 0.80   | 0.80   | +0.0 pts
            tokens/s     | 400    | 412.36 | -12.36 tokens/s
            tokens       | 1500   | 1200   | +300 tokens
            points of 42 | 30     | 35     | -5 points of 42
            """)
    void differencesKeepTheUnit(String unit, double measured, double claimed, String expected) {
        assertThat(ClaimUnit.difference(measured, claimed, unit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fraction | 0.7   | 0.9   | 95% CI 70.0% – 90.0%
            tokens/s | 380.5 | 420.25 | 95% CI 380.50 tokens/s – 420.25 tokens/s
            tokens   | 900   | 1100  | 95% CI 900 tokens – 1,100 tokens
            """)
    void intervalsAreInTheClaimsUnit(String unit, double lo, double hi, String expected) {
        assertThat(ClaimUnit.interval(lo, hi, unit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            fraction, FRACTION
            tokens/s, TOKENS_PER_SECOND
            tokens, TOKENS
            parameters, PARAMETERS
            points of 42, POINTS
            x, RATIO
            token/s, OTHER
            """)
    void unitsAreRecognisedByTheirLedgerSpelling(String unit, ClaimUnit kind) {
        assertThat(ClaimUnit.of(unit)).isEqualTo(kind);
    }

    @org.junit.jupiter.api.Test
    void noValueIsADash() {
        assertThat(ClaimUnit.value(null, "tokens/s")).isEqualTo(Fmt.NONE);
        assertThat(ClaimUnit.interval(null, 1.0, "fraction")).isEmpty();
    }
}
