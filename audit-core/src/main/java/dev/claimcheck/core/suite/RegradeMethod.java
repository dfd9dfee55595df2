package dev.claimcheck.core.suite;

/**
 * How {@code verify} re-grades a suite's recorded run; each suite declares one ({@link Suite#regrade()}), and
 * {@code verify.Regraders} maps each value to its re-grader with an exhaustive switch, so a new suite cannot be
 * forgotten there.
 */
public enum RegradeMethod {
    /** Regenerate the tasks from the recorded options and seed, check each prompt's hash, and grade again. */
    REGENERATE,
    /** Check the prompts against the dataset and re-grade the recorded answers (math). */
    RECORDED_ANSWER,
    /** Re-grade the recorded programs against the recorded tests, re-executed in the sandbox with {@code --reexecute} (code). */
    RECORDED_TESTS,
    /** Regenerate the tasks and replay each recorded episode against a fresh world (agent). */
    AGENT_REPLAY,
    /** Read each recorded judge reply again and check the points and figures; re-judging needs the judges (proofs). */
    RECORDED_JUDGES,
    /** Re-derive each verdict from the recorded patch and evaluation log, executing nothing (swebench). */
    RECORDED_TEST_LOG
}
