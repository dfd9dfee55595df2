package dev.claimcheck.core.tokens;

import dev.claimcheck.core.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerTest {

    @Test
    void countsKnownStringsInBothEncodings() {
        // "hello world" is two tokens in both public BPE vocabularies.
        assertThat(Tokenizer.named("o200k_base").count("hello world")).isEqualTo(2);
        assertThat(Tokenizer.named("cl100k_base").count("hello world")).isEqualTo(2);
        assertThat(Tokenizer.named(Tokenizer.DEFAULT).count("")).isZero();
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryText() {
        assertThat(Tokenizer.named("cl100k_base").count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void encodeAndDecodeRoundTripText() {
        Tokenizer t = Tokenizer.named("o200k_base");
        String text = "Der Vertrag endet am 31.12.2027 — §4(2) gilt.";
        assertThat(t.decode(t.encode(text))).isEqualTo(text);
        assertThat(t.encode(text)).hasSize(t.count(text));
    }

    @Test
    void unknownNameIsBadInputListingTheKnownOnes() {
        assertThatThrownBy(() -> Tokenizer.named("p50k"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("o200k_base").hasMessageContaining("cl100k_base");
    }
}
