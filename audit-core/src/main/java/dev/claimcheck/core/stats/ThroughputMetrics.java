package dev.claimcheck.core.stats;

import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.ClientLoad;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ThroughputPoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The throughput workload's figures ({@code metrics.points[]} and {@code metrics.calibration}), computed from the
 * per-request records alone so {@code verify} recomputes them exactly. Definitions: docs/throughput.md.
 */
public final class ThroughputMetrics {
    /** A point is client-bound when the client's loop thread used more than this share of a core... */
    public static final double MAX_CLIENT_CPU_SHARE = 0.85;
    /** ... or its 1 ms tick ran later than this at p99 (the client then delays what it timestamps). */
    public static final long MAX_LOOP_LAG_US_P99 = 5_000;
    /**
     * A point is a cache replay when the engine served more prompt tokens from its prefix cache than the point shares
     * on purpose by more than this many tokens per request on average... (a chat template's common opening can fill
     * a cache block or two on every request; that is not a replay)
     */
    public static final long CACHE_SLACK_TOKENS = 64;
    /** ... and more than this share of the prompt tokens. */
    public static final double CACHE_SLACK_SHARE = 0.05;

    private ThroughputMetrics() {
    }

    /** The points and calibration of a throughput run (calibration null when nothing is known to compare with). */
    public record Figures(List<ThroughputPoint> points, Calibration calibration) {
    }

    public static Figures of(Collection<Sample> samples) {
        Map<Integer, List<Sample>> byPoint = new TreeMap<>();
        for (Sample s : samples) {
            if (s.load() != null) {
                byPoint.computeIfAbsent(s.load().point().index(), i -> new ArrayList<>()).add(s);
            }
        }
        List<ThroughputPoint> points = new ArrayList<>(byPoint.size());
        Histogram lag = histogram();
        int traced = 0;
        int simMismatches = 0;
        List<Calibration.SimulatorTtft> simulatorTtft = new ArrayList<>();
        List<Calibration.EngineClock> engineClock = new ArrayList<>();
        List<Calibration.EngineMeans> engineMeans = new ArrayList<>();
        for (List<Sample> group : byPoint.values()) {
            ThroughputPoint point = point(group);
            points.add(point);
            Calibration.SimulatorTtft truth = ThroughputCalibration.simulatorTtft(point.index(), group);
            if (truth != null) {
                simulatorTtft.add(truth);
            }
            Calibration.EngineClock clock = ThroughputCalibration.engineClock(point.index(), group);
            if (clock != null) {
                engineClock.add(clock);
            }
            Calibration.EngineMeans means = ThroughputCalibration.engineMeans(point.index(), group);
            if (means != null) {
                engineMeans.add(means);
            }
            for (Sample s : group) {
                LoadRecord r = s.load();
                if (r.warmup() || r.simulatedTokens() == null) {
                    continue;
                }
                traced++;
                if (r.simulatedTokens() != r.countedTokens()) {
                    simMismatches++;
                }
                if (r.receiveLagsUs() != null) {
                    for (int v : r.receiveLagsUs()) {
                        lag.recordValue(Math.max(0, v));
                    }
                }
            }
        }
        Calibration calibration = traced == 0 && simulatorTtft.isEmpty() && engineClock.isEmpty() && engineMeans.isEmpty()
                ? null
                : traced == 0 ? new Calibration(null, null, null, null, null, null, simulatorTtft, engineClock, engineMeans)
                : new Calibration(ms(lag, 50), ms(lag, 99), ms(lag, 99.9), simMismatches, traced, lag.getTotalCount(),
                simulatorTtft, engineClock, engineMeans);
        return new Figures(points, calibration);
    }

    private static ThroughputPoint point(List<Sample> group) {
        LoadPoint p = group.get(0).load().point();
        ClientLoad client = busiest(group);
        Histogram ttft = histogram();
        Histogram content = histogram();
        Histogram tpot = histogram();
        Histogram itl = histogram();
        Histogram e2e = histogram();
        Histogram sendLag = histogram();
        int requests = 0;
        int warmup = 0;
        int completed = 0;
        int errors = 0;
        int early = 0;
        int mismatches = 0;
        int missingUsage = 0;
        int good = 0;
        long outputTokens = 0;
        long promptTokens = 0;
        long cachedTokens = 0;
        long reportedPrompt = 0;
        int reported = 0;
        long windowStart = Long.MAX_VALUE;
        long windowEnd = Long.MIN_VALUE;
        for (Sample s : group) {
            LoadRecord r = s.load();
            if (r.warmup()) {
                warmup++;
                continue;
            }
            requests++;
            if (p.openLoop() && r.sentUs() != null) {
                sendLag.recordValue(Math.max(0, r.sentUs() - r.scheduledUs()));
            }
            if (r.sentUs() != null) {
                windowStart = Math.min(windowStart, r.sentUs());
            }
            if (r.doneUs() != null) {
                windowEnd = Math.max(windowEnd, r.doneUs());
            }
            if (!s.graded()) {
                errors++;
                continue;
            }
            completed++;
            boolean usage = s.usage().promptTokens() > 0 || s.usage().completionTokens() > 0;
            if (!usage) {
                missingUsage++;
            }
            if (r.earlyEnd()) {
                early++;
            }
            if (r.tokenMismatch(s.usage().completionTokens())) {
                mismatches++;
            }
            long tokens = usage ? s.usage().completionTokens() : r.countedTokens();
            outputTokens += tokens;
            promptTokens += usage ? s.usage().promptTokens() : p.inputTokens();
            if (usage) {
                reported++;
                reportedPrompt += s.usage().promptTokens();
                cachedTokens += s.usage().cachedTokens();
            }
            e2e.recordValue(r.doneUs() - r.sentUs());
            Long ttftUs = r.firstTokenUs() == null ? null : r.firstTokenUs() - r.sentUs();
            if (ttftUs != null) {
                ttft.recordValue(ttftUs);
            }
            if (r.firstContentUs() != null) {
                content.recordValue(r.firstContentUs() - r.sentUs());
            }
            Long tpotUs = null;
            if (r.firstTokenUs() != null && tokens > 1) {
                tpotUs = Math.round((r.lastTokenUs() - r.firstTokenUs()) / (double) (tokens - 1));
                tpot.recordValue(tpotUs);
            }
            int[] gaps = r.gapsUs();
            for (int i = 0; i < gaps.length; i++) {
                int k = r.tokensOf(i + 1);
                if (k > 0) {
                    itl.recordValueWithCount(Math.round(gaps[i] / (double) k), k);
                }
            }
            if (p.hasSlo() && meets(p.sloTtftMs(), ttftUs) && meets(p.sloTpotMs(), tpotUs == null ? 0L : tpotUs)) {
                good++;
            }
        }
        double window = windowEnd > windowStart ? (windowEnd - windowStart) / 1e6 : 0;
        double rps = window > 0 ? completed / window : 0;
        double otps = window > 0 ? outputTokens / window : 0;
        double ttps = window > 0 ? (outputTokens + promptTokens) / window : 0;
        boolean clientBound = client.cpuShare() > MAX_CLIENT_CPU_SHARE || client.loopLagUsP99() > MAX_LOOP_LAG_US_P99;
        double cachedShare = reportedPrompt > 0 ? cachedTokens / (double) reportedPrompt : 0;
        boolean replay = cacheReplay(cachedTokens, reportedPrompt, reported, p.intendedCachedShare());
        return new ThroughputPoint(p.index(), p.concurrency(), p.rate(), p.arrival(), p.burstiness(), p.inputTokens(),
                p.outputTokens(), requests, warmup, completed, errors, early, mismatches, missingUsage, window,
                pct(ttft, 50), pct(ttft, 90), pct(ttft, 95), pct(ttft, 99), pct(ttft, 99.9),
                pct(content, 50), pct(content, 99),
                pct(tpot, 50), pct(tpot, 90), pct(tpot, 95), pct(tpot, 99), pct(tpot, 99.9),
                pct(itl, 50), pct(itl, 90), pct(itl, 95), pct(itl, 99), pct(itl, 99.9),
                pct(e2e, 50), pct(e2e, 90), pct(e2e, 95), pct(e2e, 99), pct(e2e, 99.9),
                rps, otps, ttps, p.hasSlo() ? (window > 0 ? good / window : 0.0) : null,
                p.openLoop() ? pct(sendLag, 99) : null, client.cpuShare(), client.loopLagUsP99() / 1000.0,
                clientBound, cachedShare, replay, completed > 0 && !clientBound && !replay);
    }

    /**
     * More prompt tokens came from the prefix cache than the point shares on purpose, beyond both slacks
     * ({@link #CACHE_SLACK_TOKENS} per request, {@link #CACHE_SLACK_SHARE} of the prompt tokens).
     *
     * @param requests the completed requests whose usage was reported (the others say nothing about the cache)
     */
    static boolean cacheReplay(long cachedTokens, long promptTokens, int requests, double intendedShare) {
        if (requests == 0 || promptTokens == 0) {
            return false;
        }
        double excess = cachedTokens - intendedShare * promptTokens;
        return excess > CACHE_SLACK_TOKENS * (double) requests && excess > CACHE_SLACK_SHARE * promptTokens;
    }

    /** The busiest client of a point: one record's for a single client, the worst shard's for merged shards. */
    private static ClientLoad busiest(List<Sample> group) {
        double cpu = 0;
        long lag = 0;
        for (Sample s : group) {
            cpu = Math.max(cpu, s.load().client().cpuShare());
            lag = Math.max(lag, s.load().client().loopLagUsP99());
        }
        return new ClientLoad(cpu, lag);
    }

    private static boolean meets(Double boundMs, Long valueUs) {
        return boundMs == null || valueUs != null && valueUs <= boundMs * 1000.0;
    }

    /** Microsecond values, 3 significant digits, growing as needed: the same records give the same percentiles. */
    public static Histogram histogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    private static Double pct(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? null : ms(h, percentile);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
