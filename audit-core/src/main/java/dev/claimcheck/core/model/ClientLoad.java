package dev.claimcheck.core.model;

/**
 * How busy the measuring client was during one load point (the same on every record of the point), so a
 * client-bound point is marked invalid rather than published.
 *
 * @param cpuShare CPU time of the client's event-loop thread divided by the point's wall time (1.0 = one core)
 * @param loopLagUsP99 p99 of the event loop's lag: how late its 1 ms tick ran, in microseconds
 */
public record ClientLoad(double cpuShare, long loopLagUsP99) {
}
