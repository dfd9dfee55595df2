package dev.claimcheck.site.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.site.page.ChartData;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardsTest {
    static LeaderboardRow row(String model, Double score, double lo, double hi) {
        return new LeaderboardRow("arith", "arith", "d", "", "instant", 0, model, model, "r-" + model, true, "unverified",
                List.of(), score, lo, hi, 5, 10, 10, 0, 0, 32, 20.0, "unknown", "unknown", null, null, null, null, null, null,
                dev.claimcheck.site.cost.RowEconomics.NONE);
    }

    @Test
    void overlappingCisShareABandAndLanesAreRankedByScore() {
        List<LeaderboardRow> banded = Boards.band(List.of(row("c", 0.60, 0.55, 0.65), row("a", 0.90, 0.85, 0.95),
                row("b", 0.86, 0.80, 0.92), row("d", 0.50, 0.40, 0.58), row("e", null, 0, 0)));
        assertThat(banded).extracting(r -> r.modelId() + ":" + r.band()).containsExactly("a:1", "b:1", "c:2", "d:2", "e:0");
    }

    @Test
    void paretoFrontierKeepsOnlyUndominatedPoints() {
        List<ChartData.Point> pts = List.of(p(100, 0.5), p(200, 0.4), p(400, 0.8), p(50, 0.3), p(800, 0.7));
        assertThat(ChartData.frontier(pts)).containsExactly(new ChartData.Xy(50, 0.3), new ChartData.Xy(100, 0.5), new ChartData.Xy(400, 0.8));
    }

    static ChartData.Point p(double x, double y) {
        return new ChartData.Point("m", "s", "d", "r", x, y, y, y, false);
    }
}
