package dev.claimcheck.core.grade.math;

/**
 * The versions of the math grader's rules (docs/grading/math.md). A committed run is re-graded with the version its
 * verdicts record, so every version stays here; a new one is added when any verdict could change.
 */
public enum MathRules {
    /** Cue lines read as a whole (the last "… is X" of the line); any cue after the last box wins; units kept. */
    V1("1"),
    /**
     * The first complete math span after a cue, from the last cue that has one; only a "final answer" or "####" cue
     * after the last box overrules it; GSM8K's "#### N"; {@code \text{}} units, degree marks and compound units
     * stripped.
     */
    V2("2"),
    /**
     * Notation read before parsing ({@link Notation}: repeating decimals, e-notation, Unicode superscripts and roots,
     * {@code \left.}, Markdown bold); a one-sided inequality is the interval it names; {@code ;} separates solutions
     * whose parts a comma separates; vectors are tuples; sums and products of matrices are evaluated; text answers
     * compare without case; a unit symbol after a number is dropped against a constant gold; {@code \log_b} is ln/ln;
     * equations joined by "and" with no cue are a system's solution; a one-letter unit with a power is only the
     * metre's; an option label before a value is dropped against a non-letter gold; {@link SetNotation}'s sets of reals.
     */
    V3("3");

    /** The newest rules: what new verdicts use. */
    public static final MathRules NEWEST = V3;

    private final String version;

    MathRules(String version) {
        this.version = version;
    }

    /** Whether these rules include everything {@code other} introduced. */
    public boolean atLeast(MathRules other) {
        return ordinal() >= other.ordinal();
    }

    /** The version string every verdict graded with these rules records. */
    public String version() {
        return version;
    }
}
