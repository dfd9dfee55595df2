package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.math.MathJudge;
import dev.claimcheck.core.grade.math.MathJudgement;
import dev.claimcheck.core.grade.math.MathRules;
import dev.claimcheck.core.model.Verdict;

/**
 * Competition-math answers: reads the final answer from a response and decides whether it is the
 * same mathematical answer as the gold one (docs/grading/math.md). Deterministic budgets only; an
 * exhausted budget is graded not correct with a detail starting "unknown:". One instance per rules version: the
 * newest grades new runs, the earlier ones re-grade committed runs that record them ({@link Graders}).
 */
public final class MathGrader extends NamedGrader {
    public static final String ID = "math";
    /** The newest version, which new verdicts record. */
    public static final String VERSION = MathRules.NEWEST.version();

    private final MathRules rules;

    /** The newest rules. */
    public MathGrader() {
        this(MathRules.NEWEST);
    }

    /** The rules of one version (version 1 re-grades runs graded before version 2). */
    public MathGrader(MathRules rules) {
        super(ID, rules.version());
        this.rules = rules;
    }

    @Override
    public Verdict grade(String response, String expected) {
        MathJudgement j = judge(response, expected);
        return verdict(j.equal(), j.extracted(), expected, j.detail());
    }

    @Override
    public Graded gradeWithReference(String response, String expected) {
        MathJudge.WithGold w = MathJudge.judgeWithGold(response, expected, rules);
        MathJudgement j = w.judgement();
        return new Graded(verdict(j.equal(), j.extracted(), expected, j.detail()), w.goldNormalized());
    }

    /** The full judgement, with the normalized gold answer and the three-way outcome. */
    public MathJudgement judge(String response, String expected) {
        return MathJudge.judge(response, expected, rules);
    }

    @Override
    public String normalizeExpected(String expected) {
        return MathJudge.normalizeGold(expected, rules);
    }
}
