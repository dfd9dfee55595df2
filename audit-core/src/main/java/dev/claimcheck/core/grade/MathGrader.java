package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.math.MathJudge;
import dev.claimcheck.core.grade.math.MathJudgement;
import dev.claimcheck.core.model.Verdict;

/**
 * Competition-math answers: reads the final answer from a response and decides whether it is the
 * same mathematical answer as the gold one (docs/grading/math.md). Deterministic budgets only; an
 * exhausted budget is graded not correct with a detail starting "unknown:".
 */
public final class MathGrader extends NamedGrader {
    public static final String ID = "math";
    public static final String VERSION = "1";

    public MathGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        MathJudgement j = judge(response, expected);
        return verdict(j.equal(), j.extracted(), expected, j.detail());
    }

    /** The full judgement, with the normalized gold answer and the three-way outcome. */
    public MathJudgement judge(String response, String expected) {
        return MathJudge.judge(response, expected);
    }

    @Override
    public String normalizeExpected(String expected) {
        return MathJudge.normalizeGold(expected);
    }
}
