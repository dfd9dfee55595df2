package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.RunFailedException;
import dev.claimcheck.core.endpoint.ChatEndpoint;
import dev.claimcheck.core.endpoint.Preflight;
import dev.claimcheck.core.endpoint.RetryPolicy;
import dev.claimcheck.core.fingerprint.Fingerprinter;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.DatasetRef;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.RunManifest.ModelRef;
import dev.claimcheck.core.model.RunManifest.RequestSpec;
import dev.claimcheck.core.model.RunManifest.SuiteRef;
import dev.claimcheck.core.model.RunManifest.TaskList;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.sim.InMemoryOracle;
import dev.claimcheck.core.sim.SimOptions;
import dev.claimcheck.core.sim.Simulator;
import dev.claimcheck.core.store.Journal;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts and resumes audits: turns an {@link AuditSpec} (or a stopped run folder) into a run
 * folder, an endpoint and a plan, then hands them to the {@link AuditEngine}.
 */
public final class AuditSession {
    private final Clock clock;
    private final Map<String, String> environment;
    private final long journalPartLimit;

    public AuditSession(Clock clock, Map<String, String> environment, long journalPartLimit) {
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.journalPartLimit = journalPartLimit;
    }

    public static AuditSession standard() {
        return new AuditSession(Clock.systemUTC(), System.getenv(), Journal.DEFAULT_PART_LIMIT);
    }

    /** The tasks and template a spec selects, without sending anything (also used by --dry-run). */
    public AuditPlan plan(AuditSpec spec) {
        return plan(spec, null);
    }

    /** The same for one shard of the run ({@code --shard i/n}; null: every pair). */
    public AuditPlan plan(AuditSpec spec, Shard shard) {
        Suite suite = SuiteRegistry.byId(spec.suiteId());
        SuiteContext context = new SuiteContext(spec.seed(), spec.suiteOptions(), rootOf(spec).dir());
        Suite.Prepared prepared = suite.prepare(context);
        List<Task> tasks = limit(prepared.tasks(), spec.limit());
        return new AuditPlan(suite, context, prepared.dataset(), tasks, spec.k(), spec.template(), spec.systemPrompt(), spec.concurrency(),
                spec.maxTotalTokens(), shard == null ? null : ShardPartition.of(shard, tasks, spec.k()));
    }

    public Root rootOf(AuditSpec spec) {
        return rootOf(spec.root(), spec.baseUrl());
    }

    /** The given root, else the default for the endpoint: target/sim-root for the simulator, the working directory otherwise. */
    public static Root rootOf(Path root, String baseUrl) {
        if (root != null) {
            return new Root(root);
        }
        boolean simulated = SimOptions.isSim(baseUrl);
        return new Root(simulated ? Root.DEFAULT_SIM_ROOT : Path.of("."));
    }

    /** Creates a run folder and runs every attempt. */
    public AuditOutcome start(AuditSpec spec, ProgressListener progress) {
        return start(spec, null, progress);
    }

    /** Creates a run folder and runs the attempts of one shard (null: every attempt). */
    public AuditOutcome start(AuditSpec spec, Shard shard, ProgressListener progress) {
        AuditPlan plan = plan(spec, shard);
        if (spec.recipe() != null) {
            spec.recipe().check(plan.dataset()); // before the endpoint is opened: a wrong dataset sends nothing
        }
        Root root = rootOf(spec);
        String apiKey = spec.simulated() ? null : environment.get(spec.apiKeyEnv());
        Endpoints.Opened opened = Endpoints.open(spec.baseUrl(), spec.lane(), spec.seed(), spec.apiFlavor(),
                spec.apiKeyEnv(), apiKey, spec.headers(), spec.maxRetries());
        try {
            if (!spec.simulated()) {
                Preflight.check(spec.baseUrl(), apiKey, spec.headers(), Duration.ofSeconds(30));
            }
            String modelId = spec.model() != null ? spec.model() : "sim";
            Suite suite = plan.suite();
            DatasetRef dataset = plan.dataset();
            EndpointRef described = opened.describe();
            // docs/fingerprint.md: what answered, before the first attempt (the end one is taken by the engine).
            if (spec.fingerprint()) {
                described = Fingerprinter.atStart(opened.endpoint(), described, modelId, clock);
            }
            plan = ContextLimit.skipTooLong(plan, described, modelId, progress);
            // A simulator reached through a plain URL is still the simulator: its output is labelled, never a result.
            boolean simulated = spec.simulated() || Simulator.ENGINE.equals(described.engine());
            if (simulated && root.isRepository()) {
                throw new BadInputException("simulated runs never go under the repository's results/; "
                        + "omit --root (default target/sim-root) or pass another folder");
            }
            String runId = RunIds.next(clock.instant());
            RunFolder folder = root.runFolder(ModelSlug.of(modelId), suite.workload(), suite.id(), runId);
            createFolder(root, folder);
            RunManifest manifest = new RunManifest(RunManifest.SCHEMA, runId, RunStatus.RUNNING, simulated,
                    spec.lane(), suite.workload(),
                    new SuiteRef(suite.id(), suite.version(), dataset,
                            suite.recordedOptions(spec.suiteOptionValues(), plan.context())),
                    new ModelRef(modelId, ModelSlug.of(modelId), null), described,
                    RunManifest.HardwareRef.UNKNOWN,
                    new RequestSpec(spec.template(), spec.k(), spec.seed(), spec.limit(), spec.concurrency(),
                            spec.maxTotalTokens(), spec.systemPrompt(), MaxTokensCap.servedContext(spec.template(),
                            ContextLimit.of(described, modelId))),
                    HarnessInfo.probe(Path.of("."), suite.graders(spec.suiteOptions())),
                    spec.recipe() == null ? null : spec.recipe().recipe(),
                    spec.recipe() == null ? null : spec.recipe().claimRef(),
                    clock.instant().toString(), null, null, null, null, null)
                    .withSecretsRedacted(opened.endpoint().secrets().redactions()) // what describe() replaced
                    .withShard(plan.partition() == null ? null : plan.partition().ref())
                    .withTasks(plan.committedTasks()); // after --limit, skips and sharding: what the journal will hold
            RunManifestStore.write(folder, manifest);
            return execute(folder, manifest, plan, opened, progress);
        } finally {
            opened.close();
        }
    }

    /** Continues a stopped or killed run from its journal; a complete run is left as it is. */
    public AuditOutcome resume(Path runDir, Map<String, String> headerOverrides, ProgressListener progress) {
        RunFolder folder = new RunFolder(runDir);
        RunManifest manifest = RunManifestStore.read(folder);
        if (manifest.status() == RunStatus.COMPLETE) {
            return new AuditOutcome(folder, manifest, null, null);
        }
        Suite suite = SuiteRegistry.byId(manifest.suite().id());
        if (!suite.version().equals(manifest.suite().version())) {
            throw new BadInputException("run " + manifest.runId() + " used suite " + suite.id() + " version "
                    + manifest.suite().version() + "; this harness has version " + suite.version());
        }
        suite.checkResumable(manifest.suite().options());
        Object options = SuiteOptions.restore(suite, manifest.suite().options());
        RequestSpec request = manifest.request();
        SuiteContext context = new SuiteContext(request.seed(), options, Root.of(folder).dir());
        Suite.Prepared prepared = suite.prepare(context);
        List<Task> tasks = limit(prepared.tasks(), request.limit());
        String sha = prepared.dataset().sha256();
        if (manifest.suite().dataset() != null && !sha.equals(manifest.suite().dataset().sha256())) {
            throw new BadInputException("dataset hash " + sha + " differs from the run's "
                    + manifest.suite().dataset().sha256() + "; the run cannot be resumed with this data");
        }
        ShardPartition partition = null;
        if (manifest.shard() != null) {
            partition = ShardPartition.of(new Shard(manifest.shard().index(), manifest.shard().count()), tasks, request.k());
            String differs = partition.differsFrom(manifest.shard());
            if (differs != null) {
                throw new BadInputException("shard " + manifest.shard().index() + "/" + manifest.shard().count()
                        + " cannot be resumed: " + differs);
            }
        }
        AuditPlan plan = new AuditPlan(suite, context, prepared.dataset(), tasks, request.k(), request.template(), request.systemPrompt(),
                request.concurrency(), request.maxTotalTokens(), partition);
        EndpointRef endpoint = manifest.endpoint();
        Map<String, String> headers = new HashMap<>(endpoint.headers() == null ? Map.of() : endpoint.headers());
        headers.putAll(headerOverrides);
        headers.forEach((name, value) -> {
            if (Endpoints.REDACTED.equals(value)) {
                throw new BadInputException("header " + name + " was redacted in run.json; pass it again with --header");
            }
        });
        String baseUrl = manifest.simulated() ? Endpoints.simSpec(endpoint.simulator()) : endpoint.baseUrl();
        String apiKey = manifest.simulated() ? null : environment.get(endpoint.apiKeyEnv());
        Endpoints.Opened opened = Endpoints.open(baseUrl, manifest.lane(), request.seed(), endpoint.apiFlavor(),
                endpoint.apiKeyEnv(), apiKey, headers, RetryPolicy.DEFAULT_MAX_RETRIES);
        try {
            if (!manifest.simulated()) {
                Preflight.check(baseUrl, apiKey, headers, Duration.ofSeconds(30));
            }
            plan = ContextLimit.skipTooLong(plan, endpoint, manifest.model().id(), progress);
            TaskList planned = plan.committedTasks();
            if (manifest.tasks() != null && !manifest.tasks().equals(planned)) {
                throw new BadInputException("run " + manifest.runId() + " committed to " + manifest.tasks().count()
                        + " tasks (" + manifest.tasks().idsSha256() + "); this harness would run " + planned.count()
                        + " (" + planned.idsSha256() + "), so it cannot be resumed");
            }
            RunManifest running = manifest.withStatus(RunStatus.RUNNING, null, null, manifest.metrics());
            RunManifestStore.write(folder, running);
            return execute(folder, running, plan, opened, progress);
        } finally {
            opened.close();
        }
    }

    private AuditOutcome execute(RunFolder folder, RunManifest manifest, AuditPlan plan, Endpoints.Opened opened,
                                 ProgressListener progress) {
        try (Journal journal = Journal.open(folder, journalPartLimit, clock)) {
            List<RunManifest.JournalRepair> repairs = new java.util.ArrayList<>(manifest.journalRepairs());
            repairs.addAll(journal.repairs());
            RunManifest withRepairs = manifest.withJournalRepairs(repairs);
            ChatEndpoint endpoint = opened.endpoint();
            InMemoryOracle oracle = opened.oracle();
            return new AuditEngine(clock).run(folder, withRepairs, plan, endpoint, oracle, journal, progress);
        }
    }

    private static void createFolder(Root root, RunFolder folder) {
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new RunFailedException("cannot write to root " + root.dir() + ": " + e.getClass().getSimpleName()
                    + " " + e.getMessage());
        }
        if (!Files.isWritable(folder.dir())) {
            throw new RunFailedException("cannot write to root " + root.dir() + ": " + folder.dir() + " is not writable");
        }
    }

    static List<Task> limit(List<Task> tasks, Integer limit) {
        if (limit == null || limit >= tasks.size()) {
            return tasks;
        }
        if (limit < 1) {
            throw new BadInputException("--limit must be at least 1, got " + limit);
        }
        return tasks.subList(0, limit);
    }
}
