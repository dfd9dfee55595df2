package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Sample;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cons@k for one task: the majority answer among its graded attempts, and whether it is correct.
 *
 * <p>Votes are grouped by meaning as far as the verdicts tell it: every correct attempt votes for the
 * gold answer (the grader found them all equal to it), every other attempt votes for its extracted
 * answer as written; an attempt with no extracted answer does not vote. The group with the most votes
 * wins; a tie goes to the group whose first vote has the lowest attempt index, so the result does not
 * depend on journal order. A task where nobody voted counts as not solved.
 */
public final class MajorityVote {
    private static final String GOLD = "\u0000gold";

    private MajorityVote() {
    }

    /** Whether the majority answer of these attempts (one task, graded ones only) is correct. */
    public static boolean correct(List<Sample> attempts) {
        return correct(attempts, s -> s.verdict().correct());
    }

    /**
     * As {@link #correct(List)}, with {@code solved} saying which attempts count as correct (math: a judge may decide
     * what the rules could not).
     */
    public static boolean correct(List<Sample> attempts, java.util.function.Predicate<Sample> solved) {
        List<Sample> ordered = attempts.stream().filter(Sample::graded)
                .sorted(Comparator.comparingInt(Sample::attempt)).toList();
        Map<String, int[]> votes = new LinkedHashMap<>(); // answer -> {count, first attempt}
        for (Sample s : ordered) {
            String key = solved.test(s) ? GOLD : s.verdict().extracted();
            if (key == null) {
                continue;
            }
            int[] v = votes.computeIfAbsent(key, x -> new int[] {0, s.attempt()});
            v[0]++;
        }
        String winner = null;
        int[] best = null;
        for (Map.Entry<String, int[]> e : votes.entrySet()) {
            int[] v = e.getValue();
            if (best == null || v[0] > best[0] || (v[0] == best[0] && v[1] < best[1])) {
                best = v;
                winner = e.getKey();
            }
        }
        return GOLD.equals(winner);
    }
}
