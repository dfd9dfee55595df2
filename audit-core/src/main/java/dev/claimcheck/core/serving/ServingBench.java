package dev.claimcheck.core.serving;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.endpoint.Secrets;
import dev.claimcheck.core.fingerprint.Fingerprinter;
import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.RunManifest.HardwareRef;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ServerMeans;
import dev.claimcheck.core.model.WireProfile;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.provenance.HardwareProbe;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.run.Endpoints;
import dev.claimcheck.core.run.HarnessInfo;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.SummaryCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs a serving bench into an ordinary run folder ({@code results/runs/<model-slug>/throughput/serving/<run-id>/}):
 * run.json written running then complete, one sample line per request (its {@code load} record), Prometheus
 * snapshots before and after, summary.csv. With {@code --base-url sim:…} the simulator runs in this JVM on its own
 * thread pool, so its token emit times and the client's receive times share one monotonic clock (calibration); its
 * threads compete with the client for the cores, which the client's loop lag then shows. A simulator in its own
 * process on this host sends its emit times in its stream instead (EmitStamps).
 */
public final class ServingBench {
    public static final String SUITE_ID = "serving";
    public static final String SUITE_VERSION = "1";
    /** Bumped when the prompt generator changes. */
    public static final String GENERATOR_VERSION = "1";
    public static final String PROMETHEUS_BEFORE = "prometheus-before.txt";
    public static final String PROMETHEUS_AFTER = "prometheus-after.txt";
    /** What the engine said about itself (/version, /v1/models, SGLang server and model info), secrets scrubbed. */
    public static final String ENGINE_INFO = "engine-info.json";
    /** A/B mode: {@code stats.ThroughputComparison.Report}, written into both arms' folders when both are complete. */
    public static final String COMPARISON = ThroughputComparison.FILE;

    private final Clock clock;
    private final Path nvidiaSmi;

    /** @param nvidiaSmi the nvidia-smi executable for the hardware probe, or null */
    public ServingBench(Clock clock, Path nvidiaSmi) {
        this.clock = clock;
        this.nvidiaSmi = nvidiaSmi;
    }

    public static ServingBench standard() {
        return new ServingBench(Clock.systemUTC(), HardwareProbe.findNvidiaSmi());
    }

    /** One finished point, for progress lines. */
    public record PointDone(LoadPoint point, LoadRunner.PointResult result) {
    }

    /** Runs every point and returns the complete run folder's manifest. */
    public AuditOutcome run(BenchRun run, BenchProgress progress) {
        try (Arm arm = open(run)) {
            for (LoadPoint p : run.spec().points()) {
                progress.pointDone(arm.point(p, progress));
            }
            return arm.finish();
        }
    }

    /**
     * Finishes a killed or stopped run: the points whose records are all in the journal are kept, the others run
     * again from scratch (a partly appended point is cut from the journal first, recorded in journalRepairs), and
     * the metrics are recomputed over all records. A complete run is returned as it is.
     *
     * @param run the bench rebuilt from the run's recorded options ({@code suite.options}, endpoint)
     */
    public AuditOutcome resume(RunFolder folder, BenchRun run, BenchProgress progress) {
        RunManifest manifest = RunManifestStore.read(folder);
        if (manifest.status() == RunStatus.COMPLETE) {
            return new AuditOutcome(folder, manifest, null, null);
        }
        if (!SUITE_ID.equals(manifest.suite().id()) || !SUITE_VERSION.equals(manifest.suite().version())) {
            throw new BadInputException("run " + manifest.runId() + " is suite " + manifest.suite().id() + " version "
                    + manifest.suite().version() + ", not " + SUITE_ID + " version " + SUITE_VERSION + "; bench cannot resume it");
        }
        try (Arm arm = reopen(folder, manifest, run)) {
            for (LoadPoint p : run.spec().points()) {
                if (!arm.kept.contains(p.index())) {
                    progress.pointDone(arm.point(p, progress));
                }
            }
            return arm.finish();
        }
    }

    /** Reopens a run folder: its endpoint (the same simulator for a simulated run), its journal, its kept points. */
    private Arm reopen(RunFolder folder, RunManifest manifest, BenchRun run) {
        boolean sim = SimOptions.isSim(run.baseUrl());
        Endpoints.Opened opened = Endpoints.open(run.baseUrl(), Lane.INSTANT, run.spec().seed(), "openai",
                run.apiKeyEnv(), sim ? null : run.spec().apiKey(), run.spec().headers(), 0);
        Journal journal = null;
        try {
            String target = sim ? opened.simulator().baseUrl() : run.baseUrl();
            journal = Journal.open(folder, Journal.DEFAULT_PART_LIMIT, clock);
            Set<Integer> kept = keptPoints(journal, manifest);
            List<Sample> tail = journal.samples().stream().filter(s -> s.load() == null || !kept.contains(s.load().point().index())).toList();
            if (!tail.isEmpty()) {
                journal.cutFrom(tail.get(0).key(), clock);
            }
            List<RunManifest.JournalRepair> repairs = new ArrayList<>(manifest.journalRepairs());
            repairs.addAll(journal.repairs());
            RunManifest running = manifest.withJournalRepairs(repairs)
                    .withStatus(RunStatus.RUNNING, null, null, RunMetrics.of(journal.samples(), ThroughputFigures.INSTANCE));
            RunManifestStore.write(folder, running);
            String serverRoot = target.replaceAll("/+$", "").replaceAll("/v1$", "");
            Arm arm = new Arm(opened, runner(run, target, EmitStamps.of(opened, manifest.endpoint(), target), opened,
                    manifest.endpoint()), folder, running, manifest.endpoint(),
                    serverRoot, manifest.simulated(), journal, opened.endpoint().secrets().redactions());
            arm.kept.addAll(kept);
            return arm;
        } catch (RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            opened.close();
            throw e;
        }
    }

    /**
     * The points whose records are all in the journal. Points run in order and a point's records are appended only
     * after it ends, so a point is whole when a later point has records, or when run.json's checkpoint (the
     * metrics written after each point's records) lists it; only the journal's last point can be partial.
     */
    private static Set<Integer> keptPoints(Journal journal, RunManifest manifest) {
        List<Integer> order = journal.samples().stream().filter(s -> s.load() != null)
                .map(s -> s.load().point().index()).distinct().toList();
        Set<Integer> kept = new TreeSet<>(order.isEmpty() ? List.of() : order.subList(0, order.size() - 1));
        if (!order.isEmpty() && manifest.metrics() != null && manifest.metrics().get(ThroughputFigures.POINTS) != null
                && manifest.metrics().get(ThroughputFigures.POINTS).stream().anyMatch(p -> p.index() == order.get(order.size() - 1))) {
            kept.add(order.get(order.size() - 1));
        }
        return kept;
    }

    /**
     * Context-length A/B: the same sweep against two endpoints or models, {@code repeats} times, interleaved
     * (A then B on even repeats, B then A on odd ones, so drift hits both arms alike). Each arm is an ordinary run
     * folder whose points are the sweep repeated; {@code stats.ThroughputComparison} compares them, and the report
     * goes into both folders as {@value #COMPARISON}.
     */
    public List<AuditOutcome> runAb(BenchRun a, BenchRun b, int repeats, BenchProgress progress) {
        try (Arm armA = open(a); Arm armB = open(b)) {
            List<LoadPoint> sweep = a.spec().points();
            for (int r = 0; r < repeats; r++) {
                for (LoadPoint p : sweep) {
                    LoadPoint repeated = new LoadPoint(r * sweep.size() + p.index(), p.concurrency(), p.rate(), p.arrival(),
                            p.burstiness(), p.inputTokens(), p.outputTokens(), p.sloTtftMs(), p.sloTpotMs(), p.prefixShare());
                    for (Arm arm : r % 2 == 0 ? List.of(armA, armB) : List.of(armB, armA)) {
                        progress.pointDone(arm.point(repeated, progress));
                    }
                }
            }
            List<AuditOutcome> done = List.of(armA.finish(), armB.finish());
            writeComparison(done.get(0), done.get(1), repeats);
            return done;
        }
    }

    private static void writeComparison(AuditOutcome a, AuditOutcome b, int repeats) {
        RunManifest ma = a.manifest();
        RunManifest mb = b.manifest();
        ThroughputComparison.Report report = ThroughputComparison.Report.of(ma.runId(), ma.model().id(),
                ma.metrics().get(ThroughputFigures.POINTS), mb.runId(), mb.model().id(), mb.metrics().get(ThroughputFigures.POINTS), repeats);
        for (AuditOutcome arm : List.of(a, b)) {
            RunManifestStore.writeAtomically(arm.folder().dir().resolve(COMPARISON),
                    () -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        }
    }

    /** Opens an endpoint (or simulator), creates the run folder with status running and opens its journal. */
    Arm open(BenchRun run) {
        boolean sim = SimOptions.isSim(run.baseUrl());
        Root root = new Root(run.root() != null ? run.root() : sim ? Root.DEFAULT_SIM_ROOT : Path.of("."));
        Endpoints.Opened opened = Endpoints.open(run.baseUrl(), Lane.INSTANT, run.spec().seed(), "openai",
                run.apiKeyEnv(), sim ? null : run.spec().apiKey(), run.spec().headers(), 0);
        try {
            String target = sim ? opened.simulator().baseUrl() : run.baseUrl();
            EndpointRef probed = opened.describe();
            // docs/fingerprint.md: what answered, before the first point (outside every measured window).
            EndpointRef described = run.fingerprint()
                    ? Fingerprinter.atStart(opened.endpoint(), probed, run.spec().model(), clock) : probed;
            EmitStamps stamps = EmitStamps.of(opened, described, target);
            LoadRunner runner = runner(run, target, stamps, opened, described);
            boolean simulated = sim || Simulator.ENGINE.equals(described.engine());
            if (simulated && root.isRepository()) {
                throw new BadInputException("simulated runs never go under the repository's results/; "
                        + "omit --root (default target/sim-root) or pass another folder");
            }
            // The simulator runs on this machine's CPU: probing its GPUs would attribute them to it.
            HardwareRef hardware = sim ? (run.hardware() == null ? HardwareRef.UNKNOWN : HardwareProbe.declared(run.hardware()))
                    : HardwareProbe.of(target, run.hardware(), nvidiaSmi);
            String runId = RunIds.next(clock.instant());
            RunFolder folder = root.runFolder(ModelSlug.of(run.spec().model()), Workload.THROUGHPUT, SUITE_ID, runId);
            create(folder);
            String serverRoot = target.replaceAll("/+$", "").replaceAll("/v1$", "");
            RunManifest manifest = new RunManifest(RunManifest.SCHEMA, runId, RunStatus.RUNNING, simulated, Lane.INSTANT,
                    Workload.THROUGHPUT, new RunManifest.SuiteRef(SUITE_ID, SUITE_VERSION, dataset(run), run.options()),
                    new RunManifest.ModelRef(run.spec().model(), ModelSlug.of(run.spec().model()), null), described, hardware,
                    new RunManifest.RequestSpec(runner.template(run.spec().points().get(0)), 1, run.spec().seed(), null,
                            maxConcurrency(run), null, null),
                    HarnessInfo.probe(Path.of("."), Map.of(CompletionCheck.GRADER, CompletionCheck.VERSION))
                            .withClient(BenchClientInfo.of(run.spec(), stamps.note())),
                    null, null, clock.instant().toString(), null, null, null, null, null)
                    .withSecretsRedacted(opened.endpoint().secrets().redactions()); // what describe() replaced
            long counted = opened.endpoint().secrets().redactions();
            RunManifestStore.write(folder, manifest);
            RunManifestStore.writeAtomically(folder.dir().resolve(ENGINE_INFO),
                    () -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(described));
            PrometheusSnapshots.take(serverRoot, folder.dir().resolve(PROMETHEUS_BEFORE), opened.endpoint().secrets());
            return new Arm(opened, runner, folder, manifest, described, serverRoot, simulated,
                    Journal.open(folder, Journal.DEFAULT_PART_LIMIT, clock), counted);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** The runner for an opened endpoint: emit stamps asked for only from a simulator on this host (EmitStamps). */
    private static LoadRunner runner(BenchRun run, String target, EmitStamps stamps, Endpoints.Opened opened,
                                     EndpointRef described) {
        return new LoadRunner(run.spec(), target, stamps.trusted(), CalibrationInputs.pacing(opened, described));
    }

    /** One endpoint being measured into one run folder. */
    final class Arm implements AutoCloseable {
        private final Endpoints.Opened opened;
        private final LoadRunner runner;
        private final RunFolder folder;
        private final RunManifest manifest;
        private final EndpointRef described;
        private final String serverRoot;
        private final boolean simulated;
        private final Journal journal;
        private final Secrets secrets;
        /** The redactor's count already in {@code manifest}: the rest is this session's. */
        private final long counted;
        private final Map<String, long[]> traces = new ConcurrentHashMap<>();
        private final Function<String, long[]> emitTimes;
        /** On resume: the points already whole in the journal. */
        private final Set<Integer> kept = new TreeSet<>();
        /** The simulator's configured TTFT (in process or {@code sim@.}), each record's calibration truth; null for an engine. */
        private final Long simulatedTtftUs;
        /** The wire profile of this session's complete responses. */
        private WireProfile wireSeen = WireProfile.NONE;

        Arm(Endpoints.Opened opened, LoadRunner runner, RunFolder folder, RunManifest manifest, EndpointRef described,
            String serverRoot, boolean simulated, Journal journal, long counted) {
            this.opened = opened;
            this.runner = runner;
            this.folder = folder;
            this.manifest = manifest;
            this.described = described;
            this.serverRoot = serverRoot;
            this.simulated = simulated;
            this.journal = journal;
            this.secrets = opened.endpoint().secrets();
            this.counted = counted;
            if (opened.simulator() != null) {
                opened.simulator().onTokens(t -> traces.put(t.promptSha256(), t.emitNanos()));
            }
            this.emitTimes = opened.simulator() == null ? null : traces::remove;
            this.simulatedTtftUs = CalibrationInputs.simulatedTtftUs(CalibrationInputs.pacing(opened, described));
        }

        /** Runs one point; its records are appended after it ends, so no disk write competes with the measurement. */
        PointDone point(LoadPoint p, BenchProgress progress) {
            LiveCounts live = new LiveCounts();
            progress.pointStarted(p, live);
            // The engine's histograms just before and after the point (outside its window): its own latency means.
            boolean prometheus = Files.isRegularFile(folder.dir().resolve(PROMETHEUS_BEFORE));
            Map<String, Double> before = prometheus ? PrometheusSnapshots.summaryNow(serverRoot) : null;
            LoadRunner.PointResult result = runner.run(p, emitTimes, simulatedTtftUs, live);
            ServerMeans means = before == null ? null
                    : PrometheusClock.between(before, PrometheusSnapshots.summaryNow(serverRoot));
            wireSeen = wireSeen.merge(result.wireProfile());
            traces.clear();
            // Error bodies and finish reasons come from the server: redacted before the journal or a message sees them.
            List<Sample> samples = result.samples().stream().map(s -> redacted(CalibrationInputs.withMeans(s, means), secrets)).toList();
            samples.forEach(journal::append);
            // The checkpoint that tells a resume this point's records are all in (docs/throughput.md, resume).
            Metrics sofar = RunMetrics.of(journal.samples(), ThroughputFigures.INSTANCE);
            Sample refused = samples.stream()
                    .filter(s -> s.error() != null && s.error().cause() == ErrorCause.AUTH).findFirst().orElse(null);
            if (refused != null) {
                RunManifestStore.write(folder, counted().withStatus(RunStatus.STOPPED, clock.instant().toString(),
                        "credentials refused", sofar));
                throw new RunFailedException("the endpoint refused the credentials: " + refused.error().message());
            }
            RunManifestStore.write(folder, counted().withStatus(RunStatus.RUNNING, null, null, sofar));
            return new PointDone(p, result);
        }

        /** The after-snapshot, the metrics from the journal, run.json complete and summary.csv. */
        AuditOutcome finish() {
            PrometheusSnapshots.take(serverRoot, folder.dir().resolve(PROMETHEUS_AFTER), secrets);
            Metrics metrics = RunMetrics.of(journal.samples(), ThroughputFigures.INSTANCE);
            RunManifest complete = counted().withEndpoint(Fingerprinter.atEnd(opened.endpoint(),
                    PrometheusSnapshots.summarised(described, folder), manifest.model().id(), clock)
                    .withWireProfileSeen(wireSeen))
                    .withStatus(RunStatus.COMPLETE, clock.instant().toString(), null, metrics);
            RunManifestStore.write(folder, complete);
            SummaryCsv.write(folder, metrics, ThroughputFigures.INSTANCE, simulated);
            return new AuditOutcome(folder, complete, null, null);
        }

        /** The manifest with this session's replacements so far added. */
        private RunManifest counted() {
            return manifest.withSecretsRedacted(secrets.redactions() - counted);
        }

        @Override
        public void close() {
            try {
                journal.close();
            } finally {
                opened.close();
            }
        }
    }

    /** The synthetic prompt set: identified by generator version, tokenizer, seed and prefix share. */
    private static DatasetRef dataset(BenchRun run) {
        String id = "synthetic-words/" + GENERATOR_VERSION + "/" + run.spec().tokenizer() + "/seed=" + run.spec().seed()
                + "/prefixShare=" + run.spec().prefixShare();
        return new DatasetRef("synthetic-" + run.spec().tokenizer(), PromptHash.sha256Hex(id), null, true, GENERATOR_VERSION);
    }

    private static int maxConcurrency(BenchRun run) {
        return run.spec().points().stream().mapToInt(p -> p.concurrency() == null ? 0 : p.concurrency()).max().orElse(0);
    }

    /** A bench record with the server's words (error message, finish reason) redacted. */
    private static Sample redacted(Sample s, Secrets secrets) {
        AttemptError e = s.error() == null ? null
                : new AttemptError(s.error().cause(), secrets.redact(s.error().message()), s.error().retries());
        return new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                secrets.redact(s.response()), s.usage(), s.timing(), s.verdict(), e, s.retries(), s.transcript(), s.load());
    }

    private static void create(RunFolder folder) {
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new RunFailedException("cannot create " + folder.dir() + ": " + e.getMessage(), e);
        }
    }
}
