package dev.claimcheck.site.routing;

import dev.claimcheck.site.page.Nav;
import java.util.List;

/**
 * The view model of {@code /routing}: the routing page of each workload with a pair of instant and thinking runs.
 *
 * @param compare the link to the compare page, empty in the static export (that page needs the server)
 */
public record RoutingIndexPage(Nav nav, List<RoutingPage.Link> workloads, String compare) {
}
