package dev.claimcheck.site.leaderboard;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.site.cost.CostCells;
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
    public static LeaderboardPage build(ResultsIndex index, List<Board> boards, List<String> slugs, Links links, int top,
                                        Filter filter) {
        Map<Workload, List<Integer>> byWorkload = new EnumMap<>(Workload.class);
        for (int i = 0; i < boards.size(); i++) {
            byWorkload.computeIfAbsent(boards.get(i).workload(), w -> new ArrayList<>()).add(i);
        }
        List<LeaderboardPage.Tab> tabs = new ArrayList<>();
        List<LeaderboardPage.Section> sections = new ArrayList<>();
        List<LeaderboardRow> all = new ArrayList<>();
        // The sections present after the filter, so that a family line links only sections that are on the page.
        Map<Workload, List<LeaderboardPage.BoardView>> shown = new EnumMap<>(Workload.class);
        for (Workload w : WorkloadFamily.order(byWorkload.keySet())) {
            List<Integer> list = byWorkload.get(w);
            List<LeaderboardPage.BoardView> views = new ArrayList<>();
            for (int i : list) {
                Board b = boards.get(i);
                for (Lane lane : Lane.values()) {
                    all.addAll(b.rows(lane));
                }
                LeaderboardPage.BoardView v = boardView(b, slugs.get(i), index, links, top, filter);
                if (!filter.active() || v.total() > 0) {
                    views.add(v);
                }
            }
            if (!views.isEmpty()) {
                shown.put(w, views);
            }
        }
        for (Workload w : WorkloadFamily.order(shown.keySet())) {
            String title = links.text("workload." + w.id() + ".title");
            tabs.add(new LeaderboardPage.Tab("w-" + w.id(), title));
            sections.add(new LeaderboardPage.Section("w-" + w.id(), title, links.text("workload." + w.id() + ".measured"),
                    shown.get(w), new LeaderboardPage.Chart("chart-" + w.id(), links.chart(workloadChartId(w)), links.run("{runId}"),
                            links.text("chart.label", title),
                            List.of()), family(w, shown.keySet(), links)));
        }
        List<RunEntry> serving = index.runs().stream().filter(r -> r.manifest().workload() == Workload.THROUGHPUT).toList();
        // Throughput runs have no lane and their own hardware lanes: a lane or hardware filter leaves them out.
        ThroughputSection throughput = ThroughputView.build(!filter.active() ? index
                : filter.lane().isEmpty() && filter.hardware().isEmpty() ? only(index, filter) : only(index, Filter.NONE, List.of()), links);
        if (!throughput.lanes().isEmpty()) {
            tabs.add(new LeaderboardPage.Tab(throughput.id(), throughput.title()));
        }
        FilterForm form = FilterForm.of(filter, links.export(), links.home(), true, all, serving);
        return new LeaderboardPage(links.nav(), summary(index, links), tabs, sections, form, top,
                throughput.lanes().isEmpty() ? List.of() : List.of(throughput));
    }

    /**
     * The line that links a family's sections on the page (empty for a workload of no family, or when no other member
     * has a section): each member's title, the section's own marked as current.
     */
    static LeaderboardPage.Family family(Workload w, java.util.Set<Workload> shown, Links links) {
        return WorkloadFamily.of(w).filter(f -> f.members().stream().filter(shown::contains).count() > 1)
                .map(f -> new LeaderboardPage.Family(links.text(f.label()), f.members().stream().filter(shown::contains)
                        .map(m -> new LeaderboardPage.FamilyLink(links.text("workload." + m.id() + ".title"), "#w-" + m.id(), m == w))
                        .toList()))
                .orElse(LeaderboardPage.Family.NONE);
    }

    /** The index with only the runs the filter keeps (for the Throughput tab, built from an index). */
    static ResultsIndex only(ResultsIndex index, Filter filter) {
        return only(index, filter, index.runs().stream().filter(filter::matches).toList());
    }

    static ResultsIndex only(ResultsIndex index, Filter filter, List<RunEntry> runs) {
        return new ResultsIndex(index.root(), runs, index.excluded(), index.claims(), index.byId(), index.checkout(), index.prices());
    }

    /** The full page of one board: every row, its chart (data from {@code api/charts/b-SLUG.json}) and the points as a table. */
    public static BoardPage boardPage(ResultsIndex index, Board b, String slug, Links links, Filter filter) {
        LeaderboardPage.BoardView view = boardView(b, slug, index, links, Integer.MAX_VALUE, filter);
        List<LeaderboardRow> all = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            all.addAll(b.rows(lane));
        }
        String title = links.text("workload." + b.workload().id() + ".title");
        ChartData data = chartData(b);
        Map<String, Boolean> onFrontier = new LinkedHashMap<>();
        data.frontier().forEach(f -> onFrontier.put(f.x() + "/" + f.y(), true));
        List<LeaderboardPage.Point> points = new ArrayList<>();
        for (ChartData.Series s : data.series()) {
            for (ChartData.Point p : s.points()) {
                points.add(new LeaderboardPage.Point(s.lane(), p.model(), p.suite(), Fmt.count(p.x()), Fmt.pct(p.y()),
                        links.fmt().ci(p.lo(), p.hi()), onFrontier.containsKey(p.x() + "/" + p.y()), p.simulated(),
                        links.run(p.runId())));
            }
        }
        LeaderboardPage.Chart chart = new LeaderboardPage.Chart("chart-b-" + slug, links.chart(boardChartId(slug)),
                links.run("{runId}"), links.text("chart.label", title + " · " + b.suite() + " · " + b.dataset()), points);
        return new BoardPage(links.nav(), "w-" + b.workload().id(), title, links.text("workload." + b.workload().id() + ".measured"), view, chart,
                FilterForm.of(filter, links.export(), links.board(slug), false, all, List.of()));
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
                                               Filter filter) {
        List<LeaderboardPage.LaneView> lanes = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            if (!filter.lane().isEmpty() && !filter.lane().equals(lane.id())) {
                continue;
            }
            List<LeaderboardRow> all = b.rows(lane).stream().filter(filter::matches).toList();
            List<LeaderboardPage.Row> rows = new ArrayList<>();
            for (LeaderboardRow r : all) {
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

    static LeaderboardPage.Summary summary(ResultsIndex index, Links links) {
        long models = index.runs().stream().map(RunEntry::modelSlug).distinct().count();
        int sim = (int) index.runs().stream().filter(RunEntry::simulated).count();
        String last = index.runs().stream().map(r -> r.manifest().finishedAt()).filter(s -> s != null)
                .max(String::compareTo).map(links.fmt()::day).orElse(Fmt.NONE);
        return new LeaderboardPage.Summary(index.runs().size(), (int) models, index.excluded().size(), sim, last);
    }

    static LeaderboardPage.Row row(LeaderboardRow r, ResultsIndex index, Links links) {
        String claim = r.claimId() == null ? Fmt.NONE : r.claimId() + ": " + ClaimUnit.value(r.claimValue(), Boards.SCORE_CLAIM_UNIT);
        RunEntry run = index.byId().get(r.runId());
        return new LeaderboardPage.Row(r.band() == 0 ? Fmt.NONE : Integer.toString(r.band()), r.modelId(),
                links.model(r.modelSlug()), links.run(r.runId()), Fmt.pct(r.score()), Fmt.plusMinus(r.ci95Low(), r.ci95High()),
                links.fmt().ci(r.ci95Low(), r.ci95High()), Fmt.key(r.score()), Fmt.count(r.meanOutputTokens()),
                Fmt.key(r.meanOutputTokens()), Fmt.dec(r.scorePer1kOutputTokens(), 2), Fmt.key(r.scorePer1kOutputTokens()),
                Integer.toString(r.errors()), Integer.toString(r.truncated()), Fmt.key((double) r.errors() + r.truncated()),
                run.badges(), r.simulated(), claim,
                r.claimId() == null ? "" : links.claim(r.modelSlug(), r.claimId()),
                r.claimVerdict() == null ? "" : r.claimVerdict(), r.claimVerdict() == null ? "" : verdictText(r.claimVerdict()),
                r.hardware(), Fmt.date(r.finishedAt()), r.trust(), run == null ? "" : WorkloadFigures.of(run.manifest().metrics(), links),
                CostCells.of(r.economics(), r.simulated(), links));
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
