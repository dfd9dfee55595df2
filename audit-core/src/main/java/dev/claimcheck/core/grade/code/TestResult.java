package dev.claimcheck.core.grade.code;

/**
 * The outcome of one test: what is recorded per test in a sample, never the test itself.
 *
 * @param timeMs wall time of the execution as the host measured it (informational; verdicts use CPU limits)
 */
public record TestResult(boolean passed, CodeVerdict verdict, long timeMs) {
}
