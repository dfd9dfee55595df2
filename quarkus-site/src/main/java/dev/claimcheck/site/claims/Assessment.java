package dev.claimcheck.site.claims;

import dev.claimcheck.site.index.RunEntry;
import java.util.List;
import java.util.Optional;

/**
 * A claim beside its reproduction, judged when read (never stored).
 *
 * @param run the reproduction compared with, if any (the latest matching run, real runs preferred)
 * @param measured the reproduction's value of the claimed metric, or null
 * @param pValue one-sided p-value for {@code refuted} (normal approximation from the CI), else null
 * @param differences stated settings the reproduction did not use ({@code settingsDiffer})
 */
public record Assessment(ClaimsFile file, Claim claim, ClaimVerdict verdict, Optional<RunEntry> run, Double measured,
                         Double ciLow, Double ciHigh, Double pValue, List<String> differences, String note) {
    public Assessment {
        differences = List.copyOf(differences);
    }

    /** Key used to attach the claim to a leaderboard row. */
    public String key() {
        return key(file.modelSlug(), file.lane().id(), claim.workload(), claim.suite(), claim.dataset());
    }

    public static String key(String slug, String lane, String workload, String suite, String dataset) {
        return String.join("\u0000", slug, lane, workload, suite, dataset);
    }
}
