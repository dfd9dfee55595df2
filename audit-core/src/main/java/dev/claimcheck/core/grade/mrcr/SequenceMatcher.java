package dev.claimcheck.core.grade.mrcr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b).ratio()} over code points (Python strings are sequences of code
 * points), written from difflib's documented algorithm (Ratcliff/Obershelp "gestalt pattern matching"): the longest
 * matching block, earliest in {@code a} then in {@code b}, then the same on each side of it; ratio = 2·M / (|a| + |b|),
 * 1.0 when both are empty. With no junk function, as MRCR's grader calls it, and difflib's default
 * {@code autojunk=True}: when {@code b} has at least 200 items, an item occurring more than {@code 1 + |b| / 100}
 * times in {@code b} is "popular" and cannot start a match, though a match found elsewhere still extends over it
 * (docs/workloads/mrcr.md).
 */
public final class SequenceMatcher {
    /** difflib's threshold: autojunk applies from this length of {@code b} on. */
    static final int AUTOJUNK_MIN = 200;

    private final int[] a;
    private final int[] b;
    /** Positions in {@code b} of each non-popular item, ascending. */
    private final Map<Integer, int[]> b2j;

    private SequenceMatcher(int[] a, int[] b) {
        this.a = a;
        this.b = b;
        this.b2j = index(b);
    }

    /** The ratio of {@code a} against {@code b}, as {@code SequenceMatcher(None, a, b).ratio()}; not symmetric. */
    public static double ratio(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (x.length + y.length == 0) {
            return 1.0;
        }
        return 2.0 * new SequenceMatcher(x, y).matches() / (x.length + y.length);
    }

    private static Map<Integer, int[]> index(int[] b) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int c : b) {
            counts.merge(c, 1, Integer::sum);
        }
        boolean autojunk = b.length >= AUTOJUNK_MIN;
        int ntest = b.length / 100 + 1;
        Map<Integer, int[]> out = new HashMap<>();
        Map<Integer, Integer> filled = new HashMap<>();
        for (int j = 0; j < b.length; j++) {
            int count = counts.get(b[j]);
            if (autojunk && count > ntest) {
                continue; // popular
            }
            int[] positions = out.computeIfAbsent(b[j], k -> new int[count]);
            int at = filled.merge(b[j], 1, Integer::sum) - 1;
            positions[at] = j;
        }
        return out;
    }

    /** The total size of the matching blocks. */
    private long matches() {
        long total = 0;
        Deque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.length, 0, b.length});
        int[] lengths = new int[b.length + 1];
        int[] next = new int[b.length + 1];
        while (!queue.isEmpty()) {
            int[] q = queue.pop();
            int[] m = longestMatch(q[0], q[1], q[2], q[3], lengths, next);
            int i = m[0];
            int j = m[1];
            int k = m[2];
            if (k > 0) {
                total += k;
                if (q[0] < i && q[2] < j) {
                    queue.push(new int[] {q[0], i, q[2], j});
                }
                if (i + k < q[1] && j + k < q[3]) {
                    queue.push(new int[] {i + k, q[1], j + k, q[3]});
                }
            }
        }
        return total;
    }

    /**
     * difflib's {@code find_longest_match(alo, ahi, blo, bhi)} without a junk function: {i, j, size}. {@code lengths}
     * and {@code next} are scratch arrays of |b| + 1 zeros (index j + 1 holds the run ending at b[j]), left zeroed.
     */
    private int[] longestMatch(int alo, int ahi, int blo, int bhi, int[] lengths, int[] next) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        int[] touched = new int[0];
        int touchedCount = 0;
        for (int i = alo; i < ahi; i++) {
            int[] positions = b2j.get(a[i]);
            int[] nowTouched = positions == null ? new int[0] : new int[positions.length];
            int nowCount = 0;
            if (positions != null) {
                for (int j : positions) {
                    if (j < blo) {
                        continue;
                    }
                    if (j >= bhi) {
                        break;
                    }
                    int k = lengths[j] + 1; // the run ending at b[j - 1] on the previous row, plus this item
                    next[j + 1] = k;
                    nowTouched[nowCount++] = j + 1;
                    if (k > bestsize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                lengths[touched[t]] = 0;
            }
            for (int t = 0; t < nowCount; t++) {
                lengths[nowTouched[t]] = next[nowTouched[t]];
                next[nowTouched[t]] = 0;
            }
            touched = nowTouched;
            touchedCount = nowCount;
        }
        for (int t = 0; t < touchedCount; t++) {
            lengths[touched[t]] = 0;
        }
        // Popular items are not junk: a match extends over equal items on both sides, as difflib's first two loops do.
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize]) {
            bestsize++;
        }
        return new int[] {besti, bestj, bestsize};
    }
}
