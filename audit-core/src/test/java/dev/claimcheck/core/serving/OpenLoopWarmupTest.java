package dev.claimcheck.core.serving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.cli.BenchCommand;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.serving.StreamLoopTest.KeepAliveServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An open-loop point opens, before its window, the connections it is expected to need (docs/throughput.md
 * "Calibration"): rate × expected latency + 3√ of that, at most its requests; its line says how many and from what.
 */
class OpenLoopWarmupTest {
    static LoadPoint openLoop(int index, double rate, int outputTokens) {
        return new LoadPoint(index, null, rate, "constant", null, 8, outputTokens, null, null, null);
    }

    @Test
    void theCountIsTheMeanInFlightPlusThreeStandardDeviationsBoundedByTheRequestsAndTheClientsLimit() {
        assertThat(OpenLoopWarmup.connections(10, 2.64, 10_000)).as("mean 26.4 + 3·√26.4 = 41.8").isEqualTo(42);
        assertThat(OpenLoopWarmup.connections(100, 2.64, 50)).isEqualTo(50);
        assertThat(OpenLoopWarmup.connections(1000, 10, 100_000)).isEqualTo(OpenLoopWarmup.MAX);
        assertThat(OpenLoopWarmup.connections(0.01, 0.001, 10)).as("at least one").isEqualTo(1);
    }

    @Test
    void theExpectedLatencyIsTheSimulatorsPacingElseTheLastPointOfTheSameLengthsElseAGuess() {
        OpenLoopWarmup sim = new OpenLoopWarmup(new CalibrationInputs.Pacing(100, 20));
        OpenLoopWarmup.Plan paced = sim.plan(openLoop(0, 10, 128), 10, 10_000);
        assertThat(paced.connections()).isEqualTo(42);
        assertThat(paced.basis()).isEqualTo("rate 10.0/s × expected latency 2.64 s, from the simulator's pacing");
        OpenLoopWarmup engine = new OpenLoopWarmup(null);
        assertThat(engine.plan(openLoop(0, 4, 16), 4, 100).basis()).endsWith("from a guess: nothing measured at these lengths yet");
    }

    @Test
    void anOpenLoopPointSendsEveryRequestOnConnectionsOpenedBeforeItsWindowAndItsLineSaysSo() throws Exception {
        try (KeepAliveServer server = new KeepAliveServer(StreamLoopTest.TWO_TOKENS)) {
            LoadPoint first = openLoop(0, 200, 2);
            LoadPoint second = openLoop(1, 200, 2);
            BenchSpec spec = new BenchSpec("m", List.of(first, second), 12, null, 0, "o200k_base", 0, 1, 0, 5_000_000_000L,
                    Map.of(), null, null);
            LoadRunner runner = new LoadRunner(spec, server.baseUrl());
            LoadRunner.PointResult one = runner.run(first, null, new LiveCounts());
            // nothing known yet: 200/s × the 1 s guess asks for more than the point's 12 requests, so all 12 are opened
            assertThat(one.preopened().connections()).isEqualTo(12);
            assertThat(one.preopened().failed()).isZero();
            assertThat(one.preopened().basis()).contains("a guess");
            assertThat(one.samples()).hasSize(12).allSatisfy(s -> assertThat(s.error()).isNull());
            assertThat(server.connections.get()).as("no request opened a connection of its own").isEqualTo(12);
            assertThat(BenchCommand.progress(new ServingBench.PointDone(first, one)))
                    .contains("12 connections opened before the window in").contains("(rate 200.0/s × expected latency 1.00 s");

            LoadRunner.PointResult two = runner.run(second, null, new LiveCounts());
            assertThat(two.preopened().basis()).contains("from the e2e p50 of the last point of these lengths");
            assertThat(two.preopened().connections()).isBetween(1, 12);
            assertThat(two.samples()).hasSize(12).allSatisfy(s -> assertThat(s.error()).isNull());
        }
    }
}
