package dev.claimcheck.core.proof;

import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the few attempts of a run worth reading, for every workload: the first correct one, the first
 * wrong one, the longest by output tokens and the first truncated one — at most four, fewer when one
 * attempt fills several roles (its {@code why} then names them all, joined by {@code +}). "First" is in
 * (task id, attempt) order and ties on length go to the first, so the choice never depends on the
 * order attempts finished in. Only graded attempts are candidates.
 */
public final class ProofSelector {
    /** The most attempts selected per run. */
    public static final int MAX = 4;

    /** One selected attempt and why. */
    public record Selection(Sample sample, String why) {
    }

    private ProofSelector() {
    }

    /**
     * The first correct, the first wrong, the longest and the first truncated graded attempt in the canonical order
     * ({@link AttemptKey#SAMPLE_ORDER}), chosen in one pass that keeps only the candidates, so a merged run of any
     * size is read once from disk and selects what the same run made in one piece selects.
     */
    public static List<Selection> select(Iterable<Sample> samples) {
        Sample correct = null;
        Sample wrong = null;
        Sample longest = null;
        Sample truncated = null;
        for (Sample s : samples) {
            if (!s.graded()) {
                continue;
            }
            if (s.verdict().correct()) {
                correct = first(correct, s);
            } else {
                wrong = first(wrong, s);
            }
            if (longest == null || s.usage().completionTokens() > longest.usage().completionTokens()
                    || s.usage().completionTokens() == longest.usage().completionTokens() && before(s, longest)) {
                longest = s;
            }
            if (s.response() != null && s.response().truncated()) {
                truncated = first(truncated, s);
            }
        }
        Map<AttemptKey, List<String>> chosen = new LinkedHashMap<>();
        Map<AttemptKey, Sample> byKey = new LinkedHashMap<>();
        pick(chosen, byKey, correct, "correct");
        pick(chosen, byKey, wrong, "wrong");
        pick(chosen, byKey, longest, "longest");
        pick(chosen, byKey, truncated, "truncated");
        List<Selection> out = new ArrayList<>();
        chosen.forEach((key, why) -> out.add(new Selection(byKey.get(key), String.join("+", why))));
        return out;
    }

    private static void pick(Map<AttemptKey, List<String>> chosen, Map<AttemptKey, Sample> byKey, Sample s, String why) {
        if (s != null) {
            byKey.put(s.key(), s);
            add(chosen, s, why);
        }
    }

    private static Sample first(Sample current, Sample candidate) {
        return current == null || before(candidate, current) ? candidate : current;
    }

    private static boolean before(Sample a, Sample b) {
        return AttemptKey.SAMPLE_ORDER.compare(a, b) < 0;
    }

    private static void add(Map<AttemptKey, List<String>> chosen, Sample s, String why) {
        chosen.computeIfAbsent(s.key(), x -> new ArrayList<>()).add(why);
    }
}
