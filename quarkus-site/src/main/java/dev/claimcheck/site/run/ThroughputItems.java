package dev.claimcheck.site.run;

import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.throughput.ThroughputView;
import java.util.ArrayList;
import java.util.List;

/** A serving bench's run page lines in the page's language: one per load point (docs/throughput.md), then the calibrations. */
final class ThroughputItems {
    private ThroughputItems() {
    }

    static List<RunPage.Item> of(Metrics x, Links links) {
        List<RunPage.Item> out = new ArrayList<>();
        for (ThroughputPoint p : x.get(ThroughputFigures.POINTS)) {
            String validity = p.valid() ? "" : " · " + (p.clientBound() ? links.text("run.tp.invalid.clientBound") : links.text("run.tp.invalid"));
            out.add(RunPage.Item.of(links.text("run.tp.point", p.index(), ThroughputView.load(p, links), p.inputTokens(), p.outputTokens()),
                    links.text("run.tp.point.value", millis(p.ttftMsP50()), millis(p.ttftMsP99()), millis(p.tpotMsP50()),
                            millis(p.tpotMsP99()), millis(p.itlMsP99()), millis(p.e2eMsP50()), Fmt.dec(p.requestsPerSecond(), 2),
                            Fmt.dec(p.outputTokensPerSecond(), 1), p.completed(), p.requests(), p.errors(), p.earlyEnded()) + validity));
        }
        Calibration c = x.get(ThroughputFigures.CALIBRATION);
        if (c != null && c.hasReceiveLag()) {
            out.add(RunPage.Item.of("calibration (simulator)", links.text("run.tp.receiveLag", millis(c.receiveLagMsP50()),
                    millis(c.receiveLagMsP99()), millis(c.receiveLagMsP999()), c.tokenMismatches(), c.requests())));
        }
        calibrations(out, c, links);
        return out;
    }

    /** Per point: TTFT against the simulator's truth, client times against the engine's own clock. */
    private static void calibrations(List<RunPage.Item> out, Calibration c, Links links) {
        if (c == null) {
            return;
        }
        for (Calibration.SimulatorTtft t : c.simulatorTtft() == null ? List.<Calibration.SimulatorTtft>of() : c.simulatorTtft()) {
            out.add(RunPage.Item.of(links.text("run.tp.simTtft", t.index(), millis(t.truthTtftMs())),
                    links.text("run.tp.simTtft.value", millis(t.ttftErrorMsP50()), millis(t.ttftErrorMsP99()), t.requests())));
        }
        for (Calibration.EngineClock e : c.engineClock() == null ? List.<Calibration.EngineClock>of() : c.engineClock()) {
            out.add(RunPage.Item.of(links.text("run.tp.engineClock", e.index()), links.text("run.tp.engineClock.value",
                    millis(e.ttftDiffMsP50()), ratio(e.tpotRatio()), e.matched())));
        }
        for (Calibration.EngineMeans e : c.engineMeans() == null ? List.<Calibration.EngineMeans>of() : c.engineMeans()) {
            out.add(RunPage.Item.of(links.text("run.tp.engineMeans", e.index()), links.text("run.tp.engineMeans.value",
                    millis(e.ttftDiffMsMean()), ratio(e.tpotRatio()), e.requests())));
        }
    }

    private static String ratio(Double r) {
        return r == null ? Fmt.NONE : Fmt.dec(r, 3);
    }

    /** Two decimals, unlike {@link Fmt#ms}: receive lags and simulated latencies are sub-millisecond. */
    private static String millis(Double v) {
        return v == null ? Fmt.NONE : Fmt.dec(v, 2) + " ms";
    }
}
