package dev.claimcheck.core.serving;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.WireProfile;
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
    private final OpenLoopWarmup openLoopWarmup;

    /** @param baseUrl the OpenAI-compatible base URL ({@code http://host:port/v1}) */
    public LoadRunner(BenchSpec spec, String baseUrl) {
        this(spec, baseUrl, false, null);
    }

    /**
     * @param emitStamps ask a simulator in its own process on this host for its emit stamps and read them (EmitStamps);
     *                   never for an engine
     * @param pacing the simulator's pacing (an open-loop point's expected latency), null for an engine
     */
    LoadRunner(BenchSpec spec, String baseUrl, boolean emitStamps, CalibrationInputs.Pacing pacing) {
        this.spec = spec;
        this.baseUrl = parse(baseUrl);
        this.tokenizer = Tokenizer.named(spec.tokenizer());
        this.builder = new RequestBuilder(this.baseUrl, spec, new PromptFactory(tokenizer), emitStamps);
        int port = this.baseUrl.getPort() < 0 ? 80 : this.baseUrl.getPort();
        this.loop = new StreamLoop(new InetSocketAddress(this.baseUrl.getHost(), port), spec.idleTimeoutNs(), true, emitStamps);
        this.openLoopWarmup = new OpenLoopWarmup(pacing);
    }

    /** The request body template of a point (run.json records the first point's). */
    public com.fasterxml.jackson.databind.node.ObjectNode template(LoadPoint p) {
        return builder.template(p);
    }

    /**
     * Runs one point.
     *
     * @param emitTimes for the simulator: the emit times of the response to a prompt hash (null for a real server)
     * @param live where a progress display reads the point's counts while it runs
     */
    public PointResult run(LoadPoint p, Function<String, long[]> emitTimes, LiveCounts live) {
        return run(p, emitTimes, null, live);
    }

    /**
     * Runs one point against a simulator whose TTFT is known.
     *
     * @param simulatedTtftUs the simulator's configured TTFT, recorded on each record as the truth (null otherwise)
     */
    public PointResult run(LoadPoint p, Function<String, long[]> emitTimes, Long simulatedTtftUs, LiveCounts live) {
        long[] schedule = p.openLoop() ? schedule(p) : null;
        StreamLoop.Source source = source(p, schedule);
        StreamLoop.Result result;
        OpenLoopWarmup.Plan plan = null;
        try {
            int concurrency = p.openLoop() ? 0 : share(p.concurrency(), "concurrency");
            // an idle connection no request will use could hold a one-connection-at-a-time server
            int preopen = spec.requests() == null ? concurrency : Math.min(concurrency, share(spec.requests(), "requests"));
            if (schedule != null) {
                plan = openLoopWarmup.plan(p, rate(p), schedule.length);
                preopen = plan.connections();
            }
            result = loop.run(source, concurrency, live, preopen);
        } catch (IOException e) {
            throw new UncheckedIOException("the client's event loop failed", e);
        }
        openLoopWarmup.measured(p, result.exchanges());
        WireProfile wire = WireProfile.NONE;
        for (InFlightRequest ex : result.exchanges()) {
            if (ex.end == InFlightRequest.End.DONE) {
                wire = wire.merge(ex.wireProfile());
            }
        }
        return new PointResult(p, RecordMaker.samples(p, result, emitTimes, simulatedTtftUs, tokenizer,
                spec.shard() == null ? null : spec.shard().toString()), result.client(),
                (result.endNs() - result.startNs()) / 1e9, result.tokenEvents(), wire, new Preopened(result.warmup().channels().size(),
                result.warmup().failed(), result.warmup().micros() / 1000.0, plan == null ? null : plan.basis()));
    }

    /**
     * The connections a point opened before its window (ConnectionWarmup), and how long that took.
     *
     * @param basis open loop: how their number was chosen (OpenLoopWarmup); null in closed loop (its concurrency)
     */
    public record Preopened(int connections, int failed, double ms, String basis) {
        static final Preopened NONE = new Preopened(0, 0, 0, null);
    }

    /** One point's records, the client's load while it ran and the wire profile of its complete responses. */
    public record PointResult(LoadPoint point, List<dev.claimcheck.core.model.Sample> samples,
                              dev.claimcheck.core.model.ClientLoad client, double wallSeconds, long tokenEvents,
                              WireProfile wireProfile, Preopened preopened) {
        public PointResult(LoadPoint point, List<dev.claimcheck.core.model.Sample> samples,
                           dev.claimcheck.core.model.ClientLoad client, double wallSeconds, long tokenEvents,
                           WireProfile wireProfile) {
            this(point, samples, client, wallSeconds, tokenEvents, wireProfile, Preopened.NONE);
        }

        public PointResult(LoadPoint point, List<dev.claimcheck.core.model.Sample> samples,
                           dev.claimcheck.core.model.ClientLoad client, double wallSeconds, long tokenEvents) {
            this(point, samples, client, wallSeconds, tokenEvents, WireProfile.NONE, Preopened.NONE);
        }
    }

    private StreamLoop.Source source(LoadPoint p, long[] schedule) {
        if (p.openLoop()) {
            int warm = warmupOf(schedule.length, 0);
            return prebuilt(p, schedule.length, i -> builder.build(p, global(i), i < warm, schedule[i]));
        }
        if (spec.requests() != null) {
            int total = share(spec.requests(), "requests");
            int warm = warmupOf(total, share(p.concurrency(), "concurrency"));
            return prebuilt(p, total, i -> builder.build(p, global(i), i < warm, 0));
        }
        long duration = spec.durationNs();
        Integer warm = spec.warmup();
        return (i, elapsed) -> elapsed >= duration ? null
                : builder.build(p, global(i), warm != null ? i < warm : elapsed < duration / 10, 0);
    }

    /** This client's part of a point's concurrency or requests: all of it, or its shard's share (at least 1). */
    private int share(int total, String what) {
        if (spec.shard() == null) {
            return total;
        }
        int mine = spec.shard().share(total);
        if (mine < 1) {
            throw new BadInputException(what + " " + total + " cannot be split over " + spec.shard().count() + " shards");
        }
        return mine;
    }

    /** Warm-up requests among this client's {@code total}: a shard takes its share of an explicit --warmup. */
    private int warmupOf(int total, int concurrency) {
        if (spec.shard() == null || spec.warmup() == null) {
            return spec.warmupOf(total, concurrency);
        }
        return Math.min(spec.shard().share(spec.warmup()), Math.max(0, total - 1));
    }

    private int global(int local) {
        return spec.shard() == null ? local : spec.shard().global(local);
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
        double rate = rate(p);
        long seed = spec.seed() * 31 + p.index() + (spec.shard() == null ? 0 : 7919L * (spec.shard().index() + 1));
        if (spec.requests() != null) {
            return Arrivals.schedule(kind, rate, burst, share(spec.requests(), "requests"), seed);
        }
        int guess = (int) Math.min(10_000_000, Math.ceil(rate * spec.durationNs() / 1e9 * 2) + 16);
        long[] s = Arrivals.schedule(kind, rate, burst, guess, seed);
        int n = Arrivals.countWithin(s, spec.durationNs());
        return java.util.Arrays.copyOf(s, Math.max(1, n));
    }

    /** This client's rate: a shard sends an independent 1/n-rate stream (superposed Poisson streams are Poisson). */
    private double rate(LoadPoint p) {
        return spec.shard() == null ? p.rate() : p.rate() / spec.shard().count();
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
