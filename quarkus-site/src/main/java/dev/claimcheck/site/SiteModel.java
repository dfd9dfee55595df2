package dev.claimcheck.site;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.site.answers.AnswerGrid;
import dev.claimcheck.site.answers.AnswerGridView;
import dev.claimcheck.site.answers.SamplePage;
import dev.claimcheck.site.answers.SamplePageView;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.site.claims.Assessment;
import dev.claimcheck.site.claims.ClaimAssessor;
import dev.claimcheck.site.claims.ClaimsPage;
import dev.claimcheck.site.claims.ClaimsView;
import dev.claimcheck.site.compare.ComparePage;
import dev.claimcheck.site.compare.CompareView;
import dev.claimcheck.site.cost.CostCells;
import dev.claimcheck.site.cost.RowEconomics;
import dev.claimcheck.site.cost.RunEconomics;
import dev.claimcheck.site.cost.RunUsage;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.leaderboard.Board;
import dev.claimcheck.site.leaderboard.BoardPage;
import dev.claimcheck.site.leaderboard.Filter;
import dev.claimcheck.site.leaderboard.Boards;
import dev.claimcheck.site.leaderboard.LeaderboardPage;
import dev.claimcheck.site.leaderboard.LeaderboardRow;
import dev.claimcheck.site.leaderboard.LeaderboardView;
import dev.claimcheck.site.leaderboard.ModelPage;
import dev.claimcheck.site.page.ChartData;
import dev.claimcheck.site.page.ExcludedPage;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.routing.RoutingIndexPage;
import dev.claimcheck.site.routing.RoutingPage;
import dev.claimcheck.site.routing.RoutingPairs;
import dev.claimcheck.site.routing.RoutingView;
import dev.claimcheck.site.proof.ProofPage;
import dev.claimcheck.site.proof.ProofPageView;
import dev.claimcheck.site.proof.ProofReviews;
import dev.claimcheck.site.run.RunPage;
import dev.claimcheck.site.run.RunPageView;
import dev.claimcheck.site.throughput.ThroughputRow;
import dev.claimcheck.site.throughput.ThroughputView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every page's and API's data, derived once from a {@link ResultsIndex}; shared by the server and the
 * static exporter so that both show the same thing.
 */
public final class SiteModel {
    public static final String LEADERBOARD_SCHEMA = "claimcheck/leaderboard/v1";

    private final ResultsIndex index;
    private final List<Assessment> assessments;
    private final List<Board> boards;
    private final List<LeaderboardRow> rows;
    private final List<String> boardSlugs;
    private final List<RoutingPairs.Pair> routingPairs;
    private final List<ThroughputRow> throughputRows;
    /** Each scored run's cost and speed, from its journal and the declared price table. */
    private final Map<String, RunEconomics> economics;

    public SiteModel(ResultsIndex index) {
        this.index = index;
        this.assessments = ClaimAssessor.assess(index);
        this.economics = economics(index);
        this.boards = Boards.build(index, assessments, economics);
        List<LeaderboardRow> all = new ArrayList<>();
        boards.forEach(b -> b.lanes().keySet().stream().sorted().forEach(l -> all.addAll(b.rows(l))));
        this.rows = List.copyOf(all);
        this.boardSlugs = LeaderboardView.slugs(boards);
        this.routingPairs = RoutingPairs.of(index);
        this.throughputRows = ThroughputView.rows(index);
    }

    /**
     * Every scored run's cost and speed by run id, from its journal and the price table. Throughput runs are left out:
     * the bench has its own per-request figures (ThroughputView). A journal that cannot be read counts as no usage;
     * its run page says why.
     */
    static Map<String, RunEconomics> economics(ResultsIndex index) {
        Map<String, RunEconomics> out = new HashMap<>();
        for (RunEntry r : index.runs()) {
            if (r.manifest().workload() == Workload.THROUGHPUT) {
                continue;
            }
            RunUsage usage;
            try {
                usage = RunUsage.of(Journal.readAll(r.folder()));
            } catch (RuntimeException e) {
                usage = RunUsage.NONE;
            }
            out.put(r.runId(), RunEconomics.of(usage, index.prices().forModel(r.manifest().model().id()).orElse(null),
                    r.simulated()));
        }
        return out;
    }

    public ResultsIndex index() {
        return index;
    }

    /** {@code /}: each lane's top {@link LeaderboardView#TOP} rows, linked to the boards' full pages. */
    public LeaderboardPage leaderboard(Links links) {
        return leaderboard(links, LeaderboardView.TOP);
    }

    public LeaderboardPage leaderboard(Links links, int top) {
        return LeaderboardView.build(index, boards, boardSlugs, links, top, Filter.NONE);
    }

    /** {@code /?model=…&lane=…}: the leaderboard with only the rows the filter keeps (each lane's top N of those). */
    public LeaderboardPage leaderboard(Links links, Filter filter) {
        return LeaderboardView.build(index, boards, boardSlugs, links, LeaderboardView.TOP, filter);
    }

    /** Slugs of the boards' full pages ({@code boards/SLUG}), in board order. */
    public List<String> boardSlugs() {
        return boardSlugs;
    }

    public Optional<BoardPage> board(String slug, Links links) {
        return board(slug, links, Filter.NONE);
    }

    public Optional<BoardPage> board(String slug, Links links, Filter filter) {
        int i = boardSlugs.indexOf(slug);
        return i < 0 ? Optional.empty() : Optional.of(LeaderboardView.boardPage(index, boards.get(i), slug, links, filter));
    }

    /**
     * Every chart's data by id ({@code api/charts/ID.json}): {@code w-WORKLOAD} for the leaderboard's charts,
     * {@code b-SLUG} for the boards' pages. Sorted by id; the same for the server and the export.
     */
    public java.util.SortedMap<String, ChartData> charts() {
        java.util.TreeMap<String, ChartData> out = new java.util.TreeMap<>();
        boards.stream().map(Board::workload).distinct()
                .forEach(w -> out.put(LeaderboardView.workloadChartId(w), LeaderboardView.chartData(w, boards)));
        for (int i = 0; i < boards.size(); i++) {
            out.put(LeaderboardView.boardChartId(boardSlugs.get(i)), LeaderboardView.chartData(boards.get(i)));
        }
        return out;
    }

    public Optional<RunPage> run(String runId, Links links) {
        return index.run(runId).map(r -> RunPageView.build(r, assessments, links, index.root()));
    }

    public Optional<ModelPage> model(String slug, Links links) {
        List<RunEntry> runs = index.runs().stream().filter(r -> r.modelSlug().equals(slug)).toList();
        List<Assessment> claims = assessments.stream().filter(a -> a.file().modelSlug().equals(slug)).toList();
        if (runs.isEmpty() && claims.isEmpty()) {
            return Optional.empty();
        }
        String id = runs.isEmpty() ? claims.get(0).file().modelId() : runs.get(0).manifest().model().id();
        List<ModelPage.Run> rs = runs.stream().map(r -> new ModelPage.Run(r.runId(), links.run(r.runId()),
                r.manifest().workload().id(), r.manifest().suite().id(), r.datasetName(), r.manifest().lane().id(),
                Fmt.pct(r.manifest().metrics().score()),
                Fmt.plusMinus(r.manifest().metrics().ci95Low(), r.manifest().metrics().ci95High()),
                Fmt.count(r.manifest().metrics().outputTokens() == null ? 0 : r.manifest().metrics().outputTokens().mean()),
                Fmt.date(r.manifest().finishedAt()), links.fmt().day(r.manifest().finishedAt()), r.badges(),
                economics.containsKey(r.runId()) ? CostCells.of(RowEconomics.of(economics.get(r.runId())), r.simulated(), links)
                        : CostCells.NONE)).toList();
        return Optional.of(new ModelPage(links.nav(), id, slug, rs, ClaimsView.rows(claims, links)));
    }

    /** Model slugs with a page: those with runs or claims, sorted. */
    public List<String> modelSlugs() {
        java.util.TreeSet<String> s = new java.util.TreeSet<>();
        index.runs().forEach(r -> s.add(r.modelSlug()));
        assessments.forEach(a -> s.add(a.file().modelSlug()));
        return List.copyOf(s);
    }

    public ClaimsPage claims(Links links) {
        return ClaimsView.build(assessments, routingWorkloads().stream()
                .map(w -> new RoutingPage.Link(w, links.routing(w))).toList(), index.unclaimedRecipes(), index.claims(), links);
    }

    /** Workloads with at least one pair of instant and thinking runs (RoutingPairs), sorted. */
    public List<String> routingWorkloads() {
        return routingPairs.stream().map(RoutingPairs.Pair::workload).distinct().sorted().toList();
    }

    /** {@code /routing/{workload}}; empty when the workload has no pair of runs. */
    public Optional<RoutingPage> routing(String workload, Links links) {
        return routing(workload, links, null, null);
    }

    /** {@code /routing/{workload}?instant=RUN&thinking=RUN}: the reader's pair where a group holds both runs. */
    public Optional<RoutingPage> routing(String workload, Links links, String instantRun, String thinkingRun) {
        return routingWorkloads().contains(workload) ? Optional.of(RoutingView.build(workload, routingPairs,
                routingWorkloads(), links, instantRun, thinkingRun)) : Optional.empty();
    }

    /** {@code /compare?a=RUN&b=RUN} (the server only): two runs of one suite on one dataset, task by task. */
    public ComparePage compare(String runA, String runB, Links links) {
        return CompareView.build(index, runA, runB, links);
    }

    /** {@code /routing}: links to every workload's routing page (none when no workload has a pair). */
    public RoutingIndexPage routingIndex(Links links) {
        return new RoutingIndexPage(links.nav(), routingWorkloads().stream()
                .map(w -> new RoutingPage.Link(w, links.routing(w))).toList(), links.export() ? "" : links.compare());
    }

    public ExcludedPage excluded(Links links) {
        return new ExcludedPage(links.nav(), index.excluded());
    }

    /**
     * {@code /api/leaderboard.json}: the scored rows, and throughput apart (one entry per load point, never a row
     * with a null score).
     */
    public record LeaderboardJson(String schema, int runs, int excluded, List<LeaderboardRow> rows,
                                  List<ThroughputRow> throughput) {
    }

    public LeaderboardJson leaderboardJson() {
        return new LeaderboardJson(LEADERBOARD_SCHEMA, index.runs().size(), index.excluded().size(), rows, throughputRows);
    }

    /** {@code /api/throughput.csv}'s rows. */
    public List<ThroughputRow> throughputRows() {
        return throughputRows;
    }

    public List<LeaderboardRow> rows() {
        return rows;
    }

    /** {@code /api/runs/{runId}.json}: the manifest as read plus what the site computed about it. */
    public record RunJson(String runId, String folder, String trust, List<String> badges, Object run) {
    }

    public Optional<RunJson> runJson(String runId) {
        return index.run(runId).map(r -> new RunJson(r.runId(), r.relPath(), r.trust(),
                r.badges().stream().map(b -> b.kind()).toList(), r.manifest()));
    }

    /** {@code /boards/{slug}/grid}: every answer of the board's runs, a row per task and a column per model and lane. */
    public Optional<AnswerGrid> grid(String slug, Links links, Function<String, List<Sample>> samples) {
        int i = boardSlugs.indexOf(slug);
        if (i < 0) {
            return Optional.empty();
        }
        Board b = boards.get(i);
        List<AnswerGridView.RunSamples> runs = new ArrayList<>();
        for (Lane lane : Lane.values()) {
            for (LeaderboardRow r : b.rows(lane)) {
                index.run(r.runId()).ifPresent(e -> runs.add(new AnswerGridView.RunSamples(e, samples.apply(e.runId()))));
            }
        }
        List<String> subject = List.of(links.text("workload." + b.workload().id() + ".title"), b.suite(), b.dataset());
        return Optional.of(AnswerGridView.build(links.nav(), subject, links.board(slug), true, runs, links));
    }

    /** {@code /runs/{id}/samples}: every attempt of one run as a task × attempt grid. */
    public Optional<AnswerGrid> runGrid(String runId, Links links, Function<String, List<Sample>> samples) {
        return index.run(runId).map(e -> AnswerGridView.build(links.nav(),
                List.of(e.manifest().model().id(), e.manifest().workload().id(), e.manifest().suite().id(), runId), links.run(runId),
                false, List.of(new AnswerGridView.RunSamples(e, samples.apply(runId))), links));
    }

    /** {@code /runs/{id}/samples/{task}/{attempt}}: one attempt's page. */
    public Optional<SamplePage> sample(String runId, String segment, int attempt, Links links,
                                      Function<String, List<Sample>> samples) {
        return index.run(runId).flatMap(e -> SamplePageView.build(e, samples.apply(runId), segment, attempt, links));
    }

    /** {@code /runs/{id}/proofs/{problem}}: one problem of a proof run, its graders side by side (reviews checked now). */
    public Optional<ProofPage> proof(String runId, String segment, Links links, Function<String, List<Sample>> samples) {
        return index.run(runId).filter(r -> r.manifest().workload() == Workload.PROOFS).flatMap(r -> {
            List<Sample> s = samples.apply(runId);
            return ProofPageView.build(r, s, ProofReviews.of(r, s, index.root(), java.time.Instant.now()), index.root(),
                    segment, links);
        });
    }

    public Optional<List<Sample>> samples(String runId) {
        return index.run(runId).map(r -> Journal.readAll(r.folder()));
    }
}
