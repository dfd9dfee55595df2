package dev.claimcheck.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ServerTiming;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code metrics.calibration}'s per-point comparisons, from records whose times are set (docs/throughput.md "Calibration"). */
class ThroughputCalibrationTest {
    /** A completed request of {@link ThroughputMetricsTest#C2} with the engine's timings and the simulator's truth set. */
    static Sample timed(int n, boolean warmup, long[] tokenMs, ServerTiming server, Long truthUs) {
        Sample s = ThroughputMetricsTest.done(ThroughputMetricsTest.C2, n, warmup, 0, tokenMs, null, null,
                ThroughputMetricsTest.IDLE);
        LoadRecord r = s.load();
        LoadRecord with = new LoadRecord(r.point(), r.warmup(), r.scheduledUs(), r.sentUs(), r.headersUs(), r.firstEventUs(),
                r.firstTokenUs(), r.firstContentUs(), r.lastTokenUs(), r.doneUs(), r.status(), r.gapsUs(), r.eventTokens(),
                r.countedTokens(), r.tokenizerTokens(), r.simulatedTokens(), r.receiveLagsUs(), r.earlyEnd(), r.client(),
                r.epochUs(), r.shard(), server, truthUs, null);
        return new Sample(s.taskId(), s.attempt(), null, s.promptSha256(), s.targetTokens(), null, null, s.usage(), null,
                s.verdict(), null, null, null, with);
    }

    @Test
    void theClientsTtftAndTpotAreSetAgainstTheEnginesOwnOverTheMeasuredRequestsThatReportedThem() {
        List<Sample> s = List.of(
                timed(0, true, new long[] {500, 600}, new ServerTiming(1, 1, 2), null),        // warm-up: ignored
                timed(1, false, new long[] {100, 110, 120, 130, 140}, new ServerTiming(40, 25, 5), null), // tpot 10 vs 5
                timed(2, false, new long[] {100, 110, 120, 130, 140}, new ServerTiming(40, 25, 5), null),
                timed(3, false, new long[] {900, 901}, null, null));                              // no timings: not matched
        Calibration c = ThroughputMetrics.of(s).calibration();
        assertThat(c.hasReceiveLag()).as("not a simulator").isFalse();
        assertThat(c.simulatorTtft()).isNull();
        Calibration.EngineClock e = c.engineClock().get(0);
        assertThat(e.matched()).isEqualTo(2);
        assertThat(e.clientTtftMsP50()).isCloseTo(100, within(0.1));
        assertThat(e.serverTtftMsP50()).isCloseTo(40, within(0.05));
        assertThat(e.ttftDiffMsP50()).isCloseTo(60, within(0.15));
        assertThat(e.clientTpotMsP50()).isCloseTo(10, within(0.01));
        assertThat(e.serverTpotMsP50()).isCloseTo(5, within(0.005));
        assertThat(e.tpotRatio()).isCloseTo(2, within(0.005));
    }

    @Test
    void theTtftErrorIsMeasuredAgainstTheSimulatorsConfiguredTtft() {
        List<Sample> s = List.of(
                timed(1, false, new long[] {100, 120}, null, 100_000L),
                timed(2, false, new long[] {103, 120}, null, 100_000L),
                timed(3, false, new long[] {150, 170}, null, 100_000L));
        Calibration c = ThroughputMetrics.of(s).calibration();
        assertThat(c.engineClock()).isNull();
        Calibration.SimulatorTtft t = c.simulatorTtft().get(0);
        assertThat(t.requests()).isEqualTo(3);
        assertThat(t.truthTtftMs()).isEqualTo(100.0);
        assertThat(t.ttftErrorMsP50()).isCloseTo(3, within(0.01));
        assertThat(t.ttftErrorMsP99()).isCloseTo(50, within(0.05));
        assertThat(t.ttftMsP99()).isCloseTo(150, within(0.15));
    }

    @Test
    void aRunWithNothingToCompareWithHasNoCalibration() {
        assertThat(ThroughputMetrics.of(List.of(timed(1, false, new long[] {100, 120}, null, null))).calibration()).isNull();
    }
}
