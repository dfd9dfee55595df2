package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Calibration;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.serving.Arrivals;
import dev.claimcheck.core.serving.BenchRun;
import dev.claimcheck.core.serving.BenchSpec;
import dev.claimcheck.core.serving.LoadRunner;
import dev.claimcheck.core.serving.PromptFactory;
import dev.claimcheck.core.serving.ServingBench;
import dev.claimcheck.core.run.Shard;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.tokens.Tokenizer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: serving throughput and latency of an OpenAI-compatible endpoint (or the simulator) over a sweep of
 * load points, written as a throughput run folder (docs/throughput.md). One command with every flag, as documented;
 * the flags pick one of four modes, each its own class ({@link BenchMode}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Measure serving throughput and latency (TTFT, TPOT, ITL, end-to-end) over a sweep of load points",
            "and write a run folder (workload throughput, suite serving). Prompts have exact token lengths."},
        footer = {"", "Examples:",
            "  ./jbang bench@. --base-url sim:tpotMs=5 --concurrency 1,8,32 --input-tokens 1k --output-tokens 128 --requests 200",
            "  ./jbang bench@. --base-url http://localhost:8000/v1 --model M --concurrency 1,8,32,128 --input-tokens 1k,8k,32k --output-tokens 1024",
            "  ./jbang bench@. --base-url http://localhost:8000/v1 --model M --rate 1,2,4,8 --arrival poisson --duration 300s",
            "  ./jbang bench@. --resume results/runs/M/throughput/serving/RUN_ID   (finish a killed bench)",
            "Exit codes: 0 done (errors counted), 1 could not complete, 2 bad usage or input."})
public final class BenchCommand implements Callable<Integer> {
    /** Not part of the bench a run records in suite.options: where it is written, secrets' carriers, the other modes. */
    /** Not in suite.options: {@code --no-fingerprint} shows in run.json as the fingerprint's absence (and resume keeps that). */
    private static final Set<String> NOT_RECORDED = Set.of("--root", "--header", "--api-key-env", "--merge", "--resume",
            "--help", "--version", "--no-fingerprint");

    @Mixin
    EndpointOptions endpoint = new EndpointOptions();

    @Option(names = "--concurrency", paramLabel = "LIST", split = ",", converter = BenchOptions.Count.class,
            description = "Closed loop: requests in flight, e.g. 1,8,32,128.")
    List<Integer> concurrency;

    @Option(names = "--rate", paramLabel = "LIST", split = ",", converter = BenchOptions.Rate.class,
            description = "Open loop: arrivals per second, e.g. 1,2,4,8.")
    List<Double> rate;

    @Option(names = "--arrival", defaultValue = "poisson", paramLabel = "constant|poisson|gamma",
            description = "Open-loop arrival process (default: ${DEFAULT-VALUE}).")
    String arrival;

    @Option(names = "--burstiness", paramLabel = "X", description = "Gamma shape for --arrival gamma (1 = Poisson, < 1 burstier; default 1).")
    Double burstiness;

    @Option(names = "--input-tokens", defaultValue = "1k", paramLabel = "LIST", split = ",", converter = BenchOptions.Tokens.class,
            description = "Exact prompt lengths in the tokenizer, e.g. 1k,8k,32k,128k (k = 1024; default: ${DEFAULT-VALUE}).")
    List<Integer> inputTokens;

    @Option(names = "--output-tokens", defaultValue = "256", paramLabel = "N", converter = BenchOptions.Tokens.class,
            description = "Output tokens per request, pinned with max_tokens + min_tokens + ignore_eos (default: ${DEFAULT-VALUE}).")
    Integer outputTokens;

    @Option(names = "--requests", paramLabel = "N", description = "Requests per point, warm-up included (default 100, or 4 × concurrency if more).")
    Integer requests;

    @Option(names = "--duration", paramLabel = "D", converter = BenchOptions.Duration.class,
            description = "Send for this long per point instead of a request count, e.g. 300s, 5m.")
    Long durationNs;

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up requests per point, recorded but not aggregated (default 10%% of the point, in closed loop at least its first wave of --concurrency requests, up to half the point).")
    Integer warmup;

    @Option(names = "--tokenizer", defaultValue = Tokenizer.DEFAULT, paramLabel = "NAME",
            description = "Tokenizer the prompt lengths are exact in: o200k_base or cl100k_base (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--prefix-share", defaultValue = "0", paramLabel = "X",
            description = "Fraction of each prompt shared by all prompts, to measure prefix caching on purpose (default 0: none can be cached).")
    double prefixShare;

    @Option(names = "--prompt-salt", paramLabel = "HEX",
            description = "16 hex digits mixed into every prompt with the seed (default: a new random one per run, recorded in run.json, so a rerun is not served from the engine's prefix cache); give a recorded one for an exact repeat, and one shared salt to every --shard of a bench.")
    String promptSalt;

    @Option(names = "--no-fingerprint",
            description = "Skip the endpoint fingerprint taken before the first point and after the last (14 short requests each, outside every point; docs/fingerprint.md).")
    boolean noFingerprint;

    @Option(names = "--slo", paramLabel = "ttft=..,tpot=..", description = "Goodput SLO, e.g. ttft=2000ms,tpot=80ms.")
    String slo;

    @Option(names = "--hardware", paramLabel = "SPEC",
            description = "Declared hardware and deployment, e.g. 8xH200,tp=8,dtype=fp8,image=vllm/vllm-openai:v0.11.0 (probed with nvidia-smi when the server is local).")
    String hardware;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Run shard i of n (0 <= i < n) of the load from this client machine; merge the shards' run folders with --merge.")
    String shard;

    @Option(names = "--model-b", paramLabel = "ID",
            description = "A/B mode: the second model (arm B); the sweep runs --repeats times, A and B interleaved, and prints the throughput ratio B/A with its CI.")
    String modelB;

    @Option(names = "--base-url-b", paramLabel = "URL|sim[:k=v,...]", description = "A/B mode: arm B's endpoint (default: --base-url).")
    String baseUrlB;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "N", description = "A/B mode: interleaved repeats of the sweep (at least 3; default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--lower-bound", paramLabel = "X",
            description = "A/B mode: a claimed minimum of the ratio B/A; each load reads consistent when its 95%% CI's lower end is >= X, refuted when its upper end is < X, else undecided.")
    Double lowerBound;

    @Option(names = "--merge", arity = "2..*", paramLabel = "RUN_DIR",
            description = "Merge the run folders of all shards of one bench (--shard i/n) into one run (under --root, else the first shard's root).")
    List<Path> merge;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Finish a killed or stopped bench run: whole points are kept, the rest run again (options, endpoint and simulator from its run.json).")
    Path resume;

    @Option(names = "--request-timeout", defaultValue = "120s", paramLabel = "D", converter = BenchOptions.Duration.class,
            description = "A request with no bytes for this long ends as a timeout (default: ${DEFAULT-VALUE}).")
    long requestTimeoutNs;

    @Spec
    CommandSpec commandSpec;

    final ServingBench bench;
    final Map<String, String> environment;
    final PrintStream out;
    final PrintStream err;

    public BenchCommand() {
        this(ServingBench.standard(), System.getenv(), System.out, System.err);
    }

    public BenchCommand(ServingBench bench, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.bench = bench;
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    /** Runs the mode the flags pick (see {@link BenchMode}). */
    @Override
    public Integer call() {
        return BenchMode.of(this).run();
    }

    /** The bench the options ask for, checked. */
    BenchRun benchRun() {
        if (endpoint.baseUrl == null) {
            throw new BadInputException("--base-url is required (an OpenAI-compatible URL, or 'sim'), or --merge RUN_DIR..., or --resume RUN_DIR");
        }
        boolean sim = SimOptions.isSim(endpoint.baseUrl);
        if (sim) {
            SimOptions.parse(endpoint.baseUrl, dev.claimcheck.core.model.Lane.INSTANT, endpoint.seed); // bad keys are bad input now
        }
        String modelId = endpoint.model != null ? endpoint.model : sim ? "sim" : null;
        if (modelId == null) {
            throw new BadInputException("--model is required with a real endpoint");
        }
        if (concurrency != null && rate != null) {
            throw new BadInputException("give --concurrency (closed loop) or --rate (open loop), not both");
        }
        if (requests != null && durationNs != null) {
            throw new BadInputException("give --requests or --duration, not both");
        }
        Arrivals.Kind kind = Arrivals.Kind.of(arrival);
        if (burstiness != null && (kind != Arrivals.Kind.GAMMA || !(burstiness > 0))) {
            throw new BadInputException("--burstiness takes a positive number and goes with --arrival gamma");
        }
        Tokenizer.named(tokenizer);
        Double[] bounds = slo == null ? new Double[2] : BenchOptions.slo(slo);
        List<Integer> lengths = BenchOptions.present("--input-tokens", inputTokens);
        List<Integer> levels = rate == null ? BenchOptions.present("--concurrency", concurrency == null ? List.of(1) : concurrency) : List.of();
        List<Double> rates = rate == null ? List.of() : BenchOptions.present("--rate", rate);
        List<LoadPoint> points = new ArrayList<>();
        for (int length : lengths) {
            for (int c : levels) {
                points.add(new LoadPoint(points.size(), c, null, null, null, length, outputTokens, bounds[0], bounds[1], prefixShare));
            }
            for (double r : rates) {
                points.add(new LoadPoint(points.size(), null, r, kind.id(), kind == Arrivals.Kind.GAMMA
                        ? (burstiness == null ? 1.0 : burstiness) : null, length, outputTokens, bounds[0], bounds[1], prefixShare));
            }
        }
        Integer perPoint = durationNs != null ? null : requests != null ? requests
                : Math.max(100, 4 * levels.stream().mapToInt(Integer::intValue).max().orElse(0));
        String apiKey = sim ? null : environment.get(endpoint.apiKeyEnv);
        if (promptSalt == null && shard != null) {
            throw new BadInputException("--shard needs --prompt-salt HEX, the same for every shard of the bench (e.g. from"
                    + " 'openssl rand -hex 8'), so the shards send one load");
        }
        if (promptSalt == null) {
            promptSalt = PromptFactory.newSalt(); // set before recorded(), so run.json and --resume keep it
        }
        BenchSpec spec = new BenchSpec(modelId, points, perPoint, durationNs, warmup, tokenizer, prefixShare, endpoint.seed,
                PromptFactory.salt(promptSalt), requestTimeoutNs, endpoint.headers(), apiKey, shard == null ? null : Shard.parse(shard));
        return new BenchRun(endpoint.baseUrl, spec, endpoint.root, hardware, recorded(), endpoint.apiKeyEnv, !noFingerprint);
    }

    /**
     * The options of this bench for run.json suite.options (what {@code --resume} parses again), from picocli's parse
     * result: every option with a value but those in {@link #NOT_RECORDED} (headers are recorded by name only, in the
     * endpoint record, since values may be secrets). Lists and converted values as typed (or their default), plain
     * numbers as Java prints them; {@code --arrival} only with {@code --rate}, {@code --repeats} only in A/B mode.
     */
    Map<String, String> recorded() {
        ParseResult parsed = commandSpec.commandLine().getParseResult();
        Map<String, String> m = new TreeMap<>();
        for (OptionSpec option : commandSpec.options()) {
            String name = option.longestName();
            Object value = option.getValue();
            if (value == null || NOT_RECORDED.contains(name) || name.equals("--arrival") && rate == null
                    || name.equals("--repeats") && !abMode()) {
                continue;
            }
            boolean asTyped = option.isMultiValue() || option.converters().length > 0;
            m.put(name, !asTyped ? String.valueOf(value) : parsed != null && parsed.hasMatchedOption(name)
                    ? String.join(",", parsed.matchedOption(name).originalStringValues()) : option.defaultValue());
        }
        return m;
    }

    boolean abMode() {
        return modelB != null || baseUrlB != null;
    }

    /** The one line a finished point prints (BenchConsole). */
    public static String progress(ServingBench.PointDone done) {
        LoadPoint p = done.point();
        long errors = done.result().samples().stream().filter(s -> s.error() != null).count();
        return String.format(Locale.ROOT, "point %d (%s, input %d, output %d): %d requests, %d errors, %.1f s, client cpu %.0f%%, loop lag p99 %.2f ms",
                p.index(), load(p),
                p.inputTokens(), p.outputTokens(), done.result().samples().size(), errors, done.result().wallSeconds(),
                100 * done.result().client().cpuShare(), done.result().client().loopLagUsP99() / 1000.0) + preopened(done.result().preopened());
    }

    /** The connections opened before the point's window, when any were, and in open loop how many were chosen. */
    private static String preopened(LoadRunner.Preopened o) {
        if (o.connections() == 0 && o.failed() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", %d connections opened before the window in %.0f ms%s%s", o.connections(), o.ms(),
                o.failed() == 0 ? "" : " (" + o.failed() + " could not be)", o.basis() == null ? "" : " (" + o.basis() + ")");
    }

    static String load(LoadPoint p) {
        return p.openLoop() ? "rate " + p.rate() + "/s " + p.arrival() : "concurrency " + p.concurrency();
    }

    /** The points table of a finished (or resumed, or merged) throughput run. */
    void print(RunManifest m) {
        Metrics x = m.metrics();
        out.printf(Locale.ROOT, "%sserving · throughput · model %s · run %s · hardware %s%n", m.simulated() ? "[SIMULATED] " : "",
                m.model().id(), m.runId(), m.hardware() == null ? "unknown" : m.hardware().source());
        out.printf(Locale.ROOT, "  %-5s %-14s %7s %6s %6s %10s %10s %10s %10s %10s %9s %11s %s%n", "point", "load", "input",
                "done", "errors", "ttft p50", "ttft p99", "tpot p50", "itl p99", "e2e p50", "req/s", "out tok/s", "valid");
        for (ThroughputPoint p : x.get(ThroughputFigures.POINTS)) {
            out.printf(Locale.ROOT, "  %-5d %-14s %7d %6d %6d %10s %10s %10s %10s %10s %9.2f %11.1f %s%n", p.index(),
                    p.concurrency() != null ? "c=" + p.concurrency() : "r=" + p.rate() + "/s", p.inputTokens(), p.completed(),
                    p.errors(), ms(p.ttftMsP50()), ms(p.ttftMsP99()), ms(p.tpotMsP50()), ms(p.itlMsP99()), ms(p.e2eMsP50()),
                    p.requestsPerSecond(), p.outputTokensPerSecond(),
                    p.valid() ? "yes" : p.clientBound() ? "no (client-bound)" : "no");
        }
        if (x.get(ThroughputFigures.CALIBRATION) != null && x.get(ThroughputFigures.CALIBRATION).hasReceiveLag()) {
            out.printf(Locale.ROOT, "  calibration: receive lag p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms; token mismatches %d of %d requests%n",
                    x.get(ThroughputFigures.CALIBRATION).receiveLagMsP50(), x.get(ThroughputFigures.CALIBRATION).receiveLagMsP99(), x.get(ThroughputFigures.CALIBRATION).receiveLagMsP999(),
                    x.get(ThroughputFigures.CALIBRATION).tokenMismatches(), x.get(ThroughputFigures.CALIBRATION).requests());
        }
        Calibration c = x.get(ThroughputFigures.CALIBRATION);
        String lag = m.harness() == null || m.harness().client() == null ? null : m.harness().client().receiveLag();
        if (lag != null && (c == null || !c.hasReceiveLag())) {
            out.println("  calibration: receive lag " + lag);
        }
        for (Calibration.SimulatorTtft t : c == null || c.simulatorTtft() == null ? List.<Calibration.SimulatorTtft>of() : c.simulatorTtft()) {
            out.printf(Locale.ROOT, "  point %d: TTFT error against the simulator's %.0f ms: p50 %s, p99 %s (TTFT p99 %s, %d requests)%n",
                    t.index(), t.truthTtftMs(), ms(t.ttftErrorMsP50()), ms(t.ttftErrorMsP99()), ms(t.ttftMsP99()), t.requests());
        }
        for (Calibration.EngineClock e : c == null || c.engineClock() == null ? List.<Calibration.EngineClock>of() : c.engineClock()) {
            out.printf(Locale.ROOT, "  point %d: against the engine's clock: TTFT p50 %s − %s = %s; TPOT ratio %s (%d requests)%n",
                    e.index(), ms(e.clientTtftMsP50()), ms(e.serverTtftMsP50()), ms(e.ttftDiffMsP50()),
                    e.tpotRatio() == null ? "-" : String.format(Locale.ROOT, "%.3f", e.tpotRatio()), e.matched());
        }
        for (Calibration.EngineMeans e : c == null || c.engineMeans() == null ? List.<Calibration.EngineMeans>of() : c.engineMeans()) {
            out.printf(Locale.ROOT, "  point %d: against the engine's histograms: TTFT mean %s − %s = %s; TPOT ratio %s (%d requests)%n",
                    e.index(), ms(e.clientTtftMsMean()), ms(e.serverTtftMsMean()), ms(e.ttftDiffMsMean()),
                    e.tpotRatio() == null ? "-" : String.format(Locale.ROOT, "%.3f", e.tpotRatio()), e.requests());
        }
        if (!x.errors().isEmpty()) {
            out.println("  errors: " + x.errors());
        }
    }

    static String ms(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f ms", v);
    }
}
