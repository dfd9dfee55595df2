package dev.claimcheck.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.RunMetrics;
import dev.claimcheck.core.store.Json;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.verify.Finding.Kind;
import java.util.ArrayList;
import java.util.List;

import static dev.claimcheck.core.verify.Verifier.FLOAT_TOLERANCE;

/** The metrics check: every field of run.json {@code metrics} against {@link RunMetrics} recomputed from the journal. */
final class MetricsCheck {
    private MetricsCheck() {
    }

    /** @param runJson run.json as the schema check read it (the same bytes, read once) */
    static void check(JsonNode runJson, RunManifest manifest, List<Sample> samples, List<Finding> findings) {
        JsonNode recorded = runJson.path("metrics");
        Metrics recomputed = RunMetrics.of(samples, SuiteRegistry.figures(manifest.workload()));
        List<String> diffs = new ArrayList<>();
        compare("metrics", recorded, Json.mapper().valueToTree(recomputed), diffs);
        for (String d : diffs.subList(0, Math.min(diffs.size(), Findings.MAX_PER_KIND))) {
            findings.add(new Finding(Kind.METRICS_MISMATCH, d));
        }
        if (diffs.size() > Findings.MAX_PER_KIND) {
            findings.add(new Finding(Kind.METRICS_MISMATCH, "... and " + (diffs.size() - Findings.MAX_PER_KIND) + " more fields"));
        }
    }

    /** Recorded vs recomputed: integers exactly, other numbers within {@link Verifier#FLOAT_TOLERANCE}; null equals absent. */
    static void compare(String path, JsonNode recorded, JsonNode recomputed, List<String> diffs) {
        boolean rNull = recorded == null || recorded.isNull() || recorded.isMissingNode();
        boolean cNull = recomputed == null || recomputed.isNull() || recomputed.isMissingNode();
        if (rNull || cNull) {
            if (rNull != cNull) {
                diffs.add(path + ": run.json " + (rNull ? "null" : clipJson(recorded)) + ", recomputed " + (cNull ? "null" : clipJson(recomputed)));
            }
            return;
        }
        if (recorded.isObject() && recomputed.isObject()) {
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            recomputed.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                compare(path + "." + n, recorded.get(n), recomputed.get(n), diffs);
            }
            return;
        }
        if (recorded.isArray() && recomputed.isArray() && recorded.size() == recomputed.size()) {
            for (int i = 0; i < recorded.size(); i++) {
                compare(path + "[" + i + "]", recorded.get(i), recomputed.get(i), diffs);
            }
            return;
        }
        if (recorded.isNumber() && recomputed.isNumber()) {
            boolean same = recorded.isIntegralNumber() && recomputed.isIntegralNumber()
                    ? recorded.bigIntegerValue().equals(recomputed.bigIntegerValue())
                    : Math.abs(recorded.asDouble() - recomputed.asDouble()) <= FLOAT_TOLERANCE;
            if (!same) {
                diffs.add(path + ": run.json " + recorded + ", recomputed from the journal " + recomputed);
            }
            return;
        }
        if (!recorded.equals(recomputed)) {
            diffs.add(path + ": run.json " + clipJson(recorded) + ", recomputed from the journal " + clipJson(recomputed));
        }
    }

    private static String clipJson(JsonNode n) {
        return Findings.clip(n.toString());
    }
}
