package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ServerMeans;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The per-point comparisons of {@code metrics.calibration} (docs/throughput.md "Calibration"): the client's TTFT against
 * the simulator's configured one, and its TTFT and TPOT against the engine's own timings. Over the completed measured
 * requests of a point, from their records alone (verify recomputes them).
 */
final class ThroughputCalibration {
    private ThroughputCalibration() {
    }

    /** The point's TTFT error against the simulator's truth, or null when its records carry none. */
    static Calibration.SimulatorTtft simulatorTtft(int index, List<Sample> group) {
        Histogram error = ThroughputMetrics.histogram();
        Histogram ttft = ThroughputMetrics.histogram();
        long truth = -1;
        for (Sample s : group) {
            LoadRecord r = s.load();
            if (!measured(s) || r.simulatedTtftUs() == null) {
                continue;
            }
            truth = r.simulatedTtftUs();
            long us = r.firstTokenUs() - r.sentUs();
            ttft.recordValue(us);
            // The simulator never answers before its TTFT: a negative error is only the clocks' rounding.
            error.recordValue(Math.max(0, us - truth));
        }
        if (truth < 0) {
            return null;
        }
        return new Calibration.SimulatorTtft(index, (int) ttft.getTotalCount(), truth / 1000.0, ms(error, 50),
                ms(error, 99), ms(ttft, 99));
    }

    /** The point's client times against the engine's clock, or null when no record carries server timings. */
    static Calibration.EngineClock engineClock(int index, List<Sample> group) {
        Histogram clientTtft = ThroughputMetrics.histogram();
        Histogram serverTtft = ThroughputMetrics.histogram();
        Histogram clientTpot = ThroughputMetrics.histogram();
        Histogram serverTpot = ThroughputMetrics.histogram();
        for (Sample s : group) {
            LoadRecord r = s.load();
            if (!measured(s) || r.serverTiming() == null) {
                continue;
            }
            clientTtft.recordValue(r.firstTokenUs() - r.sentUs());
            serverTtft.recordValue(Math.max(0, Math.round(r.serverTiming().promptMs() * 1000)));
            long tokens = s.usage().completionTokens() > 0 ? s.usage().completionTokens() : r.countedTokens();
            Double server = r.serverTiming().tpotMs();
            if (tokens > 1 && server != null) {
                clientTpot.recordValue(Math.round((r.lastTokenUs() - r.firstTokenUs()) / (double) (tokens - 1)));
                serverTpot.recordValue(Math.max(0, Math.round(server * 1000)));
            }
        }
        if (clientTtft.getTotalCount() == 0) {
            return null;
        }
        double c = ms(clientTtft, 50);
        double sv = ms(serverTtft, 50);
        Double ct = clientTpot.getTotalCount() == 0 ? null : ms(clientTpot, 50);
        Double st = serverTpot.getTotalCount() == 0 ? null : ms(serverTpot, 50);
        Double ratio = ct == null || st == null || st == 0 ? null : ct / st;
        return new Calibration.EngineClock(index, (int) clientTtft.getTotalCount(), c, sv, c - sv, ct, st, ratio);
    }

    /** The point's client means against the engine's Prometheus means, or null when its records carry none. */
    static Calibration.EngineMeans engineMeans(int index, List<Sample> group) {
        ServerMeans server = null;
        int requests = 0;
        long ttftUs = 0;
        long decodeUs = 0;
        long gaps = 0;
        for (Sample s : group) {
            LoadRecord r = s.load();
            if (r.serverMeans() == null || !s.graded() || r.firstTokenUs() == null || r.sentUs() == null) {
                continue;
            }
            server = r.serverMeans();
            requests++;
            ttftUs += r.firstTokenUs() - r.sentUs();
            long tokens = s.usage().completionTokens() > 0 ? s.usage().completionTokens() : r.countedTokens();
            if (tokens > 1) {
                decodeUs += r.lastTokenUs() - r.firstTokenUs();
                gaps += tokens - 1;
            }
        }
        if (server == null) {
            return null;
        }
        double clientTtft = ttftUs / 1000.0 / requests;
        Double clientTpot = gaps == 0 ? null : decodeUs / 1000.0 / gaps;
        Double ratio = clientTpot == null || server.tpotMs() == null || server.tpotMs() == 0 ? null : clientTpot / server.tpotMs();
        return new Calibration.EngineMeans(index, requests, server.requests(), clientTtft, server.ttftMs(),
                server.ttftMs() == null ? null : clientTtft - server.ttftMs(), clientTpot, server.tpotMs(), ratio);
    }

    /** A completed request outside warm-up with a first token. */
    private static boolean measured(Sample s) {
        return !s.load().warmup() && s.graded() && s.load().firstTokenUs() != null && s.load().sentUs() != null;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
