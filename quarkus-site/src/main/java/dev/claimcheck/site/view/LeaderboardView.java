package dev.claimcheck.site.view;

import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.render.SafeJson;
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

    public static LeaderboardPage build(ResultsIndex index, List<Board> boards, Links links) {
        Map<Workload, List<Board>> byWorkload = new EnumMap<>(Workload.class);
        boards.forEach(b -> byWorkload.computeIfAbsent(b.workload(), w -> new ArrayList<>()).add(b));
        List<LeaderboardPage.Tab> tabs = new ArrayList<>();
        List<LeaderboardPage.Section> sections = new ArrayList<>();
        TreeSet<String> hardware = new TreeSet<>();
        byWorkload.forEach((w, list) -> {
            WorkloadInfo info = WorkloadInfo.of(w);
            tabs.add(new LeaderboardPage.Tab("w-" + w.id(), info.title()));
            List<LeaderboardPage.BoardView> views = new ArrayList<>();
            List<ChartData.Point> instant = new ArrayList<>();
            List<ChartData.Point> thinking = new ArrayList<>();
            for (Board b : list) {
                List<LeaderboardPage.LaneView> lanes = new ArrayList<>();
                for (Lane lane : Lane.values()) {
                    List<LeaderboardPage.Row> rows = new ArrayList<>();
                    for (LeaderboardRow r : b.rows(lane)) {
                        rows.add(row(r, index, links));
                        hardware.add(r.hardware());
                        if (r.score() != null) {
                            (lane == Lane.INSTANT ? instant : thinking).add(new ChartData.Point(r.modelId(), r.suite(),
                                    r.dataset(), r.runId(), links.run(r.runId()), r.meanOutputTokens(), r.score(), r.lo(), r.hi(),
                                    r.simulated()));
                        }
                    }
                    lanes.add(new LeaderboardPage.LaneView(lane.id(), lane.id() + " lane", rows));
                }
                String id = "b-" + (w.id() + "-" + b.suite() + "-" + b.dataset()).replaceAll("[^A-Za-z0-9._-]", "-");
                views.add(new LeaderboardPage.BoardView(id, b.suite(), b.dataset(), b.datasetSha256(), lanes));
            }
            sections.add(new LeaderboardPage.Section("w-" + w.id(), info.title(), info.measured(), views,
                    chart(w, instant, thinking)));
        });
        return new LeaderboardPage(links.nav(), summary(index), tabs, sections, List.copyOf(hardware));
    }

    static LeaderboardPage.Summary summary(ResultsIndex index) {
        long models = index.runs().stream().map(RunEntry::modelSlug).distinct().count();
        int sim = (int) index.runs().stream().filter(RunEntry::simulated).count();
        String last = index.runs().stream().map(r -> r.manifest().finishedAt()).filter(s -> s != null)
                .max(String::compareTo).map(Fmt::date).orElse(Fmt.NONE);
        return new LeaderboardPage.Summary(index.runs().size(), (int) models, index.excluded().size(), sim, last);
    }

    static LeaderboardPage.Row row(LeaderboardRow r, ResultsIndex index, Links links) {
        String claim = r.claimId() == null ? Fmt.NONE : r.claimId() + ": " + Fmt.pct(r.claimValue());
        RunEntry run = index.byId().get(r.runId());
        return new LeaderboardPage.Row(r.band() == 0 ? Fmt.NONE : Integer.toString(r.band()), r.modelId(),
                links.model(r.modelSlug()), links.run(r.runId()), Fmt.pct(r.score()), Fmt.plusMinus(r.ci95Low(), r.ci95High()),
                Fmt.interval(r.ci95Low(), r.ci95High()), Fmt.key(r.score()), Fmt.count(r.meanOutputTokens()),
                Fmt.key(r.meanOutputTokens()), Fmt.dec(r.scorePer1kOutputTokens(), 2), Fmt.key(r.scorePer1kOutputTokens()),
                Integer.toString(r.errors()), Integer.toString(r.truncated()), Fmt.key((double) r.errors() + r.truncated()),
                run.badges(), r.simulated(), claim,
                r.claimId() == null ? "" : links.claim(r.modelSlug(), r.claimId()),
                r.claimVerdict() == null ? "" : r.claimVerdict(), r.claimVerdict() == null ? "" : verdictText(r.claimVerdict()),
                r.hardware(), Fmt.date(r.finishedAt()));
    }

    static String verdictText(String id) {
        for (dev.claimcheck.site.claims.ClaimVerdict v : dev.claimcheck.site.claims.ClaimVerdict.values()) {
            if (v.id().equals(id)) {
                return v.text();
            }
        }
        return id;
    }

    static LeaderboardPage.Chart chart(Workload w, List<ChartData.Point> instant, List<ChartData.Point> thinking) {
        List<ChartData.Point> all = new ArrayList<>(instant);
        all.addAll(thinking);
        List<ChartData.Xy> frontier = ChartData.frontier(all);
        ChartData data = new ChartData(w.id(), List.of(new ChartData.Series("instant", instant),
                new ChartData.Series("thinking", thinking)), frontier);
        Map<String, Boolean> onFrontier = new LinkedHashMap<>();
        frontier.forEach(f -> onFrontier.put(f.x() + "/" + f.y(), true));
        List<LeaderboardPage.Point> points = new ArrayList<>();
        for (ChartData.Series s : data.series()) {
            for (ChartData.Point p : s.points()) {
                points.add(new LeaderboardPage.Point(s.lane(), p.model(), p.suite(), Fmt.count(p.x()), Fmt.pct(p.y()),
                        Fmt.interval(p.lo(), p.hi()), onFrontier.containsKey(p.x() + "/" + p.y()), p.simulated(), p.href()));
            }
        }
        return new LeaderboardPage.Chart("chart-" + w.id(), SafeJson.write(data), points);
    }
}
