package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.tokens.Tokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptFactoryTest {
    @ParameterizedTest(name = "{0}: {1} tokens")
    @CsvSource(textBlock = """
            o200k_base, 1
            o200k_base, 7
            o200k_base, 1024
            o200k_base, 32768
            cl100k_base, 1
            cl100k_base, 1000
            cl100k_base, 8192
            """)
    void aPromptIsExactlyTheAskedNumberOfTokensInItsTokenizer(String name, int tokens) {
        Tokenizer t = Tokenizer.named(name);
        PromptFactory f = new PromptFactory(t);
        for (long key = 0; key < 5; key++) {
            assertThat(t.count(f.prompt(42, 0, key, tokens, 0))).isEqualTo(tokens);
            assertThat(t.count(f.prompt(42, 0, key, tokens, 0.5))).isEqualTo(tokens);
        }
    }

    @Test
    void promptsAreReproducibleAndEachRequestStartsDifferentlySoNoPrefixCacheHelps() {
        PromptFactory f = new PromptFactory(Tokenizer.named(Tokenizer.DEFAULT));
        assertThat(f.prompt(1, 0, 7, 256, 0)).isEqualTo(f.prompt(1, 0, 7, 256, 0));
        assertThat(f.vocabulary()).isGreaterThan(200);
        String a = f.prompt(1, 0, 7, 256, 0);
        String b = f.prompt(1, 0, 8, 256, 0);
        String c = f.prompt(2, 0, 7, 256, 0);
        // the first 8 words already differ: a 16-token cache block can never match
        assertThat(firstWords(a, 8)).isNotEqualTo(firstWords(b, 8)).isNotEqualTo(firstWords(c, 8));
    }

    @Test
    void prefixShareMakesTheSameLeadingTokensForEveryRequestOnPurpose() {
        Tokenizer t = Tokenizer.named(Tokenizer.DEFAULT);
        PromptFactory f = new PromptFactory(t);
        String a = f.prompt(3, 0, 1, 100, 0.75);
        String b = f.prompt(3, 0, 2, 100, 0.75);
        assertThat(firstWords(a, 75)).isEqualTo(firstWords(b, 75));
        assertThat(a).isNotEqualTo(b);
        assertThat(t.count(firstWords(a, 75))).isEqualTo(75);
    }

    @Test
    void anotherSaltGivesOtherTextsForTheSameSeedSharedPartIncludedAndTheSameSaltTheSameTexts() {
        PromptFactory f = new PromptFactory(Tokenizer.named(Tokenizer.DEFAULT));
        assertThat(f.prompt(3, 99, 1, 100, 0.75)).isEqualTo(f.prompt(3, 99, 1, 100, 0.75));
        String run1 = f.prompt(3, 11, 1, 100, 0.75);
        String run2 = f.prompt(3, 12, 1, 100, 0.75);
        // a rerun's prompts share no 16-token block with the last run's, not even in the part meant to be shared
        assertThat(firstWords(run1, 8)).isNotEqualTo(firstWords(run2, 8));
        assertThat(firstWords(f.prompt(3, 11, 2, 100, 0.75), 75)).isEqualTo(firstWords(run1, 75));
    }

    private static String firstWords(String prompt, int n) {
        int at = 0;
        for (int i = 0; i <= n && at >= 0; i++) {
            at = prompt.indexOf(' ', at + 1);
            if (i == n - 1) {
                return at < 0 ? prompt : prompt.substring(0, at);
            }
        }
        return prompt;
    }
}
