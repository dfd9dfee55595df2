package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Expr.Add;
import dev.claimcheck.core.grade.math.Expr.Call;
import dev.claimcheck.core.grade.math.Expr.Div;
import dev.claimcheck.core.grade.math.Expr.Mul;
import dev.claimcheck.core.grade.math.Expr.Neg;
import dev.claimcheck.core.grade.math.Expr.PlusMinus;
import dev.claimcheck.core.grade.math.Expr.Pow;
import dev.claimcheck.core.grade.math.Expr.Sub;
import dev.claimcheck.core.grade.math.Expr.Sym;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;

/** Walks over expression trees: children, variables, and the expansion of ±. */
final class ExprTrees {
    private ExprTrees() {
    }

    /** Collects every distinct variable name, to choose evaluation points. */
    static void variables(Expr e, Set<String> out) {
        if (e instanceof Sym s) {
            if (!NumericEvaluator.isConstant(s.name())) {
                out.add(s.name());
            }
        } else {
            for (Expr child : children(e)) {
                variables(child, out);
            }
        }
    }

    /** The direct sub-expressions of a node (Java 17 has no pattern switch, so one place lists them). */
    static List<Expr> children(Expr e) {
        if (e instanceof Add a) {
            return List.of(a.left(), a.right());
        } else if (e instanceof Sub a) {
            return List.of(a.left(), a.right());
        } else if (e instanceof Mul a) {
            return List.of(a.left(), a.right());
        } else if (e instanceof Div a) {
            return List.of(a.left(), a.right());
        } else if (e instanceof Pow a) {
            return List.of(a.base(), a.exponent());
        } else if (e instanceof Neg a) {
            return List.of(a.operand());
        } else if (e instanceof Call c) {
            return c.args();
        } else if (e instanceof PlusMinus p) {
            return p.left() == null ? List.of(p.right()) : List.of(p.left(), p.right());
        }
        return List.of();
    }

    /** Whether the tree contains a ± anywhere. */
    static boolean hasPlusMinus(Expr e) {
        if (e instanceof PlusMinus) {
            return true;
        }
        for (Expr c : children(e)) {
            if (hasPlusMinus(c)) {
                return true;
            }
        }
        return false;
    }

    /** Expands ± into its (at most 16) alternatives. */
    static List<Expr> expandPlusMinus(Expr e) {
        List<Expr> out = new ArrayList<>();
        expand(e, out);
        if (out.size() > 16) {
            throw new BudgetExceededException("too many ± alternatives");
        }
        return out;
    }

    private static void expand(Expr e, List<Expr> out) {
        if (!hasPlusMinus(e)) {
            out.add(e);
        } else if (e instanceof PlusMinus p) {
            for (Expr r : ExprTrees.expandPlusMinus(p.right())) {
                if (p.left() == null) {
                    out.add(r);
                    out.add(new Neg(r));
                } else {
                    for (Expr l : ExprTrees.expandPlusMinus(p.left())) {
                        out.add(new Add(l, r));
                        out.add(new Sub(l, r));
                    }
                }
            }
        } else if (e instanceof Add a) {
            combine(a.left(), a.right(), Add::new, out);
        } else if (e instanceof Sub a) {
            combine(a.left(), a.right(), Sub::new, out);
        } else if (e instanceof Mul a) {
            combine(a.left(), a.right(), Mul::new, out);
        } else if (e instanceof Div a) {
            combine(a.left(), a.right(), Div::new, out);
        } else if (e instanceof Pow a) {
            combine(a.base(), a.exponent(), Pow::new, out);
        } else if (e instanceof Neg n) {
            ExprTrees.expandPlusMinus(n.operand()).forEach(x -> out.add(new Neg(x)));
        } else if (e instanceof Call c && c.args().size() == 1) {
            ExprTrees.expandPlusMinus(c.args().get(0)).forEach(x -> out.add(new Call(c.function(), List.of(x))));
        } else {
            out.add(e);
        }
    }

    private static void combine(Expr l, Expr r, BinaryOperator<Expr> f, List<Expr> out) {
        for (Expr a : ExprTrees.expandPlusMinus(l)) {
            for (Expr b : ExprTrees.expandPlusMinus(r)) {
                out.add(f.apply(a, b));
            }
        }
    }
}
