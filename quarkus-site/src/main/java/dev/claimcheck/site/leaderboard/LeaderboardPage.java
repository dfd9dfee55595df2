package dev.claimcheck.site.leaderboard;

import dev.claimcheck.site.cost.CostCells;
import dev.claimcheck.site.index.TrustBadge;
import dev.claimcheck.site.page.ChartData;
import dev.claimcheck.site.page.Nav;
import dev.claimcheck.site.throughput.ThroughputSection;
import java.util.List;

/**
 * The view model of {@code /}: every string already formatted, nothing null (templates fail on undefined values).
 *
 * @param throughput the Throughput tab's section (one, or none without throughput runs): lanes, not score tables
 */
public record LeaderboardPage(Nav nav, Summary summary, List<Tab> tabs, List<Section> sections, FilterForm filters, int top,
                              List<ThroughputSection> throughput) {
    public record Summary(int runs, int models, int excluded, int simulated, String lastRun) {
    }

    public record Tab(String id, String title) {
    }

    /**
     * One workload: its boards and its token-efficiency chart.
     *
     * @param family the links to the other sections of its {@link WorkloadFamily} on the page, or {@link Family#NONE}
     */
    public record Section(String id, String title, String measured, List<BoardView> boards, Chart chart, Family family) {
    }

    /** A family's sections side by side: the line's label and one link per member section. */
    public record Family(String label, List<FamilyLink> links) {
        public static final Family NONE = new Family("", List.of());
    }

    /** @param current the section the line stands in (not a link) */
    public record FamilyLink(String title, String href, boolean current) {
    }

    /**
     * One suite and dataset, both lanes.
     *
     * @param href the board's full page (every row, and the chart's points as a table)
     * @param gridHref the board's problem × model grid of every answer
     */
    public record BoardView(String id, String suite, String dataset, String datasetSha256, String href, String gridHref,
                            List<LaneView> lanes) {
        /** True when a lane shows fewer rows than it has (the leaderboard's top N). */
        public boolean truncated() {
            return lanes.stream().anyMatch(LaneView::truncated);
        }

        /** Models over both lanes. */
        public int total() {
            return lanes.stream().mapToInt(LaneView::total).sum();
        }
    }

    /** @param total the lane's row count; {@code rows} may be its top N only */
    public record LaneView(String lane, String title, List<Row> rows, int total) {
        public boolean truncated() {
            return rows.size() < total;
        }
    }

    /** @param cost the row's cost and speed cells ({@link CostCells}) */
    public record Row(String band, String model, String modelHref, String runHref, String score, String plusMinus,
                      String interval, String scoreKey, String tokens, String tokensKey, String per1k, String per1kKey,
                      String errors, String truncated, String problemsKey, List<TrustBadge> badges, boolean simulated,
                      String claim, String claimHref, String verdict, String verdictText, String hardware, String date, String trust,
                      String figures, CostCells cost) {
    }

    /**
     * A chart whose data ({@link ChartData}) the script loads from {@code src}; {@code runHref} is the link
     * template of a point ({@code {runId}} replaced). {@code points} is the same data as a table for readers
     * without scripts: on a board's full page only (the leaderboard links to those pages instead).
     */
    public record Chart(String id, String src, String runHref, String label, List<Point> points) {
    }

    public record Point(String lane, String model, String suite, String tokens, String score, String interval,
                        boolean frontier, boolean simulated, String runHref) {
    }
}
