package dev.claimcheck.core.grade;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;

/**
 * The re-grade hook for {@code verify} (docs/architecture.md §7.3): grades a recorded attempt again, from its
 * recorded response (content, and tool calls for a grader that reads them) against its recorded {@code verdict.expected}, with the grader id and
 * version the verdict records. No dataset is needed. Comparing the result with the recorded verdict
 * (and with the newest grader version, for "re-grade drift") is the verifier's job.
 */
public final class Regrade {
    private Regrade() {
    }

    /**
     * The verdict the recorded grader version gives today.
     *
     * @throws IllegalArgumentException for an errored sample (nothing to re-grade)
     * @throws BadInputException when this harness does not have the recorded grader version
     */
    public static Verdict of(Sample sample) {
        Verdict recorded = sample.verdict();
        if (recorded == null) {
            throw new IllegalArgumentException("sample " + sample.key() + " has no verdict to re-grade");
        }
        Grader grader = Graders.byIdAndVersion(recorded.grader(), recorded.graderVersion());
        return grader.gradeResponse(sample.response(), recorded.expected());
    }
}
