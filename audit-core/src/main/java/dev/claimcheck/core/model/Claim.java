package dev.claimcheck.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A vendor's claim as transcribed in the ledger {@code results/claims/<model-slug>.json} (docs/claims.md).
 *
 * @param metric what is claimed ({@link ClaimMetric}); kept as text so an unknown metric is reported, not lost
 * @param settings the stated settings ({@code temperature}, {@code topP}, {@code maxTokens}, {@code tasks}, …) as
 *                 text; empty with {@code undisclosed} true when the source does not state them
 * @param source where the number was published
 * @param note how the number was read from the source (rounding, "more than", self-graded, …)
 */
public record Claim(String id, String workload, String suite, String dataset, String metric, double value, String unit,
                    Map<String, String> settings, boolean undisclosed, Source source, String note) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
        workload = workload == null ? "" : workload;
        suite = suite == null ? "" : suite;
        dataset = dataset == null ? "" : dataset;
        metric = metric == null ? "" : metric;
        unit = unit == null ? "" : unit;
        note = note == null ? "" : note;
    }

    /** The claim's metric in the vocabulary, or null when the ledger names one this harness does not know. */
    public ClaimMetric metricKind() {
        return ClaimMetric.byId(metric).orElse(null);
    }

    /**
     * Where a claim was published.
     *
     * @param date {@code YYYY-MM-DD}: the publication date when the source shows one, else the date it was read
     *             ({@code dateKind} says which)
     * @param dateKind {@code published} or {@code retrieved}
     * @param revision the exact version read, when the source is versioned (e.g. {@code owner/repo@commit path})
     */
    public record Source(String url, String date, String dateKind, String title, String revision) {
        public Source {
            url = url == null ? "" : url;
            date = date == null ? "" : date;
            dateKind = dateKind == null || dateKind.isEmpty() ? "published" : dateKind;
            title = title == null ? "" : title;
            revision = revision == null ? "" : revision;
        }
    }
}
