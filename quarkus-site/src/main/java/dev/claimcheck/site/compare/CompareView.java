package dev.claimcheck.site.compare;

import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.PairedDifference;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the compare page: any two scored runs of one suite on one dataset (same sha256), real with real or
 * simulated with simulated, compared task by task with {@link PairedDifference} (audit-core computes; this formats).
 */
public final class CompareView {
    /** Differing tasks listed on the page; the rest are counted. */
    public static final int MAX_ROWS = 200;

    private CompareView() {
    }

    public static ComparePage build(ResultsIndex index, String a, String b, Links links) {
        List<ComparePage.Group> groups = groups(index, a, b);
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return new ComparePage(links.nav(), groups, a, b, links.text("compare.note.choose"), null);
        }
        Optional<RunEntry> ra = index.run(a);
        Optional<RunEntry> rb = index.run(b);
        String problem = ra.isEmpty() ? links.text("compare.note.noRun", a)
                : rb.isEmpty() ? links.text("compare.note.noRun", b)
                : a.equals(b) ? links.text("compare.note.itself")
                : comparable(ra.get(), rb.get(), links);
        if (problem != null) {
            return new ComparePage(links.nav(), groups, a, b, problem, null);
        }
        List<Sample> sa = Journal.readAll(ra.get().folder());
        List<Sample> sb = Journal.readAll(rb.get().folder());
        Map<String, Double> ma = PairedDifference.taskMeans(sa);
        Map<String, Double> mb = PairedDifference.taskMeans(sb);
        PairedDifference d;
        try {
            d = PairedDifference.ofTaskMeans(ma, mb);
        } catch (IllegalArgumentException e) {
            return new ComparePage(links.nav(), groups, a, b, links.text("compare.note.cannot", e.getMessage()), null);
        }
        int aBetter = 0;
        int bBetter = 0;
        int same = 0;
        List<ComparePage.TaskRow> rows = new ArrayList<>();
        int more = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(ma).entrySet()) {
            Double other = mb.get(e.getKey());
            if (other == null) {
                continue;
            }
            int c = Double.compare(e.getValue(), other);
            if (c == 0) {
                same++;
                continue;
            }
            if (c > 0) {
                aBetter++;
            } else {
                bBetter++;
            }
            if (rows.size() < MAX_ROWS) {
                rows.add(new ComparePage.TaskRow(e.getKey(), Fmt.pct(e.getValue()), Fmt.pct(other)));
            } else {
                more++;
            }
        }
        RunManifest m = ra.get().manifest();
        ComparePage.Result result = new ComparePage.Result(side(ra.get(), ma.size(), links), side(rb.get(), mb.size(), links),
                m.suite().id(), ra.get().datasetName(), m.suite().dataset().sha256(), points(d.difference()),
                d.ci95Low() == null ? "" : links.text("compare.range", points(d.ci95Low()), points(d.ci95High())), d.tasks(), d.unpaired(),
                sentence(ra.get(), rb.get(), d, links), aBetter, bBetter, same, rows, more);
        return new ComparePage(links.nav(), groups, a, b, "", result);
    }

    /** Why two runs cannot be compared task by task, or null when they can. */
    static String comparable(RunEntry a, RunEntry b, Links links) {
        RunManifest ma = a.manifest();
        RunManifest mb = b.manifest();
        if (ma.metrics() == null || ma.metrics().score() == null || mb.metrics() == null || mb.metrics().score() == null) {
            return links.text("compare.note.unscored");
        }
        if (!ma.suite().id().equals(mb.suite().id())) {
            return links.text("compare.note.suites", a.runId(), ma.suite().id(), b.runId(), mb.suite().id());
        }
        String ha = ma.suite().dataset() == null ? null : ma.suite().dataset().sha256();
        String hb = mb.suite().dataset() == null ? null : mb.suite().dataset().sha256();
        if (ha == null || !ha.equals(hb)) {
            return links.text("compare.note.datasets", ha, hb);
        }
        if (a.simulated() != b.simulated()) {
            return links.text("compare.note.mixed");
        }
        return null;
    }

    static String sentence(RunEntry a, RunEntry b, PairedDifference d, Links links) {
        String ma = a.manifest().model().id();
        String mb = b.manifest().model().id();
        String prefix = a.simulated() ? links.text("compare.sentence.simulated") : "";
        if (d.ci95Low() == null) {
            return prefix + links.text("compare.sentence.one", d.tasks());
        }
        String higher = d.difference() >= 0 ? ma : mb;
        String lower = d.difference() >= 0 ? mb : ma;
        boolean separated = d.ci95Low() > 0 || d.ci95High() < 0;
        return prefix + links.text("compare.sentence." + (d.difference() == 0 ? "same" : "higher") + "." + (separated ? "separated" : "overlapping"),
                d.tasks(), higher, points(Math.abs(d.difference())), lower);
    }

    private static ComparePage.Side side(RunEntry r, int tasks, Links links) {
        Metrics m = r.manifest().metrics();
        return new ComparePage.Side(r.runId(), links.run(r.runId()), r.manifest().model().id(), links.model(r.modelSlug()),
                r.manifest().lane().id(), r.simulated(), Fmt.pct(m.score()), Fmt.plusMinus(m.ci95Low(), m.ci95High()),
                Fmt.count(m.outputTokens() == null ? 0 : m.outputTokens().mean()), tasks);
    }

    /** A difference of scores in percentage points, signed. */
    private static String points(double x) {
        return String.format(Locale.ROOT, "%+.1f", 100 * x);
    }

    private static List<ComparePage.Group> groups(ResultsIndex index, String a, String b) {
        Map<String, List<RunEntry>> byData = new TreeMap<>();
        for (RunEntry r : index.runs()) {
            var d = r.manifest().suite().dataset();
            if (d == null || d.sha256() == null || r.manifest().metrics() == null || r.manifest().metrics().score() == null) {
                continue;
            }
            byData.computeIfAbsent(r.manifest().suite().id() + " · " + r.datasetName() + " (" + d.sha256().substring(0, 12)
                    + ")", k -> new ArrayList<>()).add(r);
        }
        List<ComparePage.Group> out = new ArrayList<>();
        byData.forEach((label, runs) -> {
            if (runs.size() > 1) {
                out.add(new ComparePage.Group(label, runs.stream().sorted(Comparator.comparing(RunEntry::runId).reversed())
                        .map(r -> new ComparePage.Choice(r.runId(), r.manifest().model().id() + " · " + r.manifest().lane().id()
                                + (r.simulated() ? " · SIM" : "") + " · " + r.runId(), r.runId().equals(a), r.runId().equals(b)))
                        .toList()));
            }
        });
        return out;
    }
}
