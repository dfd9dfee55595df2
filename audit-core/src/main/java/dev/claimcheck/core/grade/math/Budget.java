package dev.claimcheck.core.grade.math;

/**
 * Step and size limits for one comparison. Counting steps instead of measuring time keeps
 * re-grades identical on any machine (docs/architecture.md §5.2).
 */
public final class Budget {
    /** Largest answer (after extraction) that is parsed at all. */
    public static final int MAX_ANSWER_CHARS = 4_000;
    /** Deepest nesting of brackets or operators the parser follows. */
    public static final int MAX_DEPTH = 100;
    /** Largest exact number (numerator plus denominator bits) kept during exact evaluation. */
    public static final long MAX_BITS = 200_000;
    /** Evaluation and matching steps per comparison. */
    public static final long MAX_STEPS = 200_000;

    private long steps;

    public void tick() {
        if (++steps > MAX_STEPS) {
            throw new BudgetExceededException("step budget of " + MAX_STEPS + " exhausted");
        }
    }

    public void tick(long n) {
        steps += n;
        if (steps > MAX_STEPS) {
            throw new BudgetExceededException("step budget of " + MAX_STEPS + " exhausted");
        }
    }

    public long steps() {
        return steps;
    }
}
