package dev.claimcheck.site.throughput;

import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the throughput section: throughput runs by hardware lane, their points, charts and A/B comparisons. */
public final class ThroughputView {
    public static final String ID = "w-throughput";

    private ThroughputView() {
    }

    /** The throughput runs (those with {@code metrics.points}) by lane, lanes sorted, runs by model then run id. */
    public static Map<ThroughputLaneKey, List<RunEntry>> lanes(ResultsIndex index) {
        Map<ThroughputLaneKey, List<RunEntry>> out = new TreeMap<>();
        index.runs().stream()
                .filter(r -> r.manifest().workload() == Workload.THROUGHPUT && r.manifest().metrics().get(ThroughputFigures.POINTS) != null)
                .sorted(Comparator.comparing((RunEntry r) -> r.manifest().model().id()).thenComparing(RunEntry::runId))
                .forEach(r -> out.computeIfAbsent(ThroughputLaneKey.of(r.manifest()), k -> new ArrayList<>()).add(r));
        return out;
    }

    public static ThroughputSection build(ResultsIndex index, Links links) {
        List<ThroughputSection.Lane> lanes = new ArrayList<>();
        List<ThroughputSection.Comparison> comparisons = new ArrayList<>();
        int n = 0;
        for (Map.Entry<ThroughputLaneKey, List<RunEntry>> e : lanes(index).entrySet()) {
            ThroughputLaneKey key = e.getKey();
            List<ThroughputSection.Run> runs = new ArrayList<>();
            List<ThroughputChart.Series> output = new ArrayList<>();
            List<ThroughputChart.Series> ttft = new ArrayList<>();
            for (RunEntry r : e.getValue()) {
                runs.add(run(r, links));
                series(r, output, ttft, links);
                comparison(r, index, links).ifPresent(comparisons::add);
            }
            String where = " · " + key.title(links);
            lanes.add(new ThroughputSection.Lane("lane-" + (++n), key.title(links), key.hardware(links), key.source(links),
                    key.settingsText(), key.engineText(links), key.simulated(), runs,
                    ThroughputChart.svg(output, links.text("tp.chart.output", where), links.text("tp.chart.output.axis"), links),
                    ThroughputChart.svg(ttft, links.text("tp.chart.ttft", where), links.text("tp.chart.ttft.axis"), links)));
        }
        return new ThroughputSection(ID, links.text("workload." + Workload.THROUGHPUT.id() + ".title"),
                links.text("tp.measured"), lanes, comparisons, links.text("tp.memoryAccess"));
    }

    /** Every point of every throughput run, lane by lane: the API's representation of throughput (no score rows). */
    public static List<ThroughputRow> rows(ResultsIndex index) {
        List<ThroughputRow> out = new ArrayList<>();
        lanes(index).forEach((key, runs) -> runs.forEach(r -> {
            RunManifest m = r.manifest();
            String arm = m.suite().options() == null ? null : m.suite().options().get("--ab-arm");
            for (ThroughputPoint p : m.metrics().get(ThroughputFigures.POINTS)) {
                out.add(new ThroughputRow(key.title(), r.runId(), m.model().id(), r.modelSlug(), r.simulated(), r.trust(),
                        key.hardware(), key.source(), key.nodes(), key.settings(), key.engine(), key.engineVersion(), arm,
                        p.index(), p.concurrency(), p.rate(), p.arrival(), p.inputTokens(), p.outputTokens(), p.requests(),
                        p.completed(), p.errors(), p.earlyEnded(), p.ttftMsP50(), p.ttftMsP99(), p.tpotMsP50(), p.tpotMsP99(),
                        p.itlMsP99(), p.e2eMsP50(), p.requestsPerSecond(), p.outputTokensPerSecond(),
                        p.goodputRequestsPerSecond(), p.clientBound(), p.valid(), m.finishedAt()));
            }
        }));
        return out;
    }

    static ThroughputSection.Run run(RunEntry r, Links links) {
        RunManifest m = r.manifest();
        Map<String, String> options = m.suite().options() == null ? Map.of() : m.suite().options();
        List<ThroughputSection.Point> points = m.metrics().get(ThroughputFigures.POINTS).stream().map(p -> point(p, links)).toList();
        return new ThroughputSection.Run(r.runId(), links.run(r.runId()), m.model().id(), links.model(r.modelSlug()),
                r.badges(), r.simulated(), links.fmt().day(m.finishedAt()), options.getOrDefault("--slo", ""),
                options.getOrDefault("--ab-arm", ""), points);
    }

    static ThroughputSection.Point point(ThroughputPoint p, Links links) {
        String status = p.valid() ? links.text("tp.status.valid") : p.clientBound() ? links.text("tp.status.clientBound")
                : p.cacheReplay() ? links.text("tp.status.cacheReplay", Fmt.pct(p.cachedShare()))
                : links.text("tp.status.invalid");
        return new ThroughputSection.Point(Integer.toString(p.index()), load(p, links), Fmt.count(p.inputTokens()),
                Fmt.count(p.outputTokens()), ms(p.ttftMsP50()), ms(p.ttftMsP99()), ms(p.tpotMsP50()), ms(p.tpotMsP99()),
                ms(p.itlMsP99()), ms(p.e2eMsP50()), Fmt.dec(p.requestsPerSecond(), 2), Fmt.dec(p.outputTokensPerSecond(), 1),
                Fmt.dec(p.goodputRequestsPerSecond(), 2), p.completed() + "/" + p.requests(), Integer.toString(p.errors()),
                Integer.toString(p.earlyEnded()), p.valid(), p.clientBound(), status);
    }

    /** "concurrency 8" or "2 req/s poisson" (with its burstiness), in the page's language; the arrival process is an option's value. */
    public static String load(ThroughputPoint p, Links links) {
        if (p.concurrency() != null) {
            return links.text("tp.load.concurrency", p.concurrency());
        }
        String rate = links.text("tp.load.rate", ThroughputChart.number(p.rate() == null ? 0 : p.rate()));
        String arrival = p.arrival() == null ? "" : " " + p.arrival();
        return rate + arrival + (p.burstiness() == null ? "" : " " + links.text("tp.load.burstiness", ThroughputChart.number(p.burstiness())));
    }

    private static String ms(Double v) {
        return v == null ? Fmt.NONE : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    /** One series per input length of the run, points in load order. */
    static void series(RunEntry r, List<ThroughputChart.Series> output, List<ThroughputChart.Series> ttft, Links links) {
        Map<Integer, List<ThroughputPoint>> byInput = new LinkedHashMap<>();
        r.manifest().metrics().get(ThroughputFigures.POINTS).stream()
                .sorted(Comparator.comparingInt(ThroughputPoint::inputTokens).thenComparingDouble(ThroughputView::loadValue))
                .forEach(p -> byInput.computeIfAbsent(p.inputTokens(), k -> new ArrayList<>()).add(p));
        byInput.forEach((input, points) -> {
            String label = links.text("tp.series", r.manifest().model().id(), r.runId(), input);
            output.add(new ThroughputChart.Series(label, points.stream()
                    .map(p -> new ThroughputChart.Point(loadValue(p), p.completed() > 0 ? p.outputTokensPerSecond() : null, p.valid()))
                    .toList()));
            ttft.add(new ThroughputChart.Series(label, points.stream()
                    .map(p -> new ThroughputChart.Point(loadValue(p), p.ttftMsP99(), p.valid())).toList()));
        });
    }

    static double loadValue(ThroughputPoint p) {
        return p.concurrency() != null ? p.concurrency() : p.rate() == null ? 0 : p.rate();
    }

    /** The A/B comparison stored in arm A's folder ({@link ServingBench#COMPARISON}); arm B's copy is not shown twice. */
    static Optional<ThroughputSection.Comparison> comparison(RunEntry r, ResultsIndex index, Links links) {
        Optional<ThroughputComparison.Report> stored;
        try {
            stored = report(r);
        } catch (UncheckedIOException e) {
            return Optional.of(new ThroughputSection.Comparison(r.manifest().model().id(), links.run(r.runId()), Fmt.NONE, "",
                    0, r.simulated(), List.of(), e.getMessage()));
        }
        if (stored.isEmpty() || !r.runId().equals(stored.get().runA())) {
            return Optional.empty();
        }
        ThroughputComparison.Report report = stored.get();
        String hrefB = index.run(report.runB()).map(b -> links.run(b.runId())).orElse("");
        List<ThroughputSection.Ratio> rows = report.rows().stream().map(x -> ratio(x, links)).toList();
        return Optional.of(new ThroughputSection.Comparison(report.modelA(), links.run(r.runId()), report.modelB(),
                hrefB, report.repeats(), r.simulated(), rows, hrefB.isEmpty() ? links.text("tp.ab.armBMissing", report.runB()) : ""));
    }

    /**
     * The run folder's {@code comparison.json}, if any.
     *
     * @throws UncheckedIOException with a one-line message when the file is there but unreadable
     */
    public static Optional<ThroughputComparison.Report> report(RunEntry r) {
        Path file = r.folder().dir().resolve(ServingBench.COMPARISON);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), ThroughputComparison.Report.class));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(ServingBench.COMPARISON + " of " + r.runId() + " is unreadable: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }

    public static ThroughputSection.Ratio ratio(ThroughputComparison.Row x, Links links) {
        String load = x.concurrency() != null ? links.text("tp.load.concurrency", x.concurrency())
                : links.text("tp.load.rate", ThroughputChart.number(x.rate() == null ? 0 : x.rate()));
        String ci = x.ratioCi95Low() == null ? links.text("tp.ab.noCi")
                : links.text("tp.ab.ci", String.format(Locale.ROOT, "%.3f", x.ratioCi95Low()), String.format(Locale.ROOT, "%.3f", x.ratioCi95High()));
        return new ThroughputSection.Ratio(Fmt.count(x.inputTokens()), load, ms(x.ttftMsP50A()), ms(x.ttftMsP50B()),
                ms(x.tpotMsP50A()), ms(x.tpotMsP50B()), Fmt.dec(x.outputTokensPerSecondA(), 1), Fmt.dec(x.outputTokensPerSecondB(), 1),
                x.ratio() == null ? Fmt.NONE : String.format(Locale.ROOT, "%.3f", x.ratio()), ci,
                x.allValid() ? "" : links.text("tp.ab.invalid"));
    }
}
