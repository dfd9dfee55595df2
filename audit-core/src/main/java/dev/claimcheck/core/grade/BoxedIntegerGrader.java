package dev.claimcheck.core.grade;

import dev.claimcheck.core.grade.math.AnswerExtractor;
import dev.claimcheck.core.grade.math.Extraction;
import dev.claimcheck.core.grade.math.MathRules;
import dev.claimcheck.core.model.Verdict;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Generated arithmetic: the answer is an exact integer, read with the math grader's extraction
 * (last box, else cue line, else last number). No tolerance: 41 is not 42.
 */
public final class BoxedIntegerGrader extends NamedGrader {
    public static final String ID = "arith";
    public static final String VERSION = "1";

    public BoxedIntegerGrader() {
        super(ID, VERSION);
    }
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,4000}");

    @Override
    public Verdict grade(String response, String expected) {
        BigInteger want = parse(expected);
        if (want == null) {
            return verdict(false, null, expected, "expected answer is not an integer");
        }
        Extraction e;
        try {
            // arith 1 reads answers as math 1 did; a change here would be a new arith version.
            e = AnswerExtractor.fromResponse(response, MathRules.V1);
        } catch (RuntimeException ex) {
            return verdict(false, null, expected, "extraction failed: " + ex.getClass().getSimpleName());
        }
        if (e.answer() == null) {
            return verdict(false, null, expected, "no answer (" + e.rule() + ")");
        }
        // A chain of boxes is a list in the math grader; an arithmetic answer is the last box alone.
        String answer = e.lastBoxOnly() != null ? e.lastBoxOnly() : e.answer();
        BigInteger got = parse(answer);
        if (got == null) {
            return verdict(false, answer, expected, e.rule() + ": not an integer");
        }
        boolean ok = got.equals(want);
        return new Verdict(ok, ok ? 1 : 0, got.toString(), expected, ID, VERSION,
                e.rule() + (ok ? ": equal" : ": not equal"));
    }

    /** An integer written plainly, with thousands separators, or wrapped in math delimiters; else null. */
    static BigInteger parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace("$", "").replace("{,}", "").replace("\\!", "").replace("\\,", "")
                .replace(",", "").replace(" ", "").strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return INTEGER.matcher(t).matches() ? new BigInteger(t) : null;
    }
}
