package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.tokens.Tokenizer;
import java.util.SplittableRandom;

/**
 * Filler blocks for every format with their token counts, generated once per (seed, tokenizer). A haystack is
 * assembled from these by index, so a 1M-token prompt costs appends, not a million tokens of BPE work, and only
 * its last, partial block is tokenised.
 */
final class FillerPool {
    static final int BLOCKS_PER_FORMAT = 96;

    private final Tokenizer tokenizer;
    private final String[][] blocks = new String[Format.values().length][BLOCKS_PER_FORMAT];
    private final int[][] tokens = new int[Format.values().length][BLOCKS_PER_FORMAT];

    FillerPool(long seed, Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
        SplittableRandom r = new SplittableRandom(seed ^ 0x6c6f6e67637478L); // "longctx"
        for (Format f : Format.values()) {
            for (int i = 0; i < BLOCKS_PER_FORMAT; i++) {
                blocks[f.ordinal()][i] = f.filler(r);
                // Counted with the separator that follows it in a haystack: BPE merges "." and "}" with the newlines.
                tokens[f.ordinal()][i] = tokenizer.count(blocks[f.ordinal()][i] + Haystack.SEPARATOR);
            }
        }
    }

    Tokenizer tokenizer() {
        return tokenizer;
    }

    String block(Format f, int i) {
        return blocks[f.ordinal()][i];
    }

    /** Tokens of the block followed by {@link Haystack#SEPARATOR}. */
    int tokens(Format f, int i) {
        return tokens[f.ordinal()][i];
    }
}
