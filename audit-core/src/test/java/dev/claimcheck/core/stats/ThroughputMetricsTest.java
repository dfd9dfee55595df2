package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ClientLoad;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputMetricsTest {
    static final ClientLoad IDLE = new ClientLoad(0.1, 200);
    static final LoadPoint C2 = new LoadPoint(0, 2, null, null, null, 100, 5, null, null, null);

    /** A completed request: sent at {@code sent} ms, tokens at the given ms offsets after the send, done 1 ms after the last. */
    static Sample done(LoadPoint p, int n, boolean warmup, long sentMs, long[] tokenMs, int[] eventTokens, Long simulated,
                       ClientLoad client) {
        long sent = sentMs * 1000;
        int[] gaps = new int[tokenMs.length - 1];
        long counted = 0;
        for (int i = 0; i < tokenMs.length; i++) {
            counted += eventTokens == null ? 1 : eventTokens[i];
            if (i > 0) {
                gaps[i - 1] = (int) ((tokenMs[i] - tokenMs[i - 1]) * 1000);
            }
        }
        long first = sent + tokenMs[0] * 1000;
        long last = sent + tokenMs[tokenMs.length - 1] * 1000;
        LoadRecord r = new LoadRecord(p, warmup, sent, sent, sent + 500, first, first, first, last, last + 1000, 200, gaps,
                eventTokens, counted, null, simulated, simulated == null ? null : new int[] {100, 200}, false, client, null, null);
        return new Sample("p000-" + n, 0, null, "h" + n, 100L, null, null, new Usage(100, counted, 0, 0), null,
                new Verdict(true, 1, "", "", "serving", "1", "complete"), null, null, null, r);
    }

    static Sample failed(LoadPoint p, int n, long sentMs) {
        LoadRecord r = new LoadRecord(p, false, sentMs * 1000, sentMs * 1000, sentMs * 1000 + 100, null, null, null, null,
                sentMs * 1000 + 200, 429, null, null, 0, null, null, null, false, IDLE, null, null);
        return new Sample("p000-" + n, 0, null, "h" + n, 100L, null, null, null, null, null,
                new AttemptError(ErrorCause.RATE_LIMITED, "HTTP 429", 0), null, null, r);
    }

    @Test
    void tpotIsDecodeTimeOverTokensMinusOneAndTheWarmUpIsNotCounted() {
        List<Sample> s = List.of(
                done(C2, 0, true, 0, new long[] {1, 2}, null, null, IDLE),                 // warm-up: ignored
                done(C2, 1, false, 0, new long[] {100, 110, 120, 130, 140}, null, null, IDLE), // ttft 100, tpot 10
                done(C2, 2, false, 500, new long[] {200, 220, 240, 260, 280}, null, null, IDLE)); // ttft 200, tpot 20
        ThroughputPoint p = ThroughputMetrics.of(s).points().get(0);
        assertThat(p.requests()).isEqualTo(2);
        assertThat(p.warmup()).isEqualTo(1);
        assertThat(p.completed()).isEqualTo(2);
        assertThat(p.ttftMsP50()).isCloseTo(100, within(0.2));
        assertThat(p.ttftMsP99()).isCloseTo(200, within(0.2));
        assertThat(p.tpotMsP50()).isCloseTo(10, within(0.02));
        assertThat(p.tpotMsP99()).isCloseTo(20, within(0.02));
        assertThat(p.e2eMsP50()).isCloseTo(141, within(0.2));
        // window: first measured send (0 ms) to last measured end (500 + 281 ms)
        assertThat(p.windowS()).isCloseTo(0.781, within(1e-9));
        assertThat(p.requestsPerSecond()).isCloseTo(2 / 0.781, within(1e-9));
        assertThat(p.outputTokensPerSecond()).isCloseTo(10 / 0.781, within(1e-9));
        assertThat(p.totalTokensPerSecond()).isCloseTo(210 / 0.781, within(1e-9));
        assertThat(p.goodputRequestsPerSecond()).isNull();
        assertThat(p.sendLagMsP99()).isNull();
        assertThat(p.valid()).isTrue();
    }

    @Test
    void itlDividesEachGapByTheTokensTheEventCarried() {
        // events at 0, 30 (3 tokens), 40 ms: ITL per token is 10, 10, 10 and 10 ms, not one 30 ms gap
        Sample s = done(C2, 0, false, 0, new long[] {0, 30, 40}, new int[] {1, 3, 1}, null, IDLE);
        ThroughputPoint p = ThroughputMetrics.of(List.of(s)).points().get(0);
        assertThat(p.itlMsP99()).isCloseTo(10, within(0.02));
        assertThat(p.itlMsP50()).isCloseTo(10, within(0.02));
        assertThat(p.tpotMsP50()).isCloseTo(40 / 4.0, within(0.02));
    }

    @Test
    void goodputCountsOnlyRequestsInsideTheSloAndErrorsAreCountedNotLatencies() {
        LoadPoint slo = new LoadPoint(0, 2, null, null, null, 100, 5, 150.0, 15.0, null);
        List<Sample> s = List.of(
                done(slo, 0, false, 0, new long[] {100, 110, 120, 130, 140}, null, null, IDLE),  // meets both
                done(slo, 1, false, 0, new long[] {200, 210, 220, 230, 240}, null, null, IDLE),  // TTFT too slow
                done(slo, 2, false, 0, new long[] {100, 120, 140, 160, 180}, null, null, IDLE),  // TPOT too slow
                failed(slo, 3, 0));
        ThroughputPoint p = ThroughputMetrics.of(s).points().get(0);
        assertThat(p.requests()).isEqualTo(4);
        assertThat(p.completed()).isEqualTo(3);
        assertThat(p.errors()).isEqualTo(1);
        assertThat(p.goodputRequestsPerSecond()).isCloseTo(1 / p.windowS(), within(1e-9));
    }

    @Test
    void aPointWhereEveryRequestFailedStillHasEveryKeyWithNullLatenciesAndIsInvalid() {
        ThroughputPoint p = ThroughputMetrics.of(List.of(failed(C2, 0, 0), failed(C2, 1, 5))).points().get(0);
        var json = dev.claimcheck.core.store.Json.mapper().valueToTree(p);
        assertThat(json.has("ttftMsP50")).isTrue();
        assertThat(json.get("ttftMsP50").isNull()).isTrue();
        assertThat(json.get("rate").isNull()).isTrue();
        assertThat(p.errors()).isEqualTo(2);
        assertThat(p.requestsPerSecond()).isZero();
        assertThat(p.valid()).isFalse();
    }

    @Test
    void aPointWhoseClientWasBusyIsMarkedClientBoundAndInvalid() {
        ThroughputPoint cpu = ThroughputMetrics.of(List.of(done(C2, 0, false, 0, new long[] {1, 2}, null, null,
                new ClientLoad(0.95, 100)))).points().get(0);
        ThroughputPoint lag = ThroughputMetrics.of(List.of(done(C2, 0, false, 0, new long[] {1, 2}, null, null,
                new ClientLoad(0.2, 20_000)))).points().get(0);
        assertThat(cpu.clientBound()).isTrue();
        assertThat(cpu.valid()).isFalse();
        assertThat(lag.clientBound()).isTrue();
        assertThat(lag.loopLagMsP99()).isEqualTo(20.0);
    }

    @Test
    void calibrationOnlyExistsAgainstTheSimulatorAndCountsTokenMismatches() {
        assertThat(ThroughputMetrics.of(List.of(done(C2, 0, false, 0, new long[] {1, 2}, null, null, IDLE))).calibration()).isNull();
        List<Sample> sim = List.of(done(C2, 0, false, 0, new long[] {1, 2}, null, 2L, IDLE),
                done(C2, 1, false, 0, new long[] {1, 2}, null, 3L, IDLE),   // the simulator sent 3, the client counted 2
                done(C2, 2, true, 0, new long[] {1, 2}, null, 9L, IDLE));   // warm-up: not calibrated
        var c = ThroughputMetrics.of(sim).calibration();
        assertThat(c.requests()).isEqualTo(2);
        assertThat(c.tokenMismatches()).isEqualTo(1);
        assertThat(c.events()).isEqualTo(4);
        assertThat(c.receiveLagMsP50()).isEqualTo(0.1);
        assertThat(c.receiveLagMsP99()).isEqualTo(0.2);
        assertThat(ThroughputMetrics.of(sim).points().get(0).tokenMismatches()).isEqualTo(1);
    }

    @Test
    void pointsAreKeptInSweepOrderAndRunMetricsHasNoScoreForThroughput() {
        LoadPoint second = new LoadPoint(1, null, 4.0, "poisson", null, 100, 5, null, null, null);
        List<Sample> s = new ArrayList<>();
        s.add(done(second, 0, false, 10, new long[] {1, 2}, null, null, IDLE));
        s.add(done(C2, 0, false, 0, new long[] {1, 2}, null, null, IDLE));
        Metrics m = RunMetrics.of(s, ThroughputFigures.INSTANCE);
        assertThat(m.score()).isNull();
        assertThat(m.ci95Low()).isNull();
        assertThat(m.scorePer1kOutputTokens()).isNull();
        assertThat(m.get(ThroughputFigures.POINTS)).extracting(ThroughputPoint::index).containsExactly(0, 1);
        assertThat(m.get(ThroughputFigures.POINTS).get(1).rate()).isEqualTo(4.0);
        assertThat(m.get(ThroughputFigures.POINTS).get(1).sendLagMsP99()).isEqualTo(0.0);
        assertThat(RunMetrics.of(List.of(), SuiteRegistry.figures(Workload.MATH)).get(ThroughputFigures.POINTS)).isNull();
    }
}
