package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Answer.Value;
import dev.claimcheck.core.grade.math.Expr.Num;
import dev.claimcheck.core.grade.math.Expr.Sub;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Compares two scalar values. Rational values compare exactly; a decimal literal on either side
 * allows a relative difference of {@link #DECIMAL_TOLERANCE}; irrational constants compare in
 * doubles at {@link #EXACT_TOLERANCE}; expressions with variables compare at {@link #POINTS}
 * seeded points, so the same pair always gets the same verdict.
 */
final class ValueComparator {
    /** A decimal stands for its value to about six significant digits (0.6666666667 = 2/3, 0.67 ≠ 2/3). */
    static final double DECIMAL_TOLERANCE = 1e-6;
    /** Double rounding noise when both sides are exact but irrational (3√13 vs √117). */
    static final double EXACT_TOLERANCE = 1e-9;
    static final int POINTS = 6;
    private static final Rational HUNDRED = Rational.of(100);
    private static final long SEED = 0x5eed_c1a1_3c4eL;

    private final Budget budget;

    ValueComparator(Budget budget) {
        this.budget = budget;
    }

    boolean equal(Value g, Value p) {
        TreeSet<String> vars = new TreeSet<>();
        ExprTrees.variables(g.expr(), vars);
        ExprTrees.variables(p.expr(), vars);
        boolean decimal = hasDecimal(g.expr()) || hasDecimal(p.expr());
        double tol = decimal ? DECIMAL_TOLERANCE : EXACT_TOLERANCE;
        if (vars.isEmpty()) {
            ExactEvaluator exact = new ExactEvaluator(budget);
            Rational a = exact.eval(g.expr());
            Rational b = a == null ? null : exact.eval(p.expr());
            if (a != null && b != null) {
                return exactEqual(a, b, g.percent(), p.percent(), decimal);
            }
            NumericEvaluator num = new NumericEvaluator(budget, Map.of());
            Complex x = num.eval(g.expr());
            Complex y = num.eval(p.expr());
            if (close(x, y, tol)) {
                return true;
            }
            Complex hundredth = Complex.real(0.01);
            return (g.percent() && close(x.mul(hundredth), y, tol)) || (p.percent() && close(x, y.mul(hundredth), tol));
        }
        int valid = 0;
        SplittableRandom random = new SplittableRandom(SEED);
        for (int k = 0; k < POINTS; k++) {
            NumericEvaluator num = new NumericEvaluator(budget, point(vars, random));
            Complex x = num.eval(g.expr());
            Complex y = num.eval(p.expr());
            if (isNaN(x) && isNaN(y)) {
                continue;
            }
            if (!close(x, y, tol)) {
                return false;
            }
            valid++;
        }
        return valid >= 2;
    }

    /** Whether {@code gl - gr} is a constant (non-zero; positive when {@code positive}) multiple of {@code pl - pr}. */
    boolean proportional(Expr gl, Expr gr, Expr pl, Expr pr, boolean positive) {
        Expr f = new Sub(gl, gr);
        Expr h = new Sub(pl, pr);
        TreeSet<String> vars = new TreeSet<>();
        ExprTrees.variables(f, vars);
        ExprTrees.variables(h, vars);
        SplittableRandom random = new SplittableRandom(SEED);
        Complex ratio = null;
        int valid = 0;
        for (int k = 0; k < POINTS; k++) {
            NumericEvaluator num = new NumericEvaluator(budget, point(vars, random));
            Complex x = num.eval(f);
            Complex y = num.eval(h);
            if (isNaN(x) || isNaN(y) || !x.isFinite() || !y.isFinite()) {
                continue;
            }
            boolean xz = x.abs() < 1e-12;
            boolean yz = y.abs() < 1e-12;
            if (xz && yz) {
                continue;
            }
            if (xz || yz) {
                return false;
            }
            Complex r = x.div(y);
            if (ratio == null) {
                ratio = r;
                if (positive && !(r.isReal() && r.re() > 0) || !r.isReal() && Math.abs(r.im()) > 1e-9 * r.abs()) {
                    return false;
                }
            } else if (!close(ratio, r, 1e-7)) {
                return false;
            }
            valid++;
        }
        return valid >= 1;
    }

    private static Map<String, Complex> point(TreeSet<String> vars, SplittableRandom random) {
        Map<String, Complex> values = new HashMap<>();
        for (String v : vars) {
            // Positive, away from 0 and 1, so roots and logs are real and x^2 never meets 2x by chance.
            values.put(v, Complex.real(0.3 + 2.2 * random.nextDouble()));
        }
        return values;
    }

    private boolean exactEqual(Rational a, Rational b, boolean aPercent, boolean bPercent, boolean decimal) {
        List<Rational> as = aPercent ? List.of(a, a.divide(HUNDRED)) : List.of(a);
        List<Rational> bs = bPercent ? List.of(b, b.divide(HUNDRED)) : List.of(b);
        for (Rational x : as) {
            for (Rational y : bs) {
                if (decimal ? relativelyClose(x, y) : x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** |x − y| ≤ 1e-6 · max(|x|, |y|), computed exactly. */
    private static boolean relativelyClose(Rational x, Rational y) {
        Rational diff = x.subtract(y);
        if (diff.signum() == 0) {
            return true;
        }
        Rational scale = x.signum() < 0 ? x.negate() : x;
        Rational ys = y.signum() < 0 ? y.negate() : y;
        if (ys.compareTo(scale) > 0) {
            scale = ys;
        }
        Rational bound = scale.multiply(new Rational(BigInteger.ONE, BigInteger.valueOf(1_000_000)));
        Rational absDiff = diff.signum() < 0 ? diff.negate() : diff;
        return absDiff.compareTo(bound) <= 0;
    }

    static boolean close(Complex a, Complex b, double tol) {
        if (isNaN(a) || isNaN(b)) {
            return false;
        }
        if (!a.isFinite() || !b.isFinite()) {
            return a.equals(b);
        }
        double diff = a.sub(b).abs();
        double scale = Math.max(a.abs(), b.abs());
        return diff <= tol * scale || diff < 1e-12;
    }

    private static boolean isNaN(Complex c) {
        return Double.isNaN(c.re()) || Double.isNaN(c.im());
    }

    static boolean hasDecimal(Expr e) {
        if (e instanceof Num n) {
            return n.decimal();
        }
        for (Expr c : ExprTrees.children(e)) {
            if (hasDecimal(c)) {
                return true;
            }
        }
        return false;
    }
}
