package dev.claimcheck.site.routing;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The view model of {@code /routing/{workload}}: one section per pair of runs (RoutingPairs).
 *
 * @param workloads every workload with a routing page, for the page's own links
 */
public record RoutingPage(Nav nav, String workload, List<Section> sections, List<Link> workloads) {
    /**
     * @param chartSvg server-drawn inline SVG ({@link RoutingChart}); empty when the runs do not pair
     * @param sentence the computed reading of the analysis, or why the runs do not pair
     */
    public record Section(String suite, String dataset, String datasetSha256, String instantRun, String instantHref,
                          String instantModel, String thinkingRun, String thinkingHref, String thinkingModel,
                          boolean simulated, int tasks, String sentence, String chartSvg, List<Row> rows) {
    }

    public record Row(String strategy, String budget, String accuracy, String accuracyCi, String tokens, String tokensCi,
                      String latency, String escalated) {
    }

    public record Link(String workload, String href) {
    }
}
