package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ThroughputPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The serving bench's blocks, {@code metrics.points} and {@code metrics.calibration} ({@link ThroughputMetrics}). A
 * serving bench has no score (docs/throughput.md): its verdicts only mark complete requests.
 */
public final class ThroughputFigures implements Figures {
    public static final ThroughputFigures INSTANCE = new ThroughputFigures();
    /** run.json {@code metrics.points}: the measured load points (docs/throughput.md). */
    public static final MetricsBlock<List<ThroughputPoint>> POINTS = MetricsBlock.listOf("points", ThroughputPoint.class);
    /**
     * run.json {@code metrics.calibration}: receive lag and token mismatches against the simulator, TTFT against its
     * configured truth, TTFT and TPOT against an engine's own timings.
     */
    public static final MetricsBlock<Calibration> CALIBRATION = MetricsBlock.of("calibration", Calibration.class);

    private ThroughputFigures() {
    }

    @Override
    public String title() {
        return "Throughput";
    }

    @Override
    public String measured() {
        return "serving throughput; no score";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        ThroughputMetrics.Figures f = ThroughputMetrics.of(samples);
        return shared.withScore(null, null, null, null).with(POINTS, f.points()).with(CALIBRATION, f.calibration());
    }

    /** Per point {@code throughput.p<index>.<figure>} (n = measured requests), then the calibration. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        List<ThroughputPoint> points = m.get(POINTS);
        if (points == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        for (ThroughputPoint p : points) {
            String at = "throughput.p" + p.index() + ".";
            out.add(p.concurrency() != null ? FigureRow.of(at + "concurrency", p.concurrency(), null)
                    : FigureRow.of(at + "rate", p.rate(), null));
            out.add(FigureRow.of(at + "inputTokens", p.inputTokens(), null));
            out.add(FigureRow.of(at + "ttftMsP50", p.ttftMsP50(), p.completed()));
            out.add(FigureRow.of(at + "ttftMsP99", p.ttftMsP99(), p.completed()));
            out.add(FigureRow.of(at + "tpotMsP50", p.tpotMsP50(), p.completed()));
            out.add(FigureRow.of(at + "tpotMsP99", p.tpotMsP99(), p.completed()));
            out.add(FigureRow.of(at + "itlMsP99", p.itlMsP99(), p.completed()));
            out.add(FigureRow.of(at + "e2eMsP50", p.e2eMsP50(), p.completed()));
            out.add(FigureRow.of(at + "requestsPerSecond", p.requestsPerSecond(), p.completed()));
            out.add(FigureRow.of(at + "outputTokensPerSecond", p.outputTokensPerSecond(), p.completed()));
            out.add(FigureRow.of(at + "errors", p.errors(), p.requests()));
            out.add(FigureRow.of(at + "valid", p.valid(), null));
        }
        Calibration c = m.get(CALIBRATION);
        if (c != null && c.hasReceiveLag()) {
            out.add(FigureRow.of("calibration.receiveLagMsP50", c.receiveLagMsP50(), c.events()));
            out.add(FigureRow.of("calibration.receiveLagMsP99", c.receiveLagMsP99(), c.events()));
            out.add(FigureRow.of("calibration.receiveLagMsP999", c.receiveLagMsP999(), c.events()));
            out.add(FigureRow.of("calibration.tokenMismatches", c.tokenMismatches(), c.requests()));
        }
        if (c != null && c.simulatorTtft() != null) {
            for (Calibration.SimulatorTtft t : c.simulatorTtft()) {
                String at = "calibration.p" + t.index() + ".";
                out.add(FigureRow.of(at + "simTtftErrorMsP50", t.ttftErrorMsP50(), t.requests()));
                out.add(FigureRow.of(at + "simTtftErrorMsP99", t.ttftErrorMsP99(), t.requests()));
            }
        }
        if (c != null && c.engineClock() != null) {
            for (Calibration.EngineClock e : c.engineClock()) {
                String at = "calibration.p" + e.index() + ".";
                out.add(FigureRow.of(at + "engineTtftDiffMsP50", e.ttftDiffMsP50(), e.matched()));
                out.add(FigureRow.of(at + "engineTpotRatio", e.tpotRatio(), e.matched()));
            }
        }
        if (c != null && c.engineMeans() != null) {
            for (Calibration.EngineMeans e : c.engineMeans()) {
                String at = "calibration.p" + e.index() + ".";
                out.add(FigureRow.of(at + "engineTtftDiffMsMean", e.ttftDiffMsMean(), e.requests()));
                out.add(FigureRow.of(at + "engineTpotRatioMean", e.tpotRatio(), e.requests()));
            }
        }
        return out;
    }
}
