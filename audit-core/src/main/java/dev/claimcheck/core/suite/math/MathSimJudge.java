package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.sim.OracleEntry;

/**
 * What a simulated answer judge replies, so that its profile is known exactly (docs/grading/math.md#judge): with
 * probability {@code sim:accuracy} the reference verdict; otherwise, as its model id says, {@code malformed} replies in
 * prose instead of the JSON shape, anything else gives the opposite verdict.
 *
 * <p>The reference verdict is the simulator's stand-in for a correct judge: correct exactly when the response's last box
 * is {@code \boxed{<reference answer>}}, the simulated model's own correct answer. It lives only in the in-process oracle;
 * no judge prompt carries it.
 */
final class MathSimJudge {
    private MathSimJudge() {
    }

    static boolean reference(String response, String expected) {
        int last = response == null || expected == null ? -1 : response.lastIndexOf("\\boxed{");
        return last >= 0 && response.startsWith("\\boxed{" + expected.strip() + "}", last);
    }

    static OracleEntry.VerbatimReply reply(String judgeModel, boolean reference) {
        String deviation = judgeModel.toLowerCase(java.util.Locale.ROOT).contains("malformed")
                ? "I think the response is " + word(reference) + "."
                : json(!reference, "simulated deviation");
        return new OracleEntry.VerbatimReply(json(reference, "simulated reference verdict"), deviation);
    }

    private static String json(boolean correct, String why) {
        return "{\"verdict\": \"" + word(correct) + "\", \"reason\": \"" + why + "\"}";
    }

    private static String word(boolean correct) {
        return correct ? "correct" : "incorrect";
    }
}
