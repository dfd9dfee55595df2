package dev.claimcheck.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A vendor's claim as transcribed in the ledger {@code results/claims/<model-slug>.json} (docs/claims.md).
 *
 * @param metric what is claimed ({@link ClaimMetric}); kept as text so an unknown metric is reported, not lost
 * @param settings the settings a reproduction must match ({@code temperature}, {@code topP}, {@code maxTokens},
 *                 {@code tasks}, {@code protocol}, {@code numShots}, {@code stop}, …) as text: those stated and those
 *                 that are the named script's defaults; empty with {@code undisclosed} true when there are none
 * @param bases why each setting has its value, for every setting in {@code settings} and for those looked for but
 *              undisclosed (absent: stated)
 * @param source where the number was published
 * @param note how the number was read from the source (rounding, "more than", self-graded, …)
 * @param derived the value is not printed in the source but computed from figures it prints; the note gives the
 *                arithmetic (ledger {@code "derived": true}, docs/claims.md)
 * @param datasetPublished when the claim's dataset became public ({@code YYYY-MM-DD}, ledger {@code datasetPublished}),
 *                         or empty
 * @param noRecipe why the claim has no recipe yet and what one would need that the project cannot supply (ledger
 *                 {@code noRecipe}, shown beside "no recipe yet"), or empty
 */
public record Claim(String id, String workload, String suite, String dataset, String metric, double value, String unit,
                    Map<String, String> settings, Map<String, SettingBasis> bases, boolean undisclosed, Source source,
                    String note, boolean derived, String datasetPublished, String noRecipe) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
        bases = bases == null ? Map.of() : new TreeMap<>(bases);
        for (Map.Entry<String, SettingBasis> b : bases.entrySet()) {
            if (b.getValue().compared() != settings.containsKey(b.getKey())) {
                throw new IllegalArgumentException("setting " + b.getKey() + " is " + b.getValue().id()
                        + (b.getValue().compared() ? " but has no value" : " but has a value"));
            }
        }
        workload = workload == null ? "" : workload;
        suite = suite == null ? "" : suite;
        dataset = dataset == null ? "" : dataset;
        metric = metric == null ? "" : metric;
        unit = unit == null ? "" : unit;
        note = note == null ? "" : note;
        datasetPublished = datasetPublished == null ? "" : datasetPublished;
        noRecipe = noRecipe == null ? "" : noRecipe;
    }

    /** A claim without a reason for a missing recipe. */
    public Claim(String id, String workload, String suite, String dataset, String metric, double value, String unit,
                 Map<String, String> settings, Map<String, SettingBasis> bases, boolean undisclosed, Source source,
                 String note, boolean derived, String datasetPublished) {
        this(id, workload, suite, dataset, metric, value, unit, settings, bases, undisclosed, source, note, derived,
                datasetPublished, "");
    }

    /** A claim whose value the source prints. */
    public Claim(String id, String workload, String suite, String dataset, String metric, double value, String unit,
                 Map<String, String> settings, Map<String, SettingBasis> bases, boolean undisclosed, Source source,
                 String note) {
        this(id, workload, suite, dataset, metric, value, unit, settings, bases, undisclosed, source, note, false, "");
    }

    /** A claim whose settings are all stated (the ledger's original form). */
    public Claim(String id, String workload, String suite, String dataset, String metric, double value, String unit,
                 Map<String, String> settings, boolean undisclosed, Source source, String note) {
        this(id, workload, suite, dataset, metric, value, unit, settings, null, undisclosed, source, note);
    }

    /** Why {@code key} has its value: stated unless the ledger says otherwise. */
    public SettingBasis basis(String key) {
        return bases.getOrDefault(key, SettingBasis.STATED);
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
