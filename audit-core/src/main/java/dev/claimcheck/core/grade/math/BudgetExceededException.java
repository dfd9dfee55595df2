package dev.claimcheck.core.grade.math;

/**
 * A deterministic budget (input size, nesting depth, steps, number size) ran out. The verdict is
 * then "unknown", counted apart from "not equal"; it never depends on the machine's speed.
 */
public final class BudgetExceededException extends RuntimeException {
    public BudgetExceededException(String message) {
        super(message, null, false, false);
    }
}
