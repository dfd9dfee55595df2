package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Assembles a mixed-format document of a given token budget with the planted lines at their positions. Filler
 * comes in sections of one format (4 to 12 blocks); a planted line due at the current point is written inside a
 * section of its own format (a block of that format first if the section differs). Token counts are summed from
 * the pool's per-block counts (each with its separator); the last block is cut by tokens to land on the budget.
 */
final class Haystack {
    static final String SEPARATOR = "\n\n";

    private Haystack() {
    }

    /** Appends the document to {@code out}: filler of {@code fillerTokens} tokens plus the planted lines. */
    static void write(StringBuilder out, FillerPool pool, SplittableRandom r, long fillerTokens, List<Problem.Planted> planted) {
        List<Problem.Planted> due = new ArrayList<>(planted);
        due.sort(Comparator.comparingDouble(Problem.Planted::position)); // stable: equal positions keep plan order
        Format[] formats = Format.values();
        Format section = formats[r.nextInt(formats.length)];
        int sectionLeft = 4 + r.nextInt(9);
        Format last = null;
        long used = 0;
        int next = 0;
        while (true) {
            while (next < due.size() && due.get(next).position() * fillerTokens <= used) {
                Problem.Planted p = due.get(next++);
                if (last != p.format() && used + 64 < fillerTokens) {
                    // Open a section of the line's format so the line sits among its own kind.
                    int i = r.nextInt(FillerPool.BLOCKS_PER_FORMAT);
                    append(out, pool.block(p.format(), i));
                    used += pool.tokens(p.format(), i);
                    section = p.format();
                    sectionLeft = 1 + r.nextInt(4);
                }
                append(out, p.text());
                last = p.format();
            }
            if (used >= fillerTokens) {
                break;
            }
            if (sectionLeft == 0) {
                section = formats[r.nextInt(formats.length)];
                sectionLeft = 4 + r.nextInt(9);
            }
            int i = r.nextInt(FillerPool.BLOCKS_PER_FORMAT);
            int cost = pool.tokens(section, i);
            if (used + cost > fillerTokens) {
                long room = fillerTokens - used - 1;
                if (room > 0) {
                    append(out, prefix(pool.tokenizer(), pool.block(section, i), (int) room));
                }
                used = fillerTokens;
                last = section;
                continue; // planted lines at position 1 go after the last block
            }
            append(out, pool.block(section, i));
            used += cost;
            last = section;
            sectionLeft--;
        }
    }

    private static void append(StringBuilder out, String text) {
        out.append(text).append(SEPARATOR);
    }

    /** The first {@code tokens} tokens of a block, as text. */
    private static String prefix(Tokenizer tokenizer, String block, int tokens) {
        int[] ids = tokenizer.encode(block);
        return tokenizer.decode(java.util.Arrays.copyOf(ids, Math.min(tokens, ids.length)));
    }
}
