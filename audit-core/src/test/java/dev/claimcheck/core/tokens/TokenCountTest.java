package dev.claimcheck.core.tokens;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCountTest {

    @ParameterizedTest
    @CsvSource({"8k,8192", "1m,1048576", "1M,1048576", "32K,32768", "5000,5000", "0,0"})
    void kAndMAreBinaryMultiples(String text, long tokens) {
        assertThat(TokenCount.parse(text)).hasValue(tokens);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "1.5k", "8 k", " 8k", "2g", "99999999999999999999", "9223372036854775807m"})
    void anythingElseIsNotACount(String text) {
        assertThat(TokenCount.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"8192,8k", "1048576,1m", "3145728,3m", "5000,5000", "1536,1536"})
    void formatsTheShortestExactSpelling(long tokens, String text) {
        assertThat(TokenCount.format(tokens)).isEqualTo(text);
        assertThat(TokenCount.parse(text)).hasValue(tokens);
    }
}
