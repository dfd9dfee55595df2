package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.suite.swebench.Rescored.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Imports a SWE-bench submission (its predictions and the harness's per-instance folders, {@code
 * logs/run_evaluation/<run_id>/<model>/<instance_id>/report.json} and {@code test_output.txt}, or the experiments
 * repository's {@code logs/<instance_id>/}) and re-scores every instance of the dataset from its recorded log.
 */
public final class SubmissionImport {
    /** Instance folders sit at most this deep below the submission (logs/run_evaluation/run/model/instance). */
    private static final int MAX_DEPTH = 6;
    static final List<String> PREDICTION_FILES = List.of("all_preds.jsonl", "preds.json");

    private SubmissionImport() {
    }

    public static ImportResult run(SwebenchDataset dataset, Path submission) {
        return run(dataset, submission, Optional.empty());
    }

    /** As {@link #run(SwebenchDataset, Path)}, also checking the harness's run report against the instances' reports. */
    public static ImportResult run(SwebenchDataset dataset, Path submission, Optional<Path> runReportFile) {
        if (!Files.isDirectory(submission)) {
            throw new BadInputException(submission + ": not a directory (a submission folder holds all_preds.jsonl or preds.json and logs/)");
        }
        Path predictionsFile = PREDICTION_FILES.stream().map(submission::resolve).filter(Files::isRegularFile).findFirst()
                .orElseThrow(() -> new BadInputException(submission + ": no predictions (looked for " + String.join(", ", PREDICTION_FILES) + ")"));
        Map<String, Prediction> predictions = Prediction.read(predictionsFile);
        for (String id : predictions.keySet()) {
            if (dataset.instance(id).isEmpty()) {
                throw new BadInputException(predictionsFile.getFileName() + ": " + id + " is not an instance of " + dataset.fileName());
            }
        }
        Map<String, Path> folders = instanceFolders(submission);
        List<Rescored> rows = new ArrayList<>();
        for (SwebenchInstance instance : dataset.instances()) {
            rows.add(rescore(instance, predictions.get(instance.instanceId()), folders.get(instance.instanceId())));
        }
        Optional<RunReport> runReport = runReportFile.map(RunReport::read);
        Map<String, Boolean> claims = new LinkedHashMap<>();
        rows.forEach(r -> r.claimed().ifPresent(c -> claims.put(r.instanceId(), c)));
        List<String> problems = runReport.map(rr -> rr.problems(dataset.instances().size(), claims)).orElse(List.of());
        return new ImportResult(dataset.fileName(), dataset.sha256(), predictionsFile.getFileName().toString(),
                predictions.size(), rows, runReport, problems);
    }

    static Rescored rescore(SwebenchInstance instance, Prediction prediction, Path folder) {
        String id = instance.instanceId();
        Optional<Boolean> claimed = Optional.empty();
        if (folder != null && Files.isRegularFile(folder.resolve("report.json"))) {
            claimed = Optional.of(HarnessReport.read(folder.resolve("report.json"), id).resolved());
        }
        if (prediction == null) {
            return new Rescored(id, instance.repo(), claimed, Outcome.UNRESOLVED, "not submitted");
        }
        if (prediction.emptyPatch()) {
            return new Rescored(id, instance.repo(), claimed, Outcome.UNRESOLVED, "empty patch");
        }
        Optional<LogParser> parser = LogParser.forRepo(instance.repo());
        if (parser.isEmpty()) {
            return new Rescored(id, instance.repo(), claimed, Outcome.NOT_RESCORED,
                    "no log parser for " + instance.repo() + " in this project");
        }
        Path log = folder == null ? null : folder.resolve("test_output.txt");
        if (log == null || !Files.isRegularFile(log)) {
            return new Rescored(id, instance.repo(), claimed, Outcome.UNRESOLVED, "no test log (test_output.txt)");
        }
        TestLog parsed = TestLog.parse(read(log), parser.get());
        if (parsed.notApplied().isPresent()) {
            return new Rescored(id, instance.repo(), claimed, Outcome.UNRESOLVED, parsed.notApplied().get());
        }
        Resolution resolution = Resolution.of(instance, parsed.statuses());
        if (resolution.resolved()) {
            return new Rescored(id, instance.repo(), claimed, Outcome.RESOLVED, "");
        }
        List<String> failing = new ArrayList<>(resolution.failToPassFailure());
        failing.addAll(resolution.passToPassFailure());
        return new Rescored(id, instance.repo(), claimed, Outcome.UNRESOLVED,
                failing.size() + " listed test(s) not passing, first " + failing.get(0));
    }

    /** Folders named by an instance id that hold a report.json or a test_output.txt. */
    static Map<String, Path> instanceFolders(Path submission) {
        Map<String, Path> folders = new HashMap<>();
        try (Stream<Path> files = Files.walk(submission, MAX_DEPTH)) {
            files.filter(f -> f.getFileName().toString().equals("report.json") || f.getFileName().toString().equals("test_output.txt"))
                    .map(Path::getParent).distinct().forEach(dir -> {
                        Path other = folders.putIfAbsent(dir.getFileName().toString(), dir);
                        if (other != null && !other.equals(dir)) {
                            throw new BadInputException(submission.relativize(dir) + " and " + submission.relativize(other)
                                    + ": two evaluations of one instance (import one run_id's folder)");
                        }
                    });
        } catch (IOException e) {
            throw new BadInputException(submission + ": cannot list: " + e.getMessage());
        }
        return folders;
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage());
        }
    }
}
