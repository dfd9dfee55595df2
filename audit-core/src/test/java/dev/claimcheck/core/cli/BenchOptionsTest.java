package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchOptionsTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            512,   512
            1k,    1024
            8K,    8192
            128k,  131072
            1m,    1048576
            """)
    void tokenCountsUseBinaryThousands(String text, int tokens) {
        assertThat(BenchOptions.tokenCount("--input-tokens", text)).isEqualTo(tokens);
    }

    @ParameterizedTest(name = "{0} = {1} ns")
    @CsvSource(textBlock = """
            300s,  300000000000
            5m,    300000000000
            1h,    3600000000000
            500ms, 500000000
            2.5,   2500000000
            """)
    void durationsTakeUnits(String text, long nanos) {
        assertThat(BenchOptions.duration("--duration", text)).isEqualTo(nanos);
    }

    @Test
    void listsAndSlosParseAndRejectNonsense() {
        assertThat(BenchOptions.ints("--concurrency", "1, 8,32")).containsExactly(1, 8, 32);
        assertThat(BenchOptions.numbers("--rate", "0.5,2")).containsExactly(0.5, 2.0);
        assertThat(BenchOptions.slo("ttft=2000ms,tpot=80ms")).containsExactly(2000.0, 80.0);
        assertThat(BenchOptions.slo("tpot=0.1s")).containsExactly(null, 100.0);
        assertThatThrownBy(() -> BenchOptions.ints("--concurrency", "0")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> BenchOptions.numbers("--rate", "-1")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> BenchOptions.tokenCount("--input-tokens", "2g")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> BenchOptions.duration("--duration", "0s")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> BenchOptions.slo("e2e=3s")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("ttft=..ms,tpot=..ms");
        assertThatThrownBy(() -> BenchOptions.ints("--concurrency", " , ")).isInstanceOf(BadInputException.class);
    }
}
