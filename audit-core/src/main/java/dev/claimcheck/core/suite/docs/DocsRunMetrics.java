package dev.claimcheck.core.suite.docs;

import dev.claimcheck.core.model.DocsDetail;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grounded-document figures from sample lines alone: field accuracy and citation precision from the
 * recorded {@link DocsDetail}, grounded accuracy by task kind and document kind from the task id
 * ({@code docs-<document>-<kind>-<index>}). Each is a mean over tasks of per-task means, clustered by task
 * ({@link ClusteredMean}); {@link DocsFigures} adds them to the run's metrics.
 */
final class DocsRunMetrics {
    private DocsRunMetrics() {
    }

    static DocsMetrics of(Collection<Sample> samples) {
        Map<String, List<Double>> fields = new TreeMap<>();
        Map<String, List<Double>> citations = new TreeMap<>();
        Map<String, Map<String, List<Double>>> byKind = new TreeMap<>();
        Map<String, Map<String, List<Double>>> byDocument = new TreeMap<>();
        for (Sample s : samples) {
            if (!s.graded()) {
                continue;
            }
            String[] parts = s.taskId().split("-");
            if (parts.length == 4 && parts[0].equals("docs")) {
                byDocument.computeIfAbsent(parts[1], g -> new TreeMap<>()).computeIfAbsent(s.taskId(), t -> new ArrayList<>())
                        .add(s.verdict().score());
                byKind.computeIfAbsent(parts[2], g -> new TreeMap<>()).computeIfAbsent(s.taskId(), t -> new ArrayList<>())
                        .add(s.verdict().score());
            }
            DocsDetail d = DocsDetail.parse(s.verdict().detail()).orElse(null);
            double fieldShare = d == null || d.fields() == 0 ? 0 : (double) d.fieldsCorrect() / d.fields();
            fields.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(fieldShare);
            if (d != null && d.citations() > 0) {
                citations.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add((double) d.citationsValid() / d.citations());
            }
        }
        return new DocsMetrics(estimate(fields), citations.isEmpty() ? null : estimate(citations), estimates(byKind),
                estimates(byDocument));
    }

    private static Estimate estimate(Map<String, List<Double>> byTask) {
        List<double[]> clusters = new ArrayList<>(byTask.size());
        byTask.values().forEach(v -> clusters.add(v.stream().mapToDouble(Double::doubleValue).toArray()));
        ScoreInterval i = ClusteredMean.of(clusters);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }

    private static Map<String, Estimate> estimates(Map<String, Map<String, List<Double>>> groups) {
        Map<String, Estimate> out = new TreeMap<>();
        groups.forEach((g, byTask) -> out.put(g, estimate(byTask)));
        return out;
    }
}
