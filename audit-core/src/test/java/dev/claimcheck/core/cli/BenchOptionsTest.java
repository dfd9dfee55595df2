package dev.claimcheck.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claimcheck.core.BadInputException;
import java.util.Arrays;
import java.util.List;
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
        assertThat(new BenchOptions.Tokens().convert(text)).isEqualTo(tokens);
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
        assertThat(new BenchOptions.Duration().convert(text)).isEqualTo(nanos);
    }

    @Test
    void listItemsAndSlosParseAndRejectNonsense() {
        assertThat(new BenchOptions.Count().convert(" 8")).isEqualTo(8);
        assertThat(new BenchOptions.Rate().convert("0.5")).isEqualTo(0.5);
        assertThat(new BenchOptions.Count().convert(" ")).isNull(); // a blank item, dropped by present()
        assertThat(BenchOptions.present("--concurrency", Arrays.asList(1, null, 8))).containsExactly(1, 8);
        assertThat(BenchOptions.slo("ttft=2000ms,tpot=80ms")).containsExactly(2000.0, 80.0);
        assertThat(BenchOptions.slo("tpot=0.1s")).containsExactly(null, 100.0);
        assertThatThrownBy(() -> new BenchOptions.Count().convert("0")).isInstanceOf(BadInputException.class)
                .hasMessage("'0' is not a whole number >= 1");
        assertThatThrownBy(() -> new BenchOptions.Rate().convert("-1")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new BenchOptions.Tokens().convert("2g")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> new BenchOptions.Duration().convert("0s")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> BenchOptions.slo("e2e=3s")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("ttft=..ms,tpot=..ms");
        assertThatThrownBy(() -> BenchOptions.present("--concurrency", Arrays.asList(null, null)))
                .isInstanceOf(BadInputException.class).hasMessage("--concurrency needs at least one value");
        assertThat(BenchOptions.present("--rate", List.of(2.0))).containsExactly(2.0);
    }
}
