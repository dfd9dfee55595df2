package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Answer.Bracketed;
import dev.claimcheck.core.grade.math.Answer.Relation;
import java.util.List;

/**
 * Math v3: a one-sided inequality about a name is the interval it names, so {@code x > 1} answers {@code (1, \infty)}
 * and {@code x \le 2} answers {@code (-\infty, 2]} (docs/grading/math.md). The bound must be a constant: {@code x < y}
 * names no interval.
 */
final class Intervals {
    private static final Answer INFINITY = AnswerParser.parse("\\infty", false);
    private static final Answer MINUS_INFINITY = AnswerParser.parse("-\\infty", false);

    private Intervals() {
    }

    /** The interval {@code r} names, or null. {@link AnswerParser} has turned {@code >} and {@code ≥} around. */
    static Bracketed of(Relation r) {
        boolean closed = r.op().equals("\u2264");
        if (!closed && !r.op().equals("<")) {
            return null;
        }
        if (Labels.isLabel(r.leftSource()) && Equivalence.isConstant(r.right())) {
            return new Bracketed(r.source(), '(', closed ? ']' : ')', List.of(MINUS_INFINITY, r.right()));
        }
        if (Labels.isLabel(r.rightSource()) && Equivalence.isConstant(r.left())) {
            return new Bracketed(r.source(), closed ? '[' : '(', ')', List.of(r.left(), INFINITY));
        }
        return null;
    }

    /** An interval: two items between a round or square bracket and another. */
    static boolean isInterval(Answer a) {
        return a instanceof Bracketed b && b.items().size() == 2 && "([".indexOf(b.open()) >= 0
                && ")]".indexOf(b.close()) >= 0;
    }
}
