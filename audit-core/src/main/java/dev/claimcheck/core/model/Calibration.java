package dev.claimcheck.core.model;

/**
 * run.json {@code metrics.calibration}: how faithfully the client observed a simulator whose emit times are known
 * (same monotonic clock, warm-up excluded). Absent for real endpoints.
 *
 * @param receiveLagMsP50 client receive minus simulator emit, per token event
 * @param tokenMismatches requests whose counted tokens differ from what the simulator sent
 * @param requests measured requests with a simulator trace
 * @param events token events with a receive lag
 */
public record Calibration(double receiveLagMsP50, double receiveLagMsP99, double receiveLagMsP999, int tokenMismatches,
                          int requests, long events) {
}
