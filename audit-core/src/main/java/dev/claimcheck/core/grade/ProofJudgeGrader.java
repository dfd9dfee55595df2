package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.proof.JudgeReply;
import dev.claimcheck.core.model.Verdict;

/**
 * Reads one proof judge's reply (docs/grading/proofs.md): {@code response} is the judge's reply, {@code expected} the
 * problem's maximum points. The verdict's score is points / maximum; a reply that cannot be read is not correct, scores
 * 0 and says why in {@code detail} (the proof figures count it as a parse failure, never as 0 points).
 */
public final class ProofJudgeGrader extends NamedGrader {
    public static final String ID = "proofJudge";
    public static final String VERSION = "1";

    public ProofJudgeGrader() {
        super(ID, VERSION);
    }

    @Override
    public Verdict grade(String response, String expected) {
        double max;
        try {
            max = Double.parseDouble(expected);
        } catch (NumberFormatException | NullPointerException e) {
            return verdict(false, null, expected, "expected is not a number of points: " + expected);
        }
        if (!(max > 0)) {
            return verdict(false, null, expected, "maximum points must be positive: " + expected);
        }
        JudgeReply reply = JudgeReply.read(response, max);
        if (!reply.parsed()) {
            return verdict(false, null, expected, "parse failure: " + reply.failure());
        }
        return new Verdict(reply.points() == max, reply.points() / max, String.valueOf(reply.points()), expected, ID,
                VERSION, "parsed");
    }
}
