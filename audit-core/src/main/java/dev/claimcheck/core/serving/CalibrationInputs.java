package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ServerMeans;
import dev.claimcheck.core.run.Endpoints;
import dev.claimcheck.core.sim.Simulator;

/** What a bench's records carry for {@code metrics.calibration} beyond the client's own times (docs/throughput.md). */
final class CalibrationInputs {
    private CalibrationInputs() {
    }

    /** A simulator's configured pacing: the delay before its first token and between tokens. */
    record Pacing(long ttftMs, long tpotMs) {
    }

    /**
     * The pacing of a simulator: the in-process one's options, or what a simulator in its own process ({@code sim@.})
     * says in its {@code /version} answer; null for an engine.
     */
    static Pacing pacing(Endpoints.Opened opened, EndpointRef described) {
        if (opened.simulator() != null) {
            return new Pacing(opened.simulator().options().ttftMs(), opened.simulator().options().tpotMs());
        }
        if (!Simulator.ENGINE.equals(described.engine()) || described.serverInfo() == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode pacing = described.serverInfo().path("version").path("pacing");
        return pacing.path("ttftMs").canConvertToLong()
                ? new Pacing(pacing.get("ttftMs").asLong(), pacing.path("tpotMs").asLong(0)) : null;
    }

    /** The TTFT the simulator answers in, the truth of {@code metrics.calibration.simulatorTtft}; null for an engine. */
    static Long simulatedTtftUs(Pacing pacing) {
        return pacing == null ? null : pacing.ttftMs() * 1000;
    }

    /** {@code s} with the engine's means over its point on its record (none: as it is). */
    static Sample withMeans(Sample s, ServerMeans means) {
        return means == null ? s : new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(),
                s.request(), s.response(), s.usage(), s.timing(), s.verdict(), s.error(), s.retries(), s.transcript(),
                s.load().withServerMeans(means));
    }
}
