package dev.claimcheck.core.suite.ifeval;

import dev.claimcheck.core.model.Estimate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IFEval workload's figures ({@code metrics.ifeval} in run.json). The score itself, prompt-level strict
 * accuracy, stays {@code Metrics#score()}. Definitions: docs/grading/ifeval.md.
 *
 * @param promptLoose per attempt, whether every instruction was followed loosely; mean over tasks, clustered by task
 * @param instructionStrict the share of instructions followed strictly, over every instruction of every attempt,
 *        with the interval clustered by prompt (instructions of one prompt are not independent)
 * @param instructionLoose likewise, loosely
 * @param byCategory instruction-level strict accuracy by the id's category (keywords, length_constraints, …)
 */
public record IfevalMetrics(Estimate promptLoose, Estimate instructionStrict, Estimate instructionLoose,
                            Map<String, Estimate> byCategory) {
    public IfevalMetrics {
        byCategory = byCategory == null ? Map.of() : new TreeMap<>(byCategory);
    }
}
