package dev.claimcheck.site.run;

import dev.claimcheck.site.index.TrustBadge;
import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The view model of {@code /runs/{runId}}. Samples are not inlined: the sample browser loads the run's short index
 * ({@code sampleIndexUrl}) and an attempt's texts from its own page ({@code sampleHref}, {@code {path}} filled in)
 * when it is opened; {@code samplesHref} is the run's task × attempt grid, for readers without scripts.
 * {@code heatmap} is the long-context length × depth grid, null for other workloads; {@code problems} links a proof
 * run's problem pages (the judges' figures as run.json records them), empty for other workloads.
 */
public record RunPage(Nav nav, String runId, String modelId, String modelHref, String workload, String suite, String lane,
                      boolean simulated, List<TrustBadge> badges, List<Item> provenance, List<Item> metrics,
                      String requestTemplate, String sampleIndexUrl, String sampleHref, String samplesHref, String runJsonHref,
                      List<Proof> proofs, List<Item> claims, Heatmap heatmap, List<Item> problems) {
    /**
     * A labelled value; {@code href} is empty when the value is not a link. {@code code} is the id a worded label
     * stands for (a figure's name in summary.csv, shown beside it), empty when the label is the id or a fixed word.
     */
    public record Item(String label, String value, String href, String code) {
        public Item(String label, String value, String href) {
            this(label, value, href, "");
        }

        public static Item of(String label, String value) {
            return new Item(label, value, "");
        }
    }

    /**
     * A proof page shown inline: its Markdown source as text (escaped by the template), or why it is not shown.
     *
     * @param ok whether the file exists in the root and matches the sha256 run.json lists
     */
    public record Proof(String label, String path, String text, boolean ok) {
    }
}
