package dev.claimcheck.site.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MeanInterval;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.suite.longctx.LongctxFigures;
import dev.claimcheck.core.suite.longctx.MrcrMetrics;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Lang;
import dev.claimcheck.site.page.Links;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadFiguresTest {
    @Test
    void anMrcrRowShowsItsScoreByNeedlesAndItsPromptTokensPerAttempt() {
        MrcrMetrics mrcr = new MrcrMetrics(
                List.of(new MrcrMetrics.Needles(2, new Estimate(0.71, null, null, 4)),
                        new MrcrMetrics.Needles(8, new Estimate(0.4, null, null, 4))),
                List.of(new MrcrMetrics.Bin("8k", new Estimate(0.6, null, null, 4), new MeanInterval(6000, null, null, 3)),
                        new MrcrMetrics.Bin("16k", new Estimate(0.5, null, null, 4), new MeanInterval(12000, null, null, 1))));
        Metrics x = Metrics.shared(0.55, null, null, 8, 8, 8, Map.of(), 0, TokenSummary.EMPTY, TokenSummary.EMPTY, null)
                .with(LongctxFigures.MRCR, mrcr);
        // (3 × 6,000 + 1 × 12,000) / 4 attempts
        assertThat(WorkloadFigures.of(x, Links.at(0, false))).isEqualTo("2 needles " + Fmt.pct(0.71) + " · 8 needles "
                + Fmt.pct(0.4) + " · 7,500 prompt tokens per attempt");
        assertThat(WorkloadFigures.of(x, Links.page("", false, Lang.ZH)))
                .isEqualTo("2 根针 " + Fmt.pct(0.71) + " · 8 根针 " + Fmt.pct(0.4) + " · 每次作答 7,500 个提示 tokens");
    }
}
