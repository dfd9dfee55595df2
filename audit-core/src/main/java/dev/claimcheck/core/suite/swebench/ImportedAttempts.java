package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Task;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.suite.SuiteContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submission as one attempt per instance whose log style this project parses, for the run folder of
 * {@code swebench import --root}: the prediction's patch, the harness's {@code test_output.txt} read as
 * {@link SwebenchReplay} reads an evaluation log, and the {@code report.json} claim beside it. The verdicts are those
 * {@link SubmissionImport} re-scores (not submitted, an empty patch or no log: unresolved), so {@code verify} re-derives
 * them from the run folder alone.
 */
public final class ImportedAttempts {
    /** One imported attempt: the task (as {@code prepare} gives it) and its verdict. */
    public record Attempt(Task task, Verdict verdict) {
    }

    private ImportedAttempts() {
    }

    /** The options of an import run: the dataset and the submission's folder name. */
    public static SwebenchOptions options(Path dataset, Path submission) {
        SwebenchOptions o = new SwebenchOptions();
        o.dataset = dataset;
        o.importSubmission = submission.toAbsolutePath().normalize().getFileName().toString();
        return o;
    }

    /** Every re-scorable instance's attempt, in dataset order; {@code context} holds {@link #options}. */
    public static List<Attempt> of(SwebenchSuite suite, SuiteContext context, Path submission) {
        Path predictionsFile = SubmissionImport.PREDICTION_FILES.stream().map(submission::resolve).filter(Files::isRegularFile)
                .findFirst().orElseThrow(() -> new BadInputException(submission + ": no predictions (looked for "
                        + String.join(", ", SubmissionImport.PREDICTION_FILES) + ")"));
        Map<String, Prediction> predictions = Prediction.read(predictionsFile);
        Map<String, Path> folders = SubmissionImport.instanceFolders(submission);
        List<Attempt> out = new ArrayList<>();
        for (Task task : suite.prepare(context).tasks()) {
            out.add(new Attempt(task, verdict(task, predictions.get(task.id()), folders.get(task.id()))));
        }
        return out;
    }

    static Verdict verdict(Task task, Prediction prediction, Path folder) {
        Boolean claimed = folder != null && Files.isRegularFile(folder.resolve("report.json"))
                ? HarnessReport.read(folder.resolve("report.json"), task.id()).resolved() : null;
        String patch = prediction == null || prediction.emptyPatch() ? "" : prediction.modelPatch();
        SwebenchDetail base = new SwebenchDetail(task.id(), task.meta().get(SwebenchReplay.META_REPO), SwebenchDetail.IMPORTED,
                0, List.of(), patch, null, false, null, null, null, null, claimed);
        Optional<Path> log = Optional.ofNullable(folder).map(f -> f.resolve("test_output.txt")).filter(Files::isRegularFile);
        SwebenchDetail detail = patch.isEmpty() || log.isEmpty() ? SwebenchReplay.unevaluated(base)
                : SwebenchReplay.judged(base, task, SubmissionImport.read(log.get()));
        return SwebenchReplay.verdict(task, detail);
    }
}
