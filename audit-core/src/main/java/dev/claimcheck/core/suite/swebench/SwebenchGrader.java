package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.grade.NamedGrader;
import dev.claimcheck.core.model.Verdict;

/**
 * The SWE-bench workload's grader identity: an attempt is resolved when its patch, applied to the repository at
 * {@code base_commit} with the test patch, passes every FAIL_TO_PASS and PASS_TO_PASS test. That needs the episode's
 * working copy and the sandbox, never a response text alone, so grading text says so; it is not in {@code Graders}.
 */
public final class SwebenchGrader extends NamedGrader {
    public static final String ID = "swebenchResolved";
    /** Bumped whenever the evaluation, the log parsing or the resolution rule changes. */
    public static final String VERSION = "1";

    public SwebenchGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        return verdict(false, null, expected, "SWE-bench attempts are graded by evaluating their patch, not their text");
    }
}
