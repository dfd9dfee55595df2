package dev.claimcheck.core.suite.docs;

import dev.claimcheck.core.model.Estimate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grounded-document workload's figures ({@code metrics.docs} in run.json; null for other workloads). The
 * score itself, grounded accuracy, stays {@link Metrics#score()}. Definitions: docs/workloads/docs.md.
 *
 * @param fieldAccuracy per task, the fraction of schema fields (extraction) or answers (yes/no, questions) that match
 * @param citationPrecision per task that asks for a citation, the fraction of cited spans that exist verbatim in
 *        the document and contain the answer; null when no task asked for one
 * @param byKind grounded accuracy by task kind (extract, comply, kbqa)
 * @param byDocument grounded accuracy by document kind (contract, disclosure, ticket, policy)
 */
public record DocsMetrics(Estimate fieldAccuracy, Estimate citationPrecision, Map<String, Estimate> byKind,
                          Map<String, Estimate> byDocument) {
    public DocsMetrics {
        byKind = byKind == null ? Map.of() : new TreeMap<>(byKind);
        byDocument = byDocument == null ? Map.of() : new TreeMap<>(byDocument);
    }
}
