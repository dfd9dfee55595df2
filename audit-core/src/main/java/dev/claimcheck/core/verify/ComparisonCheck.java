package dev.claimcheck.core.verify;

import dev.claimcheck.core.model.ModelSlug;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.ThroughputPoint;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.core.stats.ThroughputFigures;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.store.Root;
import dev.claimcheck.core.store.RunFolder;
import dev.claimcheck.core.store.RunIds;
import dev.claimcheck.core.store.RunManifestStore;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An A/B arm's {@code comparison.json} against {@link ThroughputComparison#of} recomputed from the two arms' points:
 * this run's (already checked against its journal by {@link MetricsCheck}) and the other arm's run.json, found in the
 * same root at {@code results/runs/<slug of its model>/throughput/serving/<run id>}. Without the other arm the file
 * cannot be checked, which is a warning.
 */
final class ComparisonCheck {
    /** The bench's suite id (serving.ServingBench sits above verify/, so it is not imported). */
    static final String SERVING = "serving";

    private ComparisonCheck() {
    }

    static void check(Path dir, Path root, RunManifest manifest, List<Finding> findings) {
        Path file = dir.resolve(ThroughputComparison.FILE);
        if (!Files.isRegularFile(file)) {
            return;
        }
        ThroughputComparison.Report report;
        try {
            report = Json.mapper().readValue(file.toFile(), ThroughputComparison.Report.class);
        } catch (Exception e) {
            findings.add(Json.isDuplicateKey(e) ? new Finding(Kind.DUPLICATE_KEY, ThroughputComparison.FILE + ": " + Verifier.firstLine(e))
                    : new Finding(Kind.COMPARISON_MISMATCH, ThroughputComparison.FILE + " is not readable: " + Verifier.firstLine(e)));
            return;
        }
        boolean isA = manifest.runId().equals(report.runA());
        if (!isA && !manifest.runId().equals(report.runB())) {
            findings.add(new Finding(Kind.COMPARISON_MISMATCH, "names runs " + report.runA() + " and " + report.runB()
                    + ", neither of them this run"));
            return;
        }
        String otherId = isA ? report.runB() : report.runA();
        String otherModel = isA ? report.modelB() : report.modelA();
        if (otherId == null || !RunIds.PATTERN.matcher(otherId).matches()) {
            // The id becomes a path: "../../../../../docs/x" would compare against a run.json no walk verifies.
            findings.add(new Finding(Kind.COMPARISON_MISMATCH, "the other arm's run id " + Findings.clip(String.valueOf(otherId))
                    + " is not YYYYMMDDTHHMMSSZ-<8 hex>"));
            return;
        }
        List<ThroughputPoint> other;
        try {
            RunFolder folder = new Root(root).runFolder(ModelSlug.of(otherModel), Workload.THROUGHPUT, SERVING, otherId);
            if (!Files.isRegularFile(folder.dir().resolve("run.json"))) {
                findings.add(new Finding(Kind.COMPARISON_NOT_CHECKED, "the other arm " + otherId + " is not in this root"));
                return;
            }
            other = RunManifestStore.read(folder).metrics().get(ThroughputFigures.POINTS);
        } catch (RuntimeException e) {
            findings.add(new Finding(Kind.COMPARISON_NOT_CHECKED, "the other arm " + otherId + " cannot be read: "
                    + Verifier.firstLine(e)));
            return;
        }
        List<ThroughputPoint> mine = manifest.metrics().get(ThroughputFigures.POINTS);
        if (mine == null || other == null) {
            findings.add(new Finding(Kind.COMPARISON_MISMATCH, "an arm has no metrics.points"));
            return;
        }
        ThroughputComparison.Report recomputed = ThroughputComparison.Report.of(report.runA(), report.modelA(),
                isA ? mine : other, report.runB(), report.modelB(), isA ? other : mine, report.repeats());
        List<String> diffs = new ArrayList<>();
        MetricsCheck.compare("comparison", Json.mapper().valueToTree(report), Json.mapper().valueToTree(recomputed), diffs);
        diffs.stream().limit(Findings.MAX_PER_KIND).forEach(d -> findings.add(new Finding(Kind.COMPARISON_MISMATCH, d)));
    }
}
