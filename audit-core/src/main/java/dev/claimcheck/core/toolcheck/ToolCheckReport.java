package dev.claimcheck.core.toolcheck;

import java.util.List;

/**
 * The result of {@code toolcheck}: the same probes sent to every endpoint, one report each, the first the reference.
 *
 * @param simulated whether any endpoint was the built-in simulator (then the figures describe it, not a model)
 * @param model the model id sent
 * @param probes how many distinct probes; {@code repeats} how often each was sent to each endpoint
 */
public record ToolCheckReport(boolean simulated, String model, int probes, int repeats, List<EndpointReport> endpoints) {
    public ToolCheckReport {
        endpoints = List.copyOf(endpoints);
    }

    /** Whether any endpoint is flagged. */
    public boolean anyFlagged() {
        return endpoints.stream().anyMatch(EndpointReport::flagged);
    }
}
