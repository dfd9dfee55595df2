package dev.claimcheck.core.suite.longctx;

import java.util.Optional;

/**
 * OpenAI MRCR's context bins, by the tokens of prompt + answer (o200k_base on the dataset card; our count in the
 * run's tokenizer): [4096, 8192], then (lo, hi] up to (524288, 1048576]. Each is named by its upper bound, as the card
 * and the vendors' charts name them (docs/workloads/mrcr.md).
 */
public enum MrcrBin {
    K8("8k", 4096, 8192),
    K16("16k", 8192, 16384),
    K32("32k", 16384, 32768),
    K64("64k", 32768, 65536),
    K128("128k", 65536, 131072),
    K256("256k", 131072, 262144),
    K512("512k", 262144, 524288),
    M1("1m", 524288, 1048576);

    public final String label;
    public final long low;
    public final long high;

    MrcrBin(String label, long low, long high) {
        this.label = label;
        this.low = low;
        this.high = high;
    }

    /** The bin of a token count; empty below 4096 or above 1M tokens. */
    public static Optional<MrcrBin> of(long tokens) {
        for (MrcrBin b : values()) {
            if ((b == K8 ? tokens >= b.low : tokens > b.low) && tokens <= b.high) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The bin named so ({@code 128k}); empty for any other text. */
    public static Optional<MrcrBin> named(String label) {
        for (MrcrBin b : values()) {
            if (b.label.equals(label)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
