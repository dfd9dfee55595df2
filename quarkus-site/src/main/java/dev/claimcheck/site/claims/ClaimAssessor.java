package dev.claimcheck.site.claims;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.site.index.ResultsIndex;
import dev.claimcheck.site.index.RunEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges each claim against the runs of the index (ARCHITECTURE.md §8). Score claims are compared with
 * the reproduction's 95% CI; metrics the harness does not measure yet stay {@code notReproduced}.
 */
public final class ClaimAssessor {
    /** Claim metrics that mean the run's primary score. */
    static final Set<String> SCORE_METRICS = Set.of("accuracy", "score", "avg@k", "pass@1", "successRate");

    private ClaimAssessor() {
    }

    public static List<Assessment> assess(ResultsIndex index) {
        List<Assessment> out = new ArrayList<>();
        for (ClaimsFile f : index.claims()) {
            for (Claim c : f.claims()) {
                out.add(assess(f, c, match(index, f, c)));
            }
        }
        return out;
    }

    /** The latest run of the claim's model, lane, workload, suite and dataset; a real run beats a simulated one. */
    static Optional<RunEntry> match(ResultsIndex index, ClaimsFile f, Claim c) {
        return index.runs().stream()
                .filter(r -> r.modelSlug().equals(f.modelSlug()) && r.manifest().lane() == f.lane()
                        && r.manifest().workload().id().equals(c.workload()) && r.manifest().suite().id().equals(c.suite())
                        && r.datasetName().equals(c.dataset()))
                .max(Comparator.comparing((RunEntry r) -> !r.simulated()).thenComparing(RunEntry::runId));
    }

    static Assessment assess(ClaimsFile f, Claim c, Optional<RunEntry> run) {
        if (run.isEmpty()) {
            return new Assessment(f, c, ClaimVerdict.NOT_REPRODUCED, run, null, null, null, null, List.of(), "no run yet");
        }
        Metrics m = run.get().manifest().metrics();
        if (!SCORE_METRICS.contains(c.metric()) || m.score() == null) {
            return new Assessment(f, c, ClaimVerdict.NOT_REPRODUCED, run, null, null, null, null, List.of(),
                    "metric '" + c.metric() + "' is not measured by this run");
        }
        double score = m.score();
        double lo = m.ci95Low() == null ? score : m.ci95Low();
        double hi = m.ci95High() == null ? score : m.ci95High();
        if (c.undisclosed()) {
            return new Assessment(f, c, ClaimVerdict.UNDISCLOSED, run, score, lo, hi, null, List.of(),
                    "the source does not state the settings");
        }
        List<String> diff = differences(c.settings(), run.get().manifest());
        if (!diff.isEmpty()) {
            return new Assessment(f, c, ClaimVerdict.SETTINGS_DIFFER, run, score, lo, hi, null, diff, String.join("; ", diff));
        }
        if (c.value() > hi) {
            double p = pBelow(score, c.value(), lo, hi);
            return new Assessment(f, c, ClaimVerdict.REFUTED, run, score, lo, hi, p, List.of(), "claim above the 95% CI");
        }
        if (c.value() < lo) {
            return new Assessment(f, c, ClaimVerdict.EXCEEDS, run, score, lo, hi, null, List.of(), "reproduction above the claim");
        }
        return new Assessment(f, c, ClaimVerdict.CONSISTENT, run, score, lo, hi, null, List.of(), "claim inside the 95% CI");
    }

    /** Stated settings vs the request template and task count the run used. */
    static List<String> differences(Map<String, String> stated, RunManifest run) {
        JsonNode t = run.request() == null || run.request().template() == null
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : run.request().template();
        List<String> out = new ArrayList<>();
        compare(out, stated, "temperature", t.path("temperature"));
        compare(out, stated, "topP", t.path("top_p"));
        compare(out, stated, "maxTokens", t.path("max_tokens"));
        if (stated.containsKey("tasks") && run.metrics() != null) {
            String used = Integer.toString(run.metrics().tasks());
            if (!sameNumber(stated.get("tasks"), used)) {
                out.add("tasks: claimed " + stated.get("tasks") + ", used " + used);
            }
        }
        return out;
    }

    private static void compare(List<String> out, Map<String, String> stated, String key, JsonNode used) {
        if (!stated.containsKey(key)) {
            return;
        }
        String u = used.isMissingNode() || used.isNull() ? "server default" : used.asText();
        if (!sameNumber(stated.get(key), u)) {
            out.add(key + ": claimed " + stated.get(key) + ", used " + u);
        }
    }

    static boolean sameNumber(String a, String b) {
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return a.equals(b);
        }
    }

    /**
     * One-sided p-value of a reproduction this low if the claim were true: normal approximation with the
     * standard error read back from the 95% CI (half-width / 1.96).
     */
    static double pBelow(double score, double claim, double lo, double hi) {
        double se = (hi - lo) / (2 * 1.959964);
        if (se <= 0) {
            return 0.0;
        }
        return normalCdf((score - claim) / se);
    }

    /** Φ(z) via the complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7). */
    static double normalCdf(double z) {
        double x = -z / Math.sqrt(2);
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double r = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        double erfc = x >= 0 ? r : 2 - r;
        return 0.5 * erfc;
    }
}
