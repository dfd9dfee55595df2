package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.ClaimVerdict;
import java.util.List;

/**
 * A claim judged against one reproduction, computed when read and never stored (docs/architecture.md §8.1).
 *
 * @param measured the reproduction's value of the claimed metric (null when nothing measures it)
 * @param ciLow its 95% interval (null when undefined)
 * @param pValue one-sided p-value of a reproduction this low if the claim were true; only for {@code refuted}
 * @param differences stated settings the reproduction did not use, one line each ({@code settingsDiffer})
 * @param note one sentence saying why this verdict
 * @param power how much evidence a refutation needs at all (null when it cannot be said for this metric)
 */
public record ClaimAssessment(ClaimVerdict verdict, Double measured, Double ciLow, Double ciHigh, Double pValue,
                              List<String> differences, String note, String power) {
    public ClaimAssessment {
        differences = List.copyOf(differences);
    }

    static ClaimAssessment of(ClaimVerdict verdict, String note, String power) {
        return new ClaimAssessment(verdict, null, null, null, null, List.of(), note, power);
    }
}
