package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.sim.OracleEntry;

/**
 * What a simulated judge answers, so that its scoring profile is known exactly (docs/workloads/proofs.md). With
 * probability {@code sim:accuracy} it awards the reference grade; otherwise it deviates as its model id says:
 * {@code malformed} replies in prose instead of the JSON shape, {@code lenient} adds half the maximum (rounded up,
 * capped), anything else is harsh and takes half the maximum off (floored at 0).
 *
 * <p>The reference grade is the simulator's stand-in for a correct grader: the maximum for the simulator's own complete
 * proof, 0 for its flawed one; for any other (imported) text, the vendor's stated points where there are some, else
 * 0. It lives only in the in-process oracle; no judge prompt carries it.
 */
final class SimJudge {
    static final String COMPLETE = "[simulated complete proof]";
    static final String FLAWED = "[simulated flawed proof]";

    private SimJudge() {
    }

    /** The simulated model under test's answer: a complete proof with probability {@code accuracy}, else a flawed one. */
    static OracleEntry.VerbatimReply solution(ProofProblem problem) {
        return new OracleEntry.VerbatimReply("Proof of problem " + problem.id() + ". " + COMPLETE,
                "Proof of problem " + problem.id() + ". " + FLAWED);
    }

    static double reference(ProofProblem problem, String solution, Double claimed) {
        if (solution.contains(COMPLETE)) {
            return problem.maxPoints();
        }
        if (solution.contains(FLAWED)) {
            return 0;
        }
        return claimed != null ? claimed : 0;
    }

    /** The oracle entry for one judge prompt: the reference grade, or this judge's deviation from it. */
    static OracleEntry.VerbatimReply reply(String judgeModel, ProofProblem problem, double reference) {
        double max = problem.maxPoints();
        double half = Math.ceil(max / 2);
        String model = judgeModel.toLowerCase();
        String deviation;
        if (model.contains("malformed")) {
            deviation = "I would give this " + JudgeReplyFormat.points(reference) + " points overall.";
        } else if (model.contains("lenient")) {
            deviation = json(Math.min(max, reference + half), "simulated lenient deviation");
        } else {
            deviation = json(Math.max(0, reference - half), "simulated harsh deviation");
        }
        return new OracleEntry.VerbatimReply(json(reference, "simulated reference grade"), deviation);
    }

    private static String json(double points, String why) {
        return "{\"points\": " + JudgeReplyFormat.points(points) + ", \"justification\": \"" + why + "\"}";
    }
}
