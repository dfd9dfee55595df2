package dev.claimcheck.core.suite.longctx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.LongctxTaskKey;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.tokens.Tokenizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generated prompts hit their target token count and hold their planted answer. */
class LongctxPromptTest {
    private static final FillerPool O200K = new FillerPool(0, Tokenizer.named("o200k_base"));
    private static final FillerPool CL100K = new FillerPool(0, Tokenizer.named("cl100k_base"));

    @ParameterizedTest(name = "{0} tokens, {1}, {2}, depth {3}, density {4}, {5}")
    @CsvSource(textBlock = """
            1024,   single,     prose,    0,   0, o200k_base
            1024,   aggregate,  json,     50,  2, o200k_base
            8192,   multiKey,   markdown, 10,  2, o200k_base
            8192,   varTrack,   csv,      90,  4, cl100k_base
            32768,  multiValue, log,      50,  2, o200k_base
            32768,  multiQuery, code,     100, 8, cl100k_base
            131072, qa,         json,     30,  2, o200k_base
            131072, single,     csv,      70, 16, cl100k_base
            """)
    void theExactTokenCountIsWithinOnePercentOfTheTarget(int length, String kind, String format, int depth, int density,
                                                         String tokenizer) {
        FillerPool pool = tokenizer.equals("o200k_base") ? O200K : CL100K;
        LongctxTaskKey key = new LongctxTaskKey(length, depth, kind, format, density, 0);
        String prompt = LongctxSuite.render(pool, 0, key);
        int tokens = pool.tokenizer().count(prompt);
        assertThat(Math.abs(tokens - length)).as("tokens %d for target %d", tokens, length).isLessThanOrEqualTo(length / 100);
        Problem p = LongctxSuite.problem(0, key);
        for (String value : p.answer()) {
            assertThat(prompt).contains(value);
        }
        for (Problem.Planted line : p.lines()) {
            assertThat(prompt).contains(line.text());
        }
        assertThat(prompt).endsWith(LongctxPrompt.tail(p));
    }

    @ParameterizedTest(name = "depth {0}")
    @CsvSource({"0", "50", "100"})
    void theNeedleSitsAtItsDepth(int depth) {
        LongctxTaskKey key = new LongctxTaskKey(32768, depth, "single", "prose", 0, 0);
        String prompt = LongctxSuite.render(O200K, 3, key);
        String needle = LongctxSuite.problem(3, key).lines().get(0).text();
        double at = (double) prompt.indexOf(needle) / prompt.length();
        assertThat(at).isBetween(depth / 100.0 - 0.05, depth / 100.0 + 0.05);
    }

    /** Pinned: a change here means every recorded promptSha256 of generator version 1 stops verifying. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "lc-8192-d050-multiKey-json-x2-0000, 4287549c5093e156044bd753d1cec11383507881399951ae37667e723c4ca6c1",
            "lc-1024-d000-varTrack-code-x0-0003, 47a1afd9c6e4eb73a7804c24ff9ecb7bce0903d59357c1ae3695c3a58a16dd0c"})
    void theSameSeedGivesByteIdenticalPrompts(String id, String sha256) {
        LongctxTaskKey key = LongctxTaskKey.parse(id).orElseThrow();
        String first = LongctxSuite.render(new FillerPool(7, Tokenizer.named("o200k_base")), 7, key);
        String again = LongctxSuite.render(new FillerPool(7, Tokenizer.named("o200k_base")), 7, key);
        assertThat(again).isEqualTo(first);
        assertThat(PromptHash.sha256Hex(first)).isEqualTo(sha256);
        assertThat(LongctxSuite.render(new FillerPool(8, Tokenizer.named("o200k_base")), 8, key)).isNotEqualTo(first);
    }
}
