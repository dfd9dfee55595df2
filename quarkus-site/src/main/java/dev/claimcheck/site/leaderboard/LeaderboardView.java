package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.ChartData;
import dev.claimcheck.site.page.ClaimUnit;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.throughput.ThroughputSection;
import dev.claimcheck.site.throughput.ThroughputView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the leaderboard page from the boards. */
public final class LeaderboardView {
    private LeaderboardView() {
    }

    /** Rows per lane shown on {@code /}; every row is on the board's full page. */
    public static final int TOP = 25;

    /**
     * The leaderboard: per workload its boards (each lane's top {@code top} rows, linked to the board's full
     * page) and the workload's chart, whose data is loaded from {@code api/charts/w-WORKLOAD.json}.
     */
    public static LeaderboardPage build(ResultsIndex index, List<Board> boards, List<String> slugs, Links links, int top) {
        Map<Workload, List<Integer>> byWorkload = new EnumMap<>(Workload.class);
        for (int i = 0; i < boards.size(); i++) {
            byWorkload.computeIfAbsent(boards.get(i).workload(), w -> new ArrayList<>()).add(i);
        }
        List<LeaderboardPage.Tab> tabs = new ArrayList<>();
        List<LeaderboardPage.Section> sections = new ArrayList<>();
        TreeSet<String> hardware = new TreeSet<>();
        byWorkload.forEach((w, list) -> {
            Figures info = SuiteRegistry.figures(w);
            tabs.add(new LeaderboardPage.Tab("w-" + w.id(), info.title()));
            List<LeaderboardPage.BoardView> views = new ArrayList<>();
            for (int i : list) {
                views.add(boardView(boards.get(i), slugs.get(i), index, links, top, hardware));
            }
            sections.add(new LeaderboardPage.Section("w-" + w.id(), info.title(), info.measured(), views,
                    new LeaderboardPage.Chart("chart-" + w.id(), links.chart(workloadChartId(w)), links.run("{runId}"),
                            info.title() + ": score against mean output tokens (log scale), by lane, with Pareto frontier",
                            List.of())));
        });
        ThroughputSection throughput = ThroughputView.build(index, links);
        if (!throughput.lanes().isEmpty()) {
            tabs.add(new LeaderboardPage.Tab(throughput.id(), throughput.title()));
        }
        return new LeaderboardPage(links.nav(), summary(index), tabs, sections, List.copyOf(hardware), top,
                throughput.lanes().isEmpty() ? List.of() : List.of(throughput));
    }

    /** The full page of one board: every row, its chart (data from {@code api/charts/b-SLUG.json}) and the points as a table. */
    public static BoardPage boardPage(ResultsIndex index, Board b, String slug, Links links) {
        TreeSet<String> hardware = new TreeSet<>();
        LeaderboardPage.BoardView view = boardView(b, slug, index, links, Integer.MAX_VALUE, hardware);
        Figures info = SuiteRegistry.figures(b.workload());
        ChartData data = chartData(b);
        Map<String, Boolean> onFrontier = new LinkedHashMap<>();
        data.frontier().forEach(f -> onFrontier.put(f.x() + "/" + f.y(), true));
        List<LeaderboardPage.Point> points = new ArrayList<>();
        for (ChartData.Series s : data.series()) {
            for (ChartData.Point p : s.points()) {
                points.add(new LeaderboardPage.Point(s.lane(), p.model(), p.suite(), Fmt.count(p.x()), Fmt.pct(p.y()),
                        Fmt.interval(p.lo(), p.hi()), onFrontier.containsKey(p.x() + "/" + p.y()), p.simulated(),
                        links.run(p.runId())));
            }
        }
        LeaderboardPage.Chart chart = new LeaderboardPage.Chart("chart-b-" + slug, links.chart(boardChartId(slug)),
                links.run("{runId}"), info.title() + " · " + b.suite() + " · " + b.dataset()
                + ": score against mean output tokens (log scale), by lane, with Pareto frontier", points);
        return new BoardPage(links.nav(), "w-" + b.workload().id(), info.title(), info.measured(), view, chart,
                List.copyOf(hardware));
    }

    public static String workloadChartId(Workload w) {
        return "w-" + w.id();
    }

    public static String boardChartId(String slug) {
        return "b-" + slug;
    }

    /** The chart of a workload: the points of all its boards. */
    public static ChartData chartData(Workload w, List<Board> boards) {
        List<ChartData.Point> instant = new ArrayList<>();
        List<ChartData.Point> thinking = new ArrayList<>();
        boards.stream().filter(b -> b.workload() == w).forEach(b -> points(b, instant, thinking));
        return ChartData.of(w.id(), instant, thinking);
    }

    /** The chart of one board. */
    public static ChartData chartData(Board b) {
        List<ChartData.Point> instant = new ArrayList<>();
        List<ChartData.Point> thinking = new ArrayList<>();
        points(b, instant, thinking);
        return ChartData.of(b.workload().id(), instant, thinking);
    }

    static void points(Board b, List<ChartData.Point> instant, List<ChartData.Point> thinking) {
        for (Lane lane : Lane.values()) {
            for (LeaderboardRow r : b.rows(lane)) {
                if (r.score() != null) {
                    (lane == Lane.INSTANT ? instant : thinking).add(new ChartData.Point(r.modelId(), r.suite(), r.dataset(),
                            r.runId(), r.meanOutputTokens(), r.score(), r.lo(), r.hi(), r.simulated()));
                }
            }
        }
    }

    static LeaderboardPage.BoardView boardView(Board b, String slug, ResultsIndex index, Links links, int top,
                                               TreeSet<String> hardware) {
        List<LeaderboardPage.LaneView> lanes = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            List<LeaderboardRow> all = b.rows(lane);
            List<LeaderboardPage.Row> rows = new ArrayList<>();
            for (LeaderboardRow r : all) {
                hardware.add(r.hardware());
                if (rows.size() < top) {
                    rows.add(row(r, index, links));
                }
            }
            lanes.add(new LeaderboardPage.LaneView(lane.id(), lane.id() + " lane", rows, all.size()));
        }
        String id = "b-" + (b.workload().id() + "-" + b.suite() + "-" + b.dataset()).replaceAll("[^A-Za-z0-9._-]", "-");
        return new LeaderboardPage.BoardView(id, b.suite(), b.dataset(), b.datasetSha256(), links.board(slug), links.grid(slug), lanes);
    }

    /**
     * File-name-safe, unique slugs for the boards, in board order: {@code WORKLOAD--SUITE--DATASET} with
     * other characters than {@code A-Za-z0-9._-} replaced; a clash after the replacement gets {@code -2}, {@code -3}…
     */
    public static List<String> slugs(List<Board> boards) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Board b : boards) {
            String base = (b.workload().id() + "--" + b.suite() + "--" + b.dataset()).replaceAll("[^A-Za-z0-9._-]", "-");
            if (base.startsWith(".")) {
                base = "-" + base.substring(1);
            }
            String slug = base;
            for (int n = 2; !used.add(slug); n++) {
                slug = base + "-" + n;
            }
            out.add(slug);
        }
        return out;
    }

    static LeaderboardPage.Summary summary(ResultsIndex index) {
        long models = index.runs().stream().map(RunEntry::modelSlug).distinct().count();
        int sim = (int) index.runs().stream().filter(RunEntry::simulated).count();
        String last = index.runs().stream().map(r -> r.manifest().finishedAt()).filter(s -> s != null)
                .max(String::compareTo).map(Fmt::date).orElse(Fmt.NONE);
        return new LeaderboardPage.Summary(index.runs().size(), (int) models, index.excluded().size(), sim, last);
    }

    static LeaderboardPage.Row row(LeaderboardRow r, ResultsIndex index, Links links) {
        String claim = r.claimId() == null ? Fmt.NONE : r.claimId() + ": " + ClaimUnit.value(r.claimValue(), Boards.SCORE_CLAIM_UNIT);
        RunEntry run = index.byId().get(r.runId());
        return new LeaderboardPage.Row(r.band() == 0 ? Fmt.NONE : Integer.toString(r.band()), r.modelId(),
                links.model(r.modelSlug()), links.run(r.runId()), Fmt.pct(r.score()), Fmt.plusMinus(r.ci95Low(), r.ci95High()),
                Fmt.interval(r.ci95Low(), r.ci95High()), Fmt.key(r.score()), Fmt.count(r.meanOutputTokens()),
                Fmt.key(r.meanOutputTokens()), Fmt.dec(r.scorePer1kOutputTokens(), 2), Fmt.key(r.scorePer1kOutputTokens()),
                Integer.toString(r.errors()), Integer.toString(r.truncated()), Fmt.key((double) r.errors() + r.truncated()),
                run.badges(), r.simulated(), claim,
                r.claimId() == null ? "" : links.claim(r.modelSlug(), r.claimId()),
                r.claimVerdict() == null ? "" : r.claimVerdict(), r.claimVerdict() == null ? "" : verdictText(r.claimVerdict()),
                r.hardware(), Fmt.date(r.finishedAt()), run == null ? "" : WorkloadFigures.of(run.manifest().metrics()));
    }

    static String verdictText(String id) {
        for (dev.claimcheck.core.model.ClaimVerdict v : dev.claimcheck.core.model.ClaimVerdict.values()) {
            if (v.id().equals(id)) {
                return v.text();
            }
        }
        return id;
    }
}
