package dev.claimcheck.core.serving;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.run.Shard;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a serving bench was asked to do (from {@code bench} options): the sweep of load points and how each is run.
 *
 * @param points the sweep, in order (concurrency or rate × input tokens)
 * @param requests requests per point, warm-up included (null with {@code durationNs})
 * @param durationNs how long each point sends (null with {@code requests})
 * @param warmup warm-up requests per point; null for the default (10% of the point)
 * @param tokenizer tokenizer name the prompt lengths are exact in
 * @param prefixShare fraction of each prompt shared by all prompts (0: none, no prefix cache can help)
 * @param promptSalt mixed into every prompt with the seed, so a rerun with the same seed sends new texts and no
 *                   prefix cache kept from the last run serves them (docs/throughput.md "Prefix caches")
 * @param idleTimeoutNs a request with no bytes for this long ends as a timeout
 * @param shard this client's shard of the load, or null for all of it
 */
public record BenchSpec(String model, List<LoadPoint> points, Integer requests, Long durationNs, Integer warmup,
                        String tokenizer, double prefixShare, long seed, long promptSalt, long idleTimeoutNs, Map<String, String> headers,
                        String apiKey, Shard shard) {
    public BenchSpec {
        Objects.requireNonNull(model, "model");
        points = List.copyOf(points);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (points.isEmpty()) {
            throw new BadInputException("nothing to measure: give --concurrency or --rate");
        }
        if ((requests == null) == (durationNs == null)) {
            throw new IllegalArgumentException("exactly one of requests and duration");
        }
        if (requests != null && requests < 1) {
            throw new BadInputException("--requests must be at least 1, got " + requests);
        }
        if (durationNs != null && durationNs <= 0) {
            throw new BadInputException("--duration must be positive");
        }
        if (warmup != null && (warmup < 0 || requests != null && warmup >= requests)) {
            throw new BadInputException("--warmup must be at least 0 and below --requests, got " + warmup);
        }
        if (!(prefixShare >= 0 && prefixShare < 1)) {
            throw new BadInputException("--prefix-share must be in [0, 1), got " + prefixShare);
        }
    }

    /**
     * Warm-up requests of a point of {@code total} requests: as given, else 10%, and in closed loop at least the first
     * wave ({@code concurrency} requests, up to half the point): its requests all arrive at once, and the server's
     * answer to that burst is not the steady state the point measures (docs/throughput.md "Calibration").
     */
    public int warmupOf(int total, int concurrency) {
        return warmup != null ? Math.min(warmup, Math.max(0, total - 1)) : Math.max(total / 10, Math.min(concurrency, total / 2));
    }
}
