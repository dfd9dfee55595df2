package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Answer.Bracketed;
import dev.claimcheck.core.grade.math.Answer.Matrix;
import dev.claimcheck.core.grade.math.Answer.Relation;
import dev.claimcheck.core.grade.math.Answer.Text;
import dev.claimcheck.core.grade.math.Answer.Union;
import dev.claimcheck.core.grade.math.Answer.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether two parsed answers are the same mathematical answer. Structure first (lists,
 * tuples, intervals, relations), then values through {@link ValueComparator}. Throws
 * {@link BudgetExceededException} when a budget runs out; the caller turns that into "unknown".
 */
final class Equivalence {
    private final Budget budget;
    private final ValueComparator values;

    Equivalence(Budget budget) {
        this.budget = budget;
        this.values = new ValueComparator(budget);
    }

    boolean equal(Answer gold, Answer pred) {
        budget.tick();
        if (compact(gold.source()).equals(compact(pred.source())) && gold.getClass() == pred.getClass()
                && !(gold instanceof Value gv && pred instanceof Value pv && gv.percent() != pv.percent())) {
            return true;
        }
        if (gold instanceof Relation g && !(pred instanceof Relation)) {
            Answer v = valueOf(g);
            return v != null && equal(v, pred);
        }
        if (pred instanceof Relation p && !(gold instanceof Relation)) {
            Answer v = valueOf(p);
            return v != null && equal(gold, v);
        }
        if (gold instanceof Relation g && pred instanceof Relation p) {
            return relations(g, p);
        }
        if (gold instanceof Value g && pred instanceof Value p) {
            return values.equal(g, p);
        }
        if (gold instanceof Bracketed g && pred instanceof Bracketed p) {
            return sequences(g, p);
        }
        if (gold instanceof Bracketed g && g.isBare() && g.items().size() == 1) {
            return equal(g.items().get(0), pred);
        }
        if (pred instanceof Bracketed p && p.isBare() && p.items().size() == 1) {
            return equal(gold, p.items().get(0));
        }
        if (gold instanceof Union g) {
            return unions(g.parts(), pred instanceof Union p ? p.parts() : List.of(pred));
        }
        if (pred instanceof Union p) {
            return unions(List.of(gold), p.parts());
        }
        if (gold instanceof Matrix g && pred instanceof Matrix p) {
            return matrices(g, p);
        }
        if (gold instanceof Text || pred instanceof Text) {
            return compact(gold.source()).equals(compact(pred.source()));
        }
        return false;
    }

    /** The value of {@code x = 3} or {@code 3 = x}; null when neither side is a name. */
    private static Answer valueOf(Relation r) {
        if (!r.op().equals("=")) {
            return null;
        }
        if (Labels.isLabel(r.leftSource())) {
            return r.right();
        }
        if (Labels.isLabel(r.rightSource())) {
            return r.left();
        }
        // "35 + 70 = 105": a worked computation; its value is the last side.
        return isConstant(r.left()) && isConstant(r.right()) ? r.right() : null;
    }

    private static boolean isConstant(Answer a) {
        if (!(a instanceof Value v)) {
            return false;
        }
        java.util.Set<String> vars = new java.util.HashSet<>();
        ExprTrees.variables(v.expr(), vars);
        return vars.isEmpty();
    }

    private boolean relations(Relation g, Relation p) {
        if (!g.op().equals(p.op())) {
            return false;
        }
        if (g.op().equals("=") && Labels.isLabel(g.leftSource()) && Labels.isLabel(p.leftSource())
                && compact(g.leftSource()).equals(compact(p.leftSource()))) {
            return equal(g.right(), p.right());
        }
        if (equal(g.left(), p.left()) && equal(g.right(), p.right())) {
            return true;
        }
        if (g.left() instanceof Value gl && g.right() instanceof Value gr
                && p.left() instanceof Value pl && p.right() instanceof Value pr) {
            // Same solution set: (gl - gr) is a constant multiple of (pl - pr), positive for inequalities.
            boolean signMatters = !g.op().equals("=") && !g.op().equals("\u2260");
            return values.proportional(gl.expr(), gr.expr(), pl.expr(), pr.expr(), signMatters);
        }
        return false;
    }

    private boolean sequences(Bracketed g, Bracketed p) {
        boolean unordered;
        if (g.isSet() || p.isSet()) {
            unordered = true;
            if (!(g.isSet() || g.isBare()) || !(p.isSet() || p.isBare())) {
                return false;
            }
        } else if (g.isBare() && p.isBare()) {
            unordered = true;
        } else if (g.isBare() || p.isBare()) {
            unordered = false;
        } else {
            if (g.open() != p.open() || g.close() != p.close()) {
                return false;
            }
            unordered = false;
        }
        if (g.items().size() != p.items().size()) {
            return false;
        }
        if (ordered(g.items(), p.items())) {
            return true;
        }
        return unordered && matchAll(g.items(), p.items());
    }

    private boolean ordered(List<Answer> a, List<Answer> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Greedy one-to-one matching; answer equivalence is transitive enough for greedy to be exact. */
    private boolean matchAll(List<Answer> a, List<Answer> b) {
        budget.tick((long) a.size() * b.size());
        List<Answer> left = new ArrayList<>(b);
        for (Answer x : a) {
            boolean found = false;
            for (int j = 0; j < left.size(); j++) {
                if (equal(x, left.get(j))) {
                    left.remove(j);
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private boolean unions(List<Answer> a, List<Answer> b) {
        return a.size() == b.size() && matchAll(a, b);
    }

    private boolean matrices(Matrix g, Matrix p) {
        if (g.rows().size() != p.rows().size()) {
            return false;
        }
        for (int r = 0; r < g.rows().size(); r++) {
            if (g.rows().get(r).size() != p.rows().get(r).size() || !ordered(g.rows().get(r), p.rows().get(r))) {
                return false;
            }
        }
        return true;
    }

    static String compact(String s) {
        return s.replace(" ", "");
    }
}
