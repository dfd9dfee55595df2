package dev.claimcheck.core.tokens;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * Token counts as the project writes them (docs/architecture.md §1): {@code 4k} = 4×1024, {@code 1m} = 1024×1024, a plain
 * number as itself. One notation for every option that takes lengths ({@code --lengths}, {@code --input-tokens}, …)
 * and every place that prints them.
 */
public final class TokenCount {
    private static final long K = 1024;
    private static final long M = 1024 * 1024;

    private TokenCount() {
    }

    /** {@code 8k} → 8192, {@code 1M} → 1048576, {@code 300} → 300; empty when the text is not such a count (no surrounding spaces). Callers bound it. */
    public static OptionalLong parse(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long factor = t.endsWith("k") ? K : t.endsWith("m") ? M : 1;
        String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return OptionalLong.of(Math.multiplyExact(Long.parseLong(digits), factor));
        } catch (NumberFormatException | ArithmeticException e) {
            return OptionalLong.empty();
        }
    }

    /** 8192 → {@code 8k}, 1048576 → {@code 1m}, 5000 → {@code 5000}: the shortest exact spelling. */
    public static String format(long n) {
        if (n != 0 && n % M == 0) {
            return n / M + "m";
        }
        return n != 0 && n % K == 0 ? n / K + "k" : Long.toString(n);
    }
}
