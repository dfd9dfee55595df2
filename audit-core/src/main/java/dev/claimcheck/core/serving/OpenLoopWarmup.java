package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.LoadPoint;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many connections an open-loop point opens before its window (ConnectionWarmup does the opening). A point sending
 * at {@code rate} requests per second whose requests last {@code L} seconds has, by Little's law, {@code rate × L} in
 * flight on average, and with Poisson arrivals the number in flight is Poisson with that mean (M/G/∞), so mean + 3√mean
 * covers all but about one moment in a thousand; at most the point's requests and {@link #MAX}. {@code L} is the
 * simulator's pacing when it is known, else the end-to-end p50 the last point of the same input and output lengths
 * measured, else a guess of {@link #GUESS_S} s, which the point's line then says.
 */
final class OpenLoopWarmup {
    /** The most streams one client is known to sustain (docs/throughput.md "Client quality"). */
    static final int MAX = 2048;
    static final double GUESS_S = 1.0;

    /** What one point opens, and from what. */
    record Plan(int connections, String basis) {
    }

    private final CalibrationInputs.Pacing pacing;
    /** End-to-end p50 (s) of the last point per input and output length. */
    private final Map<List<Integer>, Double> measured = new HashMap<>();

    /** @param pacing the simulator's pacing, or null for an engine */
    OpenLoopWarmup(CalibrationInputs.Pacing pacing) {
        this.pacing = pacing;
    }

    /** The plan for open-loop point {@code p} sending at {@code rate} (this client's share) {@code requests} requests. */
    Plan plan(LoadPoint p, double rate, int requests) {
        double latency;
        String from;
        Double last = measured.get(List.of(p.inputTokens(), p.outputTokens()));
        if (pacing != null) {
            latency = (pacing.ttftMs() + pacing.tpotMs() * Math.max(0, p.outputTokens() - 1)) / 1000.0;
            from = "the simulator's pacing";
        } else if (last != null) {
            latency = last;
            from = "the e2e p50 of the last point of these lengths";
        } else {
            latency = GUESS_S;
            from = "a guess: nothing measured at these lengths yet";
        }
        return new Plan(connections(rate, latency, requests),
                String.format(Locale.ROOT, "rate %s/s × expected latency %.2f s, from %s", rate, latency, from));
    }

    /** mean + 3√mean of {@code rate × latencyS}, rounded up: at least 1, at most {@code requests} and {@link #MAX}. */
    static int connections(double rate, double latencyS, int requests) {
        double mean = rate * latencyS;
        long n = (long) Math.ceil(mean + 3 * Math.sqrt(mean));
        return (int) Math.max(1, Math.min(Math.min(requests, MAX), n));
    }

    /** Remembers a finished point's end-to-end p50 over its completed requests (for the next point of its lengths). */
    void measured(LoadPoint p, List<InFlightRequest> exchanges) {
        double[] e2e = exchanges.stream().filter(x -> x.end == InFlightRequest.End.DONE && x.sentNs != 0)
                .mapToDouble(x -> (x.doneNs - x.sentNs) / 1e9).sorted().toArray();
        if (e2e.length > 0) {
            measured.put(List.of(p.inputTokens(), p.outputTokens()), e2e[(e2e.length - 1) / 2]);
        }
    }
}
