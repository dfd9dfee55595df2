package dev.claimcheck.core.suite;

/**
 * How many requests one attempt of a task is expected to send: what {@code --dry-run} multiplies by. A
 * single-request suite sends exactly one; a multi-turn suite (agent) states a typical count and its budget.
 *
 * @param expected the count a typical attempt sends (an estimate, e.g. the reference solution's steps)
 * @param max the most one attempt can send (the step budget)
 */
public record RequestEstimate(double expected, int max) {
    /** One request per attempt, exactly. */
    public static final RequestEstimate ONE = new RequestEstimate(1, 1);

    public RequestEstimate {
        if (max < 1 || expected < 1 || expected > max) {
            throw new IllegalArgumentException("need 1 <= expected <= max, got " + expected + " and " + max);
        }
    }
}
