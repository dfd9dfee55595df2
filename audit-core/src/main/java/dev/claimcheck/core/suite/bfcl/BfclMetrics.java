package dev.claimcheck.core.suite.bfcl;

import dev.claimcheck.core.model.Estimate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The BFCL workload's figures ({@code metrics.bfcl} in run.json). The score itself, the share of questions whose
 * reply passes the AST check (mean over questions), stays {@code Metrics#score()}. Definitions: docs/grading/bfcl.md.
 *
 * @param mode {@code fc} or {@code prompt}: the two are separate rows (their dataset names differ too)
 * @param byCategory accuracy per category, clustered by question
 * @param categoryMean BFCL's way of summarising: the unweighted mean of the categories' accuracies, with a stratified
 *        normal 95% interval (each category's per-question variance over its size, weighted 1/C²)
 * @param notRun the categories this harness does not run, with the reason (web search, multi-turn back ends, …)
 */
public record BfclMetrics(String mode, Map<String, Estimate> byCategory, Estimate categoryMean, Map<String, String> notRun) {
    public BfclMetrics {
        byCategory = byCategory == null ? Map.of() : new TreeMap<>(byCategory);
        notRun = notRun == null ? Map.of() : new TreeMap<>(notRun);
    }
}
