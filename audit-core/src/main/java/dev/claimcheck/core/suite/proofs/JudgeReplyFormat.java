package dev.claimcheck.core.suite.proofs;

/** Points as a judge prompt and a reply write them: whole numbers without a decimal point. */
final class JudgeReplyFormat {
    private JudgeReplyFormat() {
    }

    static String points(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
