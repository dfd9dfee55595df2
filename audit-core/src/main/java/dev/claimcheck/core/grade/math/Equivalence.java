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
    private final boolean v3;

    Equivalence(Budget budget, MathRules rules) {
        this.budget = budget;
        this.values = new ValueComparator(budget);
        this.v3 = rules.atLeast(MathRules.V3);
    }

    boolean equal(Answer gold, Answer pred) {
        budget.tick();
        if (compact(gold.source()).equals(compact(pred.source())) && gold.getClass() == pred.getClass()
                && !(gold instanceof Value gv && pred instanceof Value pv && gv.percent() != pv.percent())) {
            return true;
        }
        if (v3) {
            Answer reread = v3Reading(gold, pred);
            if (reread != null) {
                return equal(gold, reread);
            }
            reread = v3Reading(pred, gold);
            if (reread != null) {
                return equal(reread, pred);
            }
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
            return sequences(g, p) || flatEqual(g, p);
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
            // v3: "No solution" is "no solution".
            return v3 ? compact(gold.source()).equalsIgnoreCase(compact(pred.source()))
                    : compact(gold.source()).equals(compact(pred.source()));
        }
        return false;
    }

    /**
     * v3: {@code b} read the way {@code a} is written, when they are written differently: an inequality as the
     * interval {@code a} is; a one-column or one-row matrix as the tuple {@code a} is; a set of one element as that
     * element where {@code a} is not bracketed; a bare list as the
     * union {@code a} is. Null when there is no such reading.
     */
    private static Answer v3Reading(Answer a, Answer b) {
        if (Intervals.isInterval(a) && !((Bracketed) a).isBare() && b instanceof Relation r) {
            return Intervals.of(r);
        }
        if (a instanceof Bracketed t && t.open() == '(' && t.close() == ')' && b instanceof Matrix m) {
            return vector(m);
        }
        if (!(a instanceof Bracketed) && b instanceof Bracketed one && one.isSet() && one.items().size() == 1) {
            return one.items().get(0); // "x ∈ \{2\}" against 2: the set's one element
        }
        if (a instanceof Union u && b instanceof Bracketed l && l.isBare() && l.items().size() == u.parts().size()) {
            return new Union(l.source(), l.items());
        }
        return null;
    }

    /** v3: "x=5, y=2; x=7, y=2" against a flat list of the four equations: the groups' parts, in order. */
    private boolean flatEqual(Bracketed g, Bracketed p) {
        if (!v3 || !g.isBare() || !p.isBare() || grouped(g) == grouped(p)) {
            return false;
        }
        return grouped(g) ? sequences(flat(g), p) : sequences(g, flat(p));
    }

    private static Bracketed flat(Bracketed list) {
        List<Answer> parts = new ArrayList<>();
        list.items().forEach(i -> parts.addAll(i instanceof Bracketed b && b.isBare() ? b.items() : List.of(i)));
        return new Bracketed(list.source(), ' ', ' ', parts);
    }

    /** A bare list of bare lists: only {@link AnswerParser}'s semicolon groups are read so. */
    private static boolean grouped(Bracketed list) {
        return list.items().stream().anyMatch(i -> i instanceof Bracketed b && b.isBare());
    }

    /** The cells of a matrix of one column or one row, as a tuple; null for any other matrix. */
    private static Answer vector(Matrix m) {
        List<Answer> cells = new ArrayList<>();
        boolean column = m.rows().stream().allMatch(r -> r.size() == 1);
        if (column) {
            m.rows().forEach(r -> cells.add(r.get(0)));
        } else if (m.rows().size() == 1) {
            cells.addAll(m.rows().get(0));
        } else {
            return null;
        }
        return cells.size() < 2 ? null : new Bracketed(m.source(), '(', ')', cells);
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

    /** A value without variables. */
    static boolean isConstant(Answer a) {
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
