package dev.claimcheck.site.leaderboard;

import dev.claimcheck.site.claims.ClaimsPage;
import dev.claimcheck.site.cost.CostCells;
import dev.claimcheck.site.index.TrustBadge;
import dev.claimcheck.site.page.Nav;
import java.util.List;

/** The view model of {@code /models/{slug}}: every run of the model, and its claims. */
public record ModelPage(Nav nav, String modelId, String slug, List<Run> runs, List<ClaimsPage.Row> claims) {
    /** @param cost cost and speed ({@link CostCells}; throughput runs have none: their figures are per load point) */
    public record Run(String runId, String runHref, String workload, String suite, String dataset, String lane,
                      String score, String plusMinus, String tokens, String date, String day,
                      List<TrustBadge> badges, CostCells cost) {
    }
}
