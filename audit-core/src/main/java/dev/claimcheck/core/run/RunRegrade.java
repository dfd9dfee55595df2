package dev.claimcheck.core.run;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.FileRef;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.proof.Proofs;
import dev.claimcheck.core.provenance.Manifest;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.StreamedJournal;
import dev.claimcheck.core.store.SummaryCsv;
import dev.claimcheck.core.suite.RegradeMethod;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code grade --run RUN_DIR [--shard i/n]}: the recorded responses of a complete run graded again with this harness's
 * graders — the suite's {@code grade(task, content)}, the code sandbox included — into a new run folder, without calling
 * the endpoint. With {@code --shard} it re-grades the pairs {@link ShardPartition} gives that shard, and the shards merge
 * with {@link AuditMerge} like audit shards. The new run cites the recorded run in {@code regradeOf} (docs/scale-out.md).
 */
public final class RunRegrade {
    private final Clock clock;
    private final long journalPartLimit;

    public RunRegrade(Clock clock, long journalPartLimit) {
        this.clock = clock;
        this.journalPartLimit = journalPartLimit;
    }

    /** @param rootOverride where the new run goes (null: the recorded run's root) */
    public AuditOutcome regrade(Path runDir, Shard shard, Path rootOverride) {
        RunFolder source = new RunFolder(runDir);
        RunManifest recorded = RunManifestStore.read(source);
        if (recorded.status() != RunStatus.COMPLETE) {
            throw new BadInputException(runDir + " is not complete (status " + recorded.status().id() + "): resume it first");
        }
        if (recorded.shard() != null) {
            throw new BadInputException(runDir + " is one shard of a run: merge the shards (audit --merge) and re-grade the merged run");
        }
        Suite suite = SuiteRegistry.byId(recorded.suite().id());
        if (suite.regrade() == RegradeMethod.AGENT_REPLAY || suite.regrade() == RegradeMethod.RECORDED_TEST_LOG) {
            throw new BadInputException("suite " + suite.id() + " is graded on its episodes (a final state, an evaluated patch),"
                    + " not by grading text: grade --run does not apply (verify re-derives them)");
        }
        if (!suite.version().equals(recorded.suite().version())) {
            throw new BadInputException("run " + recorded.runId() + " used suite " + suite.id() + " version "
                    + recorded.suite().version() + "; this harness has version " + suite.version());
        }
        Path sourceRoot = Root.containing(runDir);
        Root target = new Root(rootOverride != null ? rootOverride : sourceRoot != null ? sourceRoot : runDir.getParent());
        Object options = SuiteOptions.restore(suite, recorded.suite().options());
        SuiteContext context = new SuiteContext(recorded.request().seed(), options,
                (sourceRoot != null ? sourceRoot : target.dir()));
        Suite.Prepared prepared = suite.prepare(context);
        if (recorded.suite().dataset() != null && !prepared.dataset().sha256().equals(recorded.suite().dataset().sha256())) {
            throw new BadInputException("dataset hash " + prepared.dataset().sha256() + " differs from the run's "
                    + recorded.suite().dataset().sha256() + ": put the run's dataset in the root");
        }
        List<Task> tasks = AuditSession.limit(prepared.tasks(), recorded.request().limit());
        Map<String, Task> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        ShardPartition partition = shard == null ? null : ShardPartition.of(shard, tasks, recorded.request().k());

        String started = clock.instant().toString();
        String runId = RunIds.next(clock.instant());
        RunFolder folder = target.runFolder(recorded.model().slug(), recorded.workload(), suite.id(), runId);
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new BadInputException("cannot write to root " + target.dir() + ": " + e.getMessage(), e);
        }
        Iterator<Sample> regraded = new Regraded(StreamedJournal.of(source).iterator(), partition, byId, suite);
        StreamedJournal.write(folder, regraded, journalPartLimit);

        StreamedJournal samples = StreamedJournal.of(folder);
        Metrics metrics = samples.isEmpty() ? null : RunMetrics.of(samples, suite.figures());
        RunManifest out = new RunManifest(RunManifest.SCHEMA, runId, RunStatus.COMPLETE, recorded.simulated(), recorded.lane(),
                recorded.workload(), recorded.suite(), recorded.model(), recorded.endpoint(), recorded.hardware(),
                recorded.request(), HarnessInfo.probe(Path.of("."), suite.graders(options)), recorded.recipe(),
                recorded.claimRef(), started, clock.instant().toString(), null, metrics, null, null,
                recorded.secretsRedacted(), partition == null ? null : partition.ref(), null, cite(runDir, recorded, target),
                partition == null ? recorded.tasks() : new AuditPlan(suite, context, prepared.dataset(), tasks, recorded.request().k(),
                        recorded.request().template(), null, 1, null, partition).committedTasks()); // a shard's own list
        out = out.withProofs(Proofs.write(target, out, samples));
        RunManifestStore.write(folder, out);
        if (metrics != null) {
            SummaryCsv.write(folder, metrics, suite.figures(), out.simulated());
        }
        return new AuditOutcome(folder, out, null, null);
    }

    /** The recorded run: its folder relative to the root the new run is in (else its name), its MANIFEST's hash, its id. */
    private static FileRef cite(Path runDir, RunManifest recorded, Root target) {
        Path abs = runDir.toAbsolutePath().normalize();
        Path root = target.dir().toAbsolutePath().normalize();
        String path = abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.getFileName().toString();
        Path manifest = runDir.resolve(Manifest.FILE);
        try {
            String sha = Files.isRegularFile(manifest) ? PromptHash.sha256Hex(Files.readAllBytes(manifest)) : null;
            return new FileRef(path, sha, recorded.runId());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
    }

    /** The recorded samples of this shard, each graded again; errored attempts are kept as they are. */
    private static final class Regraded implements Iterator<Sample> {
        private final Iterator<Sample> recorded;
        private final ShardPartition partition;
        private final Map<String, Task> tasks;
        private final Suite suite;
        private Sample next;

        Regraded(Iterator<Sample> recorded, ShardPartition partition, Map<String, Task> tasks, Suite suite) {
            this.recorded = recorded;
            this.partition = partition;
            this.tasks = tasks;
            this.suite = suite;
            advance();
        }

        private void advance() {
            next = null;
            while (recorded.hasNext()) {
                Sample s = recorded.next();
                if (partition == null || partition.owns(s.taskId(), s.attempt())) {
                    next = s;
                    return;
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Sample next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Sample s = next;
            advance();
            return s.graded() ? graded(s) : s;
        }

        private Sample graded(Sample s) {
            Task task = tasks.get(s.taskId());
            if (task == null) {
                throw new BadInputException("sample " + s.taskId() + "#" + s.attempt() + " names a task the suite does not have");
            }
            Verdict verdict = suite.grade(task, s.response() == null ? "" : s.response().content());
            if (s.response() != null && s.response().truncated()) {
                verdict = verdict.markedTruncated();
            }
            return new Sample(s.taskId(), s.attempt(), s.messages(), s.promptSha256(), s.targetTokens(), s.request(),
                    s.response(), s.usage(), s.timing(), verdict, null, s.retries(), s.transcript(), s.load());
        }
    }
}
