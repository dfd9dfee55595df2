package dev.claimcheck.site.routing;

import dev.claimcheck.core.stats.RoutingAnalysis;
import dev.claimcheck.core.stats.RoutingRow;
import dev.claimcheck.core.stats.RoutingSentence;
import dev.claimcheck.core.stats.ScoreInterval;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import java.util.List;
import java.util.Locale;

/** Builds the routing page of one workload from its pairs of runs (audit-core computes; this only formats). */
public final class RoutingView {
    private RoutingView() {
    }

    public static RoutingPage build(String workload, List<RoutingPairs.Pair> pairs, List<String> workloads, Links links) {
        return build(workload, pairs, workloads, links, null, null);
    }

    /**
     * The page with the reader's choice of runs ({@code ?instant=RUN&thinking=RUN}) in the group that holds both;
     * a choice no group holds is named in the page's note, and every group keeps its default pair.
     */
    public static RoutingPage build(String workload, List<RoutingPairs.Pair> pairs, List<String> workloads, Links links,
                                    String instantRun, String thinkingRun) {
        boolean asked = instantRun != null && thinkingRun != null;
        boolean found = false;
        List<RoutingPage.Section> sections = new java.util.ArrayList<>();
        for (RoutingPairs.Pair p : pairs) {
            if (!p.workload().equals(workload)) {
                continue;
            }
            var chosen = asked ? RoutingPairs.chosen(p, instantRun, thinkingRun) : java.util.Optional.<RoutingPairs.Pair>empty();
            found |= chosen.isPresent();
            sections.add(section(chosen.orElse(p), links));
        }
        String note = asked && !found ? links.text("routing.notAPair", instantRun, thinkingRun) : "";
        return new RoutingPage(links.nav(), workload, sections,
                workloads.stream().map(w -> new RoutingPage.Link(w, links.routing(w))).toList(), note, !links.export());
    }

    private static List<RoutingPage.Choice> choices(List<RunEntry> runs, RunEntry selected) {
        return runs.stream().map(r -> new RoutingPage.Choice(r.runId(), r.manifest().model().id() + " · " + r.runId(),
                r.runId().equals(selected.runId()))).toList();
    }

    static RoutingPage.Section section(RoutingPairs.Pair p, Links links) {
        RunEntry i = p.instant();
        RunEntry t = p.thinking();
        boolean simulated = i.simulated() || t.simulated();
        RoutingAnalysis.Report report;
        try {
            report = RoutingAnalysis.of(i.manifest(), Journal.readAll(i.folder()), t.manifest(), Journal.readAll(t.folder()));
        } catch (RuntimeException e) {
            // audit-core's reason in the page's language; a journal that cannot be read says so in its own words.
            String why = e instanceof RoutingAnalysis.Incomparable x ? links.text(x.reason()) : e.getMessage();
            return new RoutingPage.Section(p.suite(), p.dataset(), p.datasetSha256(), i.runId(), links.run(i.runId()),
                    i.manifest().model().id(), t.runId(), links.run(t.runId()), t.manifest().model().id(), simulated, 0,
                    links.text("routing.incomparable", why), "", List.of(), links.text("routing.relation." + p.relation().name()), p.chosen(),
                    choices(p.instants(), i), choices(p.thinkings(), t));
        }
        String label = links.text("routing.chart.label", p.suite(), p.dataset());
        return new RoutingPage.Section(p.suite(), p.dataset(), p.datasetSha256(), i.runId(), links.run(i.runId()),
                i.manifest().model().id(), t.runId(), links.run(t.runId()), t.manifest().model().id(), simulated,
                report.tasks(), String.join(" ", RoutingSentence.parts(report).stream().map(links::text).toList()), RoutingChart.svg(report, label, links.text("routing.chart.axis")),
                report.rows().stream().map(x -> row(x, links)).toList(), links.text("routing.relation." + p.relation().name()), p.chosen(),
                choices(p.instants(), i), choices(p.thinkings(), t));
    }

    static RoutingPage.Row row(RoutingRow r, Links links) {
        return new RoutingPage.Row(r.strategy().id(), r.budget() == null ? "" : Fmt.count(r.budget()),
                Fmt.pct(r.accuracy().estimate()), links.fmt().ci(r.accuracy().low(), r.accuracy().high()),
                Fmt.count(r.tokens().estimate()), tokens(r.tokens()),
                r.latencyMs() == null ? Fmt.NONE : Fmt.count(r.latencyMs().estimate()) + " ms",
                String.format(Locale.ROOT, "%.1f%%", 100 * r.escalated()));
    }

    private static String tokens(ScoreInterval i) {
        return i.low() == null ? "" : Fmt.count(i.low()) + "–" + Fmt.count(i.high());
    }
}
