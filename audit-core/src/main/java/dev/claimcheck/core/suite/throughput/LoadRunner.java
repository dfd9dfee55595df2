package dev.claimcheck.core.suite.throughput;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.tokens.Tokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs the load points of a bench, one after another, with one {@link StreamLoop}. Requests are built before a
 * point starts when they fit in memory (so the loop only copies bytes), otherwise when they are sent. The
 * per-request records are produced after the point ends, off the measured path.
 */
public final class LoadRunner {
    /** Above this many prompt bytes per point, requests are built at send time instead of up front. */
    static final long PREBUILD_BYTES = 256L << 20;

    private final BenchSpec spec;
    private final URI baseUrl;
    private final RequestBuilder builder;
    private final Tokenizer tokenizer;
    private final StreamLoop loop;

    /** @param baseUrl the OpenAI-compatible base URL ({@code http://host:port/v1}) */
    public LoadRunner(BenchSpec spec, String baseUrl) {
        this.spec = spec;
        this.baseUrl = parse(baseUrl);
        this.tokenizer = Tokenizer.named(spec.tokenizer());
        this.builder = new RequestBuilder(this.baseUrl, spec, new PromptFactory(tokenizer));
        int port = this.baseUrl.getPort() < 0 ? 80 : this.baseUrl.getPort();
        this.loop = new StreamLoop(new InetSocketAddress(this.baseUrl.getHost(), port), spec.idleTimeoutNs(), true);
    }

    /** The request body template of a point (run.json records the first point's). */
    public com.fasterxml.jackson.databind.node.ObjectNode template(LoadPoint p) {
        return builder.template(p);
    }

    /**
     * Runs one point.
     *
     * @param emitTimes for the simulator: the emit times of the response to a prompt hash (null for a real server)
     */
    public PointResult run(LoadPoint p, Function<String, long[]> emitTimes) {
        StreamLoop.Source source = source(p);
        StreamLoop.Result result;
        try {
            result = loop.run(source, p.openLoop() ? 0 : p.concurrency());
        } catch (IOException e) {
            throw new UncheckedIOException("the client's event loop failed", e);
        }
        return new PointResult(p, RecordMaker.samples(p, result, emitTimes, tokenizer), result.client(),
                (result.endNs() - result.startNs()) / 1e9, result.tokenEvents());
    }

    /** One point's records and the client's load while it ran. */
    public record PointResult(LoadPoint point, List<dev.claimcheck.core.model.Sample> samples,
                              dev.claimcheck.core.model.ClientLoad client, double wallSeconds, long tokenEvents) {
    }

    private StreamLoop.Source source(LoadPoint p) {
        if (p.openLoop()) {
            long[] schedule = schedule(p);
            int warm = spec.warmupOf(schedule.length);
            return prebuilt(p, schedule.length, i -> builder.build(p, i, i < warm, schedule[i]));
        }
        if (spec.requests() != null) {
            int total = spec.requests();
            int warm = spec.warmupOf(total);
            return prebuilt(p, total, i -> builder.build(p, i, i < warm, 0));
        }
        long duration = spec.durationNs();
        Integer warm = spec.warmup();
        return (i, elapsed) -> elapsed >= duration ? null
                : builder.build(p, i, warm != null ? i < warm : elapsed < duration / 10, 0);
    }

    private StreamLoop.Source prebuilt(LoadPoint p, int count, java.util.function.IntFunction<BenchRequest> make) {
        if ((long) count * p.inputTokens() * 8 > PREBUILD_BYTES) {
            return (i, elapsed) -> i < count ? make.apply(i) : null;
        }
        BenchRequest[] all = new BenchRequest[count];
        for (int i = 0; i < count; i++) {
            all[i] = make.apply(i);
        }
        return (i, elapsed) -> i < count ? all[i] : null;
    }

    private long[] schedule(LoadPoint p) {
        Arrivals.Kind kind = Arrivals.Kind.of(p.arrival());
        double burst = p.burstiness() == null ? 1 : p.burstiness();
        long seed = spec.seed() * 31 + p.index();
        if (spec.requests() != null) {
            return Arrivals.schedule(kind, p.rate(), burst, spec.requests(), seed);
        }
        int guess = (int) Math.min(10_000_000, Math.ceil(p.rate() * spec.durationNs() / 1e9 * 2) + 16);
        long[] s = Arrivals.schedule(kind, p.rate(), burst, guess, seed);
        int n = Arrivals.countWithin(s, spec.durationNs());
        return java.util.Arrays.copyOf(s, Math.max(1, n));
    }

    static URI parse(String baseUrl) {
        URI u;
        try {
            u = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--base-url is not a URL: " + baseUrl);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw new BadInputException("bench speaks plain http:// only (run it beside the server, or through a local "
                    + "TLS-terminating proxy); got " + baseUrl);
        }
        if (!scheme.equals("http") || u.getHost() == null) {
            throw new BadInputException("--base-url must be http://host:port/v1 or sim, got " + baseUrl);
        }
        return u;
    }
}
