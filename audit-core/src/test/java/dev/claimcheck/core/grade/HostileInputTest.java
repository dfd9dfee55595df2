package dev.claimcheck.core.grade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.grade.math.MathJudgement;
import dev.claimcheck.core.model.Verdict;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is graded with a reason, never an exception, never executed, and stays bounded. */
class HostileInputTest {
    private static final MathGrader GRADER = new MathGrader();

    static Stream<String> hostile() {
        return Stream.of("", " ", "\\", "{", "}", "$", "$$", "\\boxed{", "\\boxed{}", "\\frac", "\\sqrt[",
                "NaN", "-Infinity", "1e99999", "0/0", "\\frac{1}{0}", "((((((((((", "))))", "x^^^2", "2^{2^{2^{2^{2^{99}}}}}",
                "99999999999999999999!", "\\binom{99999999999}{4999999999}", "\\begin{pmatrix}", "\\end{pmatrix}",
                "${jndi:ldap://x/a}", "'; DROP TABLE verdicts; --", "<script>alert(1)</script>",
                "__import__('os').system('rm -rf /')", "eval('1+1')", "\u0000\u0001", "\uD800", "ℵ₀ ∑∫∂",
                "\\left( \\right", "1,2,3,".repeat(2000), "a_{".repeat(500), "\\sqrt{".repeat(3000) + "2",
                // v2 cue spans: unbalanced groups, endless lists and lead-ins, repeated cues, unclosed segments
                "The answer is " + "(".repeat(200_000), "The answer is 1" + ",1".repeat(100_000), "answer is 1, ".repeat(40_000),
                "Answer: " + "a ".repeat(200_000), "Final answer: " + "\\frac{".repeat(30_000), "#### " + "1+".repeat(100_000),
                "The answer is $" + "x ".repeat(100_000), "5" + "\\text{ m}".repeat(1000), "-10" + "^\\circ F".repeat(5000),
                // v3 notation, rays, groups, matrix sums: long runs of each trigger, inside and outside a box
                "\\boxed{0." + "1".repeat(100_000) + "\\overline{" + "3".repeat(100_000) + "}}", "0.\\overline{3}".repeat(500),
                "1" + "e5".repeat(100_000), "\\boxed{" + "9e999*".repeat(500) + "1}", "\u221a".repeat(200_000) + "12",
                "10" + "\u207b".repeat(200_000), "\\boxed{x > " + "9".repeat(200_000) + "}", "1, 2; ".repeat(50_000),
                "\\boxed{" + "\\begin{pmatrix}1\\end{pmatrix}+".repeat(20_000) + "\\begin{pmatrix}1\\end{pmatrix}}",
                "\\boxed{" + "\\begin{pmatrix}".repeat(300) + "}", "**" + "5".repeat(300_000) + "**",
                "\\boxed{" + "\\left.".repeat(100_000) + "}", "12" + "m^2".repeat(100_000),
                "\\boxed{" + "\\log_2 ".repeat(100_000) + "8}", "\\log_{" + "9".repeat(100_000) + "}(" + "x".repeat(100_000));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileResponseIsGradedWithReason(String pred) {
        Verdict v = GRADER.grade(pred, "42");
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).isNotBlank();
        Verdict asGold = GRADER.grade("42", pred);
        assertThat(asGold.detail()).isNotBlank();
    }

    @Test
    void megabyteResponseWithAnswerAtTheEnd() {
        String pred = "Let me think. ".repeat(75_000) + "So the answer is \\boxed{42}.";
        assertThat(pred.length()).isGreaterThan(1_000_000);
        long start = System.nanoTime();
        Verdict v = GRADER.grade(pred, "42");
        assertThat(v.correct()).isTrue();
        // Not a wall-clock budget of the grader, only a guard that extraction stays linear.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    }

    @Test
    void largestMatrixProductIsGraded() {
        String m = "\\begin{pmatrix}" + String.join("\\\\", java.util.Collections.nCopies(6, "1&2&3&4&5&6"))
                + "\\end{pmatrix}";
        MathJudgement j = GRADER.judge("\\boxed{" + m.repeat(4) + "}", m);
        assertThat(j.outcome()).isEqualTo(MathJudgement.Outcome.NOT_EQUAL);
        assertThat(j.detail()).contains("matrix vs matrix");
        MathJudgement five = GRADER.judge("\\boxed{" + m.repeat(5) + "}", m);
        assertThat(five.outcome()).isEqualTo(MathJudgement.Outcome.NOT_EQUAL);
    }

    @Test
    void deeplyNestedBracesAreBounded() {
        String pred = "\\boxed{" + "{".repeat(200_000) + "42" + "}".repeat(200_000) + "}";
        MathJudgement j = GRADER.judge(pred, "42");
        assertThat(j.outcome()).isIn(MathJudgement.Outcome.UNKNOWN, MathJudgement.Outcome.NOT_EQUAL);
        assertThat(j.detail()).isNotBlank();
    }

    @Test
    void unclosedBoxAtTheEndIsMalformedNotAnAnswer() {
        Verdict v = GRADER.grade("First \\boxed{41} then \\boxed{42", "42");
        assertThat(v.correct()).isFalse();
        assertThat(v.detail()).contains("malformed-box");
    }

    @Test
    void exhaustedBudgetIsUnknownAndCountedApart() {
        MathJudgement j = GRADER.judge("\\boxed{2^{2^{2^{49}}}}", "1");
        assertThat(j.outcome()).isEqualTo(MathJudgement.Outcome.UNKNOWN);
        assertThat(j.detail()).startsWith("unknown:");
        assertThat(GRADER.grade("\\boxed{2^{2^{2^{49}}}}", "1").correct()).isFalse();
    }

    @Test
    void nullInputsAreGraded() {
        assertThat(GRADER.grade(null, "42").correct()).isFalse();
        assertThat(GRADER.grade("42", null).correct()).isFalse();
    }
}
