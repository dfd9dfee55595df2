package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.ClaimVerdict;
import java.util.List;

/**
 * A claim judged against one reproduction, computed when read and never stored (docs/architecture.md §8.1).
 *
 * @param measured the reproduction's value of the claimed metric (null when nothing measures it)
 * @param ciLow its 95% interval (null when undefined)
 * @param pValue one-sided p-value of a reproduction this low if the claim were true; only for {@code refuted}
 * @param differing stated settings the reproduction did not use, one sentence each ({@code settingsDiffer})
 * @param why one sentence saying why this verdict
 * @param powerNeeded how much evidence a refutation needs at all (null when it cannot be said for this metric)
 */
public record ClaimAssessment(ClaimVerdict verdict, Double measured, Double ciLow, Double ciHigh, Double pValue,
                              List<Sentence> differing, Sentence why, Sentence powerNeeded) {
    public ClaimAssessment {
        differing = List.copyOf(differing);
    }

    static ClaimAssessment of(ClaimVerdict verdict, Sentence why, Sentence powerNeeded) {
        return new ClaimAssessment(verdict, null, null, null, null, List.of(), why, powerNeeded);
    }

    /** {@link #differing} in English, one line each. */
    public List<String> differences() {
        return differing.stream().map(Sentence::english).toList();
    }

    /** {@link #why} in English. */
    public String note() {
        return why.english();
    }

    /** {@link #powerNeeded} in English, or null. */
    public String power() {
        return powerNeeded == null ? null : powerNeeded.english();
    }
}
