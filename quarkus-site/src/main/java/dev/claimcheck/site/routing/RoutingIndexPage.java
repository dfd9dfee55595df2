package dev.claimcheck.site.routing;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/** The view model of {@code /routing}: the routing page of each workload with a pair of instant and thinking runs. */
public record RoutingIndexPage(Nav nav, List<RoutingPage.Link> workloads) {
}
