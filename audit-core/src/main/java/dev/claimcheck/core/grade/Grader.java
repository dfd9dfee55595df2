package dev.claimcheck.core.grade;

import dev.claimcheck.core.model.Verdict;

/** Judges one response against a reference answer. Deterministic: budgets, never wall-clock timeouts. */
public interface Grader {
    String id();

    String version();

    /** Never throws for any response text; hostile or malformed input yields a failing verdict with a reason. */
    Verdict grade(String response, String expected);
}
