package dev.claimcheck.site.view;

import dev.claimcheck.site.index.TrustBadge;
import java.util.List;

/** The view model of {@code /}: every string already formatted, nothing null (templates fail on undefined values). */
public record LeaderboardPage(Nav nav, Summary summary, List<Tab> tabs, List<Section> sections, List<String> hardware) {
    public record Summary(int runs, int models, int excluded, int simulated, String lastRun) {
    }

    public record Tab(String id, String title) {
    }

    /** One workload: its boards and its token-efficiency chart. */
    public record Section(String id, String title, String measured, List<BoardView> boards, Chart chart) {
    }

    public record BoardView(String id, String suite, String dataset, String datasetSha256, List<LaneView> lanes) {
    }

    public record LaneView(String lane, String title, List<Row> rows) {
    }

    public record Row(String band, String model, String modelHref, String runHref, String score, String plusMinus,
                      String interval, String scoreKey, String tokens, String tokensKey, String per1k, String per1kKey,
                      String errors, String truncated, String problemsKey, List<TrustBadge> badges, boolean simulated,
                      String claim, String claimHref, String verdict, String verdictText, String hardware, String date) {
    }

    /** Chart data as escaped JSON for the script, and the same points as a table for readers without scripts. */
    public record Chart(String id, String json, List<Point> points) {
    }

    public record Point(String lane, String model, String suite, String tokens, String score, String interval,
                        boolean frontier, boolean simulated, String runHref) {
    }
}
