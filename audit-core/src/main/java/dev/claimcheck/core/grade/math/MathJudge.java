package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.MathJudgement.Outcome;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The math grader's engine: extraction, normalization, parsing and equivalence, with a fresh
 * {@link Budget} per comparison. Nothing escapes {@link #judge}: hostile input gets a verdict and
 * a reason.
 */
public final class MathJudge {
    private static final int DETAIL_SNIPPET = 80;
    private static final Pattern OPTION_LABEL = Pattern.compile("\\(\\s*[A-E]\\s*\\)\\s*:?\\s*([^\\s].{0,200})", Pattern.DOTALL);

    private MathJudge() {
    }

    /** The judgement with the newest rules. */
    public static MathJudgement judge(String response, String gold) {
        return judge(response, gold, MathRules.NEWEST);
    }

    /** The judgement with the rules of one grader version (a committed run is re-graded with its own). */
    public static MathJudgement judge(String response, String gold, MathRules rules) {
        try {
            return judgeUnsafe(response, AnswerExtractor.fromGold(gold, rules), null, rules);
        } catch (BudgetExceededException e) {
            return unknown(e);
        } catch (RuntimeException | StackOverflowError e) {
            return graderError(e);
        }
    }

    /** A judgement with {@link #normalizeGold}'s reading of the gold answer, the gold read once for both. */
    public record WithGold(MathJudgement judgement, String goldNormalized) {
    }

    /** {@link #judge} and {@link #normalizeGold} in one, each as it would be alone. */
    public static WithGold judgeWithGold(String response, String gold, MathRules rules) {
        Extraction g;
        Normalizer.Normalized gn;
        try {
            g = AnswerExtractor.fromGold(gold, rules);
            gn = g.answer() == null ? null : normalize(g.answer(), rules);
        } catch (RuntimeException | StackOverflowError e) {
            // The gold cannot be read: both answers exactly as the two calls alone give them.
            return new WithGold(judge(response, gold, rules), normalizeGold(gold, rules));
        }
        MathJudgement j;
        try {
            j = judgeUnsafe(response, g, gn, rules);
        } catch (BudgetExceededException e) {
            j = unknown(e);
        } catch (RuntimeException | StackOverflowError e) {
            j = graderError(e);
        }
        return new WithGold(j, gn == null ? null : gn.text());
    }

    private static MathJudgement unknown(BudgetExceededException e) {
        return new MathJudgement(Outcome.UNKNOWN, null, null, "unknown: " + e.getMessage());
    }

    private static MathJudgement graderError(Throwable e) {
        // A defect must not stop a run; the verdict says what happened so it can be fixed.
        return new MathJudgement(Outcome.NOT_EQUAL, null, null, "grader error: " + e.getClass().getSimpleName());
    }

    /** The gold answer as the grader reads it (extracted and normalized). */
    public static String normalizeGold(String gold, MathRules rules) {
        try {
            Extraction g = AnswerExtractor.fromGold(gold, rules);
            return g.answer() == null ? null : normalize(g.answer(), rules).text();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Version 2 strips units the text marks as units before the shared normalization; version 3 reads notation too. */
    private static Normalizer.Normalized normalize(String answer, MathRules rules) {
        if (rules == MathRules.V1) {
            return Normalizer.normalize(answer);
        }
        String units = Units.strip(answer);
        boolean v3 = rules.atLeast(MathRules.V3);
        return Normalizer.normalize(v3 ? Notation.rewrite(units) : units, v3);
    }

    /** {@code gn} is {@code g}'s normalized answer when the caller has it, else null (it is normalized here). */
    private static MathJudgement judgeUnsafe(String response, Extraction g, Normalizer.Normalized gn, MathRules rules) {
        if (g.answer() == null) {
            return new MathJudgement(Outcome.NOT_EQUAL, null, null, "gold: no answer (" + g.rule() + ")");
        }
        if (gn == null) {
            gn = normalize(g.answer(), rules);
        }
        Extraction p = AnswerExtractor.fromResponse(response, rules);
        String goldLetter = ChoiceReader.goldLetter(gn.text());
        if (goldLetter != null) {
            String predText = p.answer() == null ? null : normalize(p.answer(), rules).text();
            String letter = ChoiceReader.predLetter(predText, response);
            Outcome o = goldLetter.equals(letter) ? Outcome.EQUAL : Outcome.NOT_EQUAL;
            return new MathJudgement(o, letter, goldLetter, "choice: gold " + goldLetter + ", response "
                    + (letter == null ? "commits to no option" : letter));
        }
        boolean extractedWhole = p.rule().equals("whole") && response != null && p.answer().equals(response.strip());
        if (response != null && response.length() <= 300 && g.rule().equals("whole")
                && !p.rule().equals("malformed-box") && !extractedWhole) {
            // A short response written exactly like the gold answer ("odd $n$") is that answer,
            // even when its parts would be read separately.
            String whole = Normalizer.normalize(response).text();
            if (Equivalence.compact(whole).equals(Equivalence.compact(gn.text()))) {
                return new MathJudgement(Outcome.EQUAL, whole, gn.text(), "response whole text matches gold");
            }
        }
        if (p.answer() == null) {
            return new MathJudgement(Outcome.NOT_EQUAL, null, gn.text(), "response: no answer (" + p.rule() + ")");
        }
        Budget budget = new Budget();
        Answer goldAnswer = AnswerParser.parse(gn.text(), gn.percent(), rules);
        Normalizer.Normalized pn = normalize(p.answer(), rules);
        Answer predAnswer = AnswerParser.parse(pn.text(), pn.percent(), rules);
        Equivalence eq = new Equivalence(budget, rules);
        String via = p.rule();
        boolean equal = eq.equal(goldAnswer, predAnswer);
        String extracted = pn.text();
        if (!equal && p.lastBoxOnly() != null) {
            Normalizer.Normalized ln = normalize(p.lastBoxOnly(), rules);
            if (eq.equal(goldAnswer, AnswerParser.parse(ln.text(), ln.percent(), rules))) {
                equal = true;
                via = "boxed (last of a chain)";
                extracted = ln.text();
            }
        }
        if (!equal && rules.atLeast(MathRules.V3)) {
            // v3: "1,000.99m²" against the constant 1000.99: a unit symbol, since the gold has no variable;
            // "(B) 2" against 2: the option's label before the value the gold states.
            String number = Equivalence.isConstant(goldAnswer) ? Units.numberBeforeSymbol(pn.text()) : null;
            String why = " (unit symbol dropped)";
            if (number == null) {
                number = optionValue(pn.text());
                why = " (option label dropped)";
            }
            if (number != null) {
                Normalizer.Normalized nn = Normalizer.normalize(number, true);
                if (eq.equal(goldAnswer, AnswerParser.parse(nn.text(), nn.percent(), rules))) {
                    equal = true;
                    via += why;
                    extracted = nn.text();
                }
            }
        }
        String detail = "gold " + g.rule() + ", response " + via + "; " + kind(goldAnswer) + " vs " + kind(predAnswer)
                + (equal ? ": equal" : ": not equal") + " [" + snippet(gn.text()) + " | " + snippet(extracted) + "]";
        return new MathJudgement(equal ? Outcome.EQUAL : Outcome.NOT_EQUAL, extracted, gn.text(), detail);
    }

    /** {@code (B) 2}: the value after an option label, else null (the gold is not a letter, so the value is asked). */
    private static String optionValue(String normalized) {
        Matcher m = OPTION_LABEL.matcher(normalized);
        return m.matches() ? m.group(1) : null;
    }

    private static String kind(Answer a) {
        return a.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    private static String snippet(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= DETAIL_SNIPPET ? one : one.substring(0, DETAIL_SNIPPET) + "…";
    }
}
