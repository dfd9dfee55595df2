package dev.claimcheck.core.proof;

import dev.claimcheck.core.model.AttemptKey;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
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

    public static List<Selection> select(Collection<Sample> samples) {
        List<Sample> graded = samples.stream().filter(Sample::graded)
                .sorted(Comparator.comparing(Sample::taskId).thenComparingInt(Sample::attempt)).toList();
        Map<AttemptKey, List<String>> chosen = new LinkedHashMap<>();
        Map<AttemptKey, Sample> byKey = new LinkedHashMap<>();
        graded.forEach(s -> byKey.put(s.key(), s));
        graded.stream().filter(s -> s.verdict().correct()).findFirst().ifPresent(s -> add(chosen, s, "correct"));
        graded.stream().filter(s -> !s.verdict().correct()).findFirst().ifPresent(s -> add(chosen, s, "wrong"));
        Sample longest = null;
        for (Sample s : graded) {
            if (longest == null || s.usage().completionTokens() > longest.usage().completionTokens()) {
                longest = s;
            }
        }
        if (longest != null) {
            add(chosen, longest, "longest");
        }
        graded.stream().filter(s -> s.response() != null && s.response().truncated()).findFirst()
                .ifPresent(s -> add(chosen, s, "truncated"));
        List<Selection> out = new ArrayList<>();
        chosen.forEach((key, why) -> out.add(new Selection(byKey.get(key), String.join("+", why))));
        return out;
    }

    private static void add(Map<AttemptKey, List<String>> chosen, Sample s, String why) {
        chosen.computeIfAbsent(s.key(), x -> new ArrayList<>()).add(why);
    }
}
