package dev.claimcheck.core.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Lane;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.RunManifest.EndpointRef;
import dev.claimcheck.core.model.RunManifest.HardwareRef;
import dev.claimcheck.core.model.RunManifest.ModelRef;
import dev.claimcheck.core.model.RunManifest.RequestSpec;
import dev.claimcheck.core.model.RunManifest.SuiteRef;
import dev.claimcheck.core.model.RunManifest.TaskList;
import dev.claimcheck.core.model.RunStatus;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.proof.Proofs;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.store.StreamedJournal;
import dev.claimcheck.core.store.SummaryCsv;
import dev.claimcheck.core.suite.Suite;
import dev.claimcheck.core.suite.SuiteContext;
import dev.claimcheck.core.suite.SuiteOptions;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.swebench.ImportedAttempts;
import dev.claimcheck.core.suite.swebench.SwebenchOptions;
import dev.claimcheck.core.suite.swebench.SwebenchSuite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code swebench import --root DIR}: a SWE-bench submission as a run folder of suite {@code swebench}, one sample per
 * instance whose log style is parsed here, its verdict re-scored from the harness's log and its claim from
 * report.json beside it in {@code verdict.detail}, so {@code verify} re-derives it and the site shows it. Nothing is
 * sent: the run's endpoint reads {@code imported:<submission>}, it is not simulated, and {@code suite.options} records
 * {@code --import-submission} (docs/grading/swebench.md).
 */
public final class SwebenchImportRun {
    /** The endpoint an imported run names: no server answered, the submission did. */
    public static final String ENDPOINT_PREFIX = "imported:";

    private final Clock clock;
    private final long journalPartLimit;

    public SwebenchImportRun(Clock clock, long journalPartLimit) {
        this.clock = clock;
        this.journalPartLimit = journalPartLimit;
    }

    /**
     * @param dataset the parquet, recorded relative to the root (put it there for verify to re-read it)
     * @param model the model whose predictions these are
     */
    public AuditOutcome write(Path rootDir, Path dataset, Path submission, String model, Lane lane) {
        SwebenchSuite suite = (SwebenchSuite) SuiteRegistry.byId(SwebenchSuite.ID);
        SwebenchOptions options = ImportedAttempts.options(dataset, submission);
        SuiteContext context = new SuiteContext(0, options, rootDir);
        Suite.Prepared prepared = suite.prepare(context);
        List<ImportedAttempts.Attempt> attempts = ImportedAttempts.of(suite, context, submission);
        if (attempts.isEmpty()) {
            throw new BadInputException(dataset.getFileName() + ": no instance of a repository whose log style is parsed here;"
                    + " nothing to write");
        }
        String started = clock.instant().toString();
        String runId = RunIds.next(clock.instant());
        Root root = new Root(rootDir);
        String slug = ModelSlug.of(model);
        RunFolder folder = root.runFolder(slug, suite.workload(), suite.id(), runId);
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new BadInputException("cannot write to root " + rootDir + ": " + e.getMessage(), e);
        }
        var request = JsonNodeFactory.instance.objectNode().put("model", model); // the model the predictions name
        List<Sample> samples = attempts.stream().map(a -> new Sample(a.task().id(), 0, null,
                PromptHash.of(ChatMessage.withSystemPrompt(null, suite.messages(a.task(), context))), null, request,
                new Response("", null, List.of(), "stop"), null, null, a.verdict(), null, List.of())).toList();
        StreamedJournal.write(folder, samples.iterator(), journalPartLimit);
        Metrics metrics = RunMetrics.of(samples, suite.figures());
        Map<String, String> recorded = new TreeMap<>(suite.recordedOptions(SuiteOptions.values(options), context));
        recorded.keySet().retainAll(List.of("--dataset", "--import-submission"));
        String name = submission.toAbsolutePath().normalize().getFileName().toString();
        RunManifest out = new RunManifest(RunManifest.SCHEMA, runId, RunStatus.COMPLETE, false, lane, suite.workload(),
                new SuiteRef(suite.id(), suite.version(), prepared.dataset(), recorded), new ModelRef(model, slug, null),
                new EndpointRef(ENDPOINT_PREFIX + name, null, "swebench-harness", null, null, null, null, null, null),
                HardwareRef.UNKNOWN, new RequestSpec(request, 1, 0, null, 1, null, null),
                HarnessInfo.probe(Path.of("."), suite.graders(options)), null, null, started, clock.instant().toString(),
                null, metrics, null, null)
                .withTasks(new TaskList((int) samples.stream().map(Sample::taskId).distinct().count(),
                        ShardPartition.taskIdsSha256(samples.stream().map(Sample::taskId).distinct())));
        out = out.withProofs(Proofs.write(root, out, samples));
        RunManifestStore.write(folder, out);
        SummaryCsv.write(folder, metrics, suite.figures(), false);
        return new AuditOutcome(folder, out, null, null);
    }
}
