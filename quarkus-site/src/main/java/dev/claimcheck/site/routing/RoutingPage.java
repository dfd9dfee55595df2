package dev.claimcheck.site.routing;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The view model of {@code /routing/{workload}}: one section per pair of runs (RoutingPairs).
 *
 * @param workloads every workload with a routing page, for the page's own links
 * @param note why the reader's choice of runs was not shown (empty when there was none or it was)
 * @param selectable the page can take another pair ({@code ?instant=&thinking=}): the server, not the static export
 */
public record RoutingPage(Nav nav, String workload, List<Section> sections, List<Link> workloads, String note,
                          boolean selectable) {
    /**
     * @param chartSvg server-drawn inline SVG ({@link RoutingChart}); empty when the runs do not pair
     * @param sentence the computed reading of the analysis, or why the runs do not pair
     * @param relation how the two models are related ({@link RoutingPairs.Relation#label()})
     * @param chosen the reader chose this pair (else it is the default)
     * @param instants the instant runs the pair could take instead, the shown one selected; likewise {@code thinkings}
     */
    public record Section(String suite, String dataset, String datasetSha256, String instantRun, String instantHref,
                          String instantModel, String thinkingRun, String thinkingHref, String thinkingModel,
                          boolean simulated, int tasks, String sentence, String chartSvg, List<Row> rows,
                          String relation, boolean chosen, List<Choice> instants, List<Choice> thinkings) {
    }

    /** One option of a run selector. */
    public record Choice(String runId, String label, boolean selected) {
    }

    public record Row(String strategy, String budget, String accuracy, String accuracyCi, String tokens, String tokensCi,
                      String latency, String escalated) {
    }

    public record Link(String workload, String href) {
    }
}
