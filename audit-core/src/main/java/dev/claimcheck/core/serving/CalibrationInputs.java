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

    /**
     * The TTFT the simulator answers in, the truth of {@code metrics.calibration.simulatorTtft}: the in-process one's
     * options, or what a simulator in its own process ({@code sim@.}) says in its {@code /version} pacing; null for an
     * engine.
     */
    static Long simulatedTtftUs(Endpoints.Opened opened, EndpointRef described) {
        if (opened.simulator() != null) {
            return opened.simulator().options().ttftMs() * 1000;
        }
        if (!Simulator.ENGINE.equals(described.engine()) || described.serverInfo() == null) {
            return null;
        }
        com.fasterxml.jackson.databind.JsonNode ttft = described.serverInfo().path("version").path("pacing").path("ttftMs");
        return ttft.canConvertToLong() ? ttft.asLong() * 1000 : null;
    }

    /** {@code s} with the engine's means over its point on its record (none: as it is). */
    static Sample withMeans(Sample s, ServerMeans means) {
        return means == null ? s : new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(),
                s.request(), s.response(), s.usage(), s.timing(), s.verdict(), s.error(), s.retries(), s.transcript(),
                s.load().withServerMeans(means));
    }
}
