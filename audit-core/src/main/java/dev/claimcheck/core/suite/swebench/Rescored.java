package dev.claimcheck.core.suite.swebench;

import java.util.Optional;

/**
 * One instance of an imported submission: what the harness's report claimed (empty without a report) and what this
 * project re-derives from the recorded test log.
 *
 * @param note why it is unresolved or not re-scored ("empty patch", "no test log", a failing test), or empty
 */
public record Rescored(String instanceId, String repo, Optional<Boolean> claimed, Outcome outcome, String note) {
    public enum Outcome { RESOLVED, UNRESOLVED, NOT_RESCORED }

    /** The claim and the re-score disagree (an instance without a claim counts as claimed unresolved). */
    public boolean disagrees() {
        return outcome != Outcome.NOT_RESCORED && claimed.orElse(false) != (outcome == Outcome.RESOLVED);
    }
}
