package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Expr.Add;
import dev.claimcheck.core.grade.math.Expr.Call;
import dev.claimcheck.core.grade.math.Expr.Div;
import dev.claimcheck.core.grade.math.Expr.Mul;
import dev.claimcheck.core.grade.math.Expr.Neg;
import dev.claimcheck.core.grade.math.Expr.Num;
import dev.claimcheck.core.grade.math.Expr.Pow;
import dev.claimcheck.core.grade.math.Expr.Sub;
import java.math.BigInteger;

/**
 * Evaluates an expression to an exact rational when it is one (integers, fractions, integer
 * powers, perfect roots, factorials, binomials); returns null otherwise. Number sizes are bounded
 * by {@link Budget#MAX_BITS}, so {@code 2^{2^{2^{49}}}} exhausts the budget instead of the heap.
 */
final class ExactEvaluator {
    private final Budget budget;

    ExactEvaluator(Budget budget) {
        this.budget = budget;
    }

    Rational eval(Expr e) {
        budget.tick();
        if (e instanceof Num n) {
            return n.value();
        } else if (e instanceof Add a) {
            return both(a.left(), a.right(), Rational::add);
        } else if (e instanceof Sub a) {
            return both(a.left(), a.right(), Rational::subtract);
        } else if (e instanceof Mul a) {
            return both(a.left(), a.right(), Rational::multiply);
        } else if (e instanceof Div a) {
            Rational l = eval(a.left());
            Rational r = l == null ? null : eval(a.right());
            return r == null || r.signum() == 0 ? null : check(l.divide(r));
        } else if (e instanceof Neg n) {
            Rational v = eval(n.operand());
            return v == null ? null : v.negate();
        } else if (e instanceof Pow p) {
            Rational b = eval(p.base());
            Rational x = b == null ? null : eval(p.exponent());
            return x == null ? null : pow(b, x);
        } else if (e instanceof Call c) {
            return call(c);
        }
        return null;
    }

    private Rational both(Expr l, Expr r, java.util.function.BinaryOperator<Rational> f) {
        Rational a = eval(l);
        if (a == null) {
            return null;
        }
        Rational b = eval(r);
        return b == null ? null : check(f.apply(a, b));
    }

    private Rational check(Rational r) {
        budget.tick(r.bits() / 64);
        if (r.bits() > Budget.MAX_BITS) {
            throw new BudgetExceededException("number larger than " + Budget.MAX_BITS + " bits");
        }
        return r;
    }

    private Rational pow(Rational b, Rational x) {
        if (x.isInteger()) {
            if (b.signum() == 0) {
                return x.signum() < 0 ? null : (x.signum() == 0 ? Rational.ONE : Rational.ZERO);
            }
            if (b.num().abs().equals(BigInteger.ONE) && b.den().equals(BigInteger.ONE)) {
                return x.num().testBit(0) ? b : Rational.ONE;
            }
            if (x.num().bitLength() > 31 || x.num().abs().longValue() * b.bits() > Budget.MAX_BITS) {
                throw new BudgetExceededException("power larger than " + Budget.MAX_BITS + " bits");
            }
            return check(b.pow(x.num().intValueExact()));
        }
        // Rational exponent p/q: exact only when the q-th root is exact.
        if (x.den().bitLength() > 8 || x.num().bitLength() > 16 || b.signum() < 0) {
            return null;
        }
        int q = x.den().intValueExact();
        BigInteger n = root(b.num(), q);
        BigInteger d = root(b.den(), q);
        if (n == null || d == null) {
            return null;
        }
        return pow(new Rational(n, d), Rational.of(x.num()));
    }

    /** The exact q-th root of a non-negative integer, or null. */
    private BigInteger root(BigInteger v, int q) {
        if (q == 2) {
            BigInteger s = v.sqrt();
            return s.multiply(s).equals(v) ? s : null;
        }
        if (v.bitLength() > 4000) {
            return null;
        }
        BigInteger r = BigInteger.valueOf(Math.round(Math.pow(v.doubleValue(), 1.0 / q)));
        for (BigInteger c : new BigInteger[] {r.subtract(BigInteger.ONE), r, r.add(BigInteger.ONE)}) {
            if (c.signum() >= 0 && c.pow(q).equals(v)) {
                return c;
            }
        }
        return null;
    }

    private Rational call(Call c) {
        switch (c.function()) {
            case "sqrt" -> {
                Rational v = eval(c.args().get(0));
                return v == null || v.signum() < 0 ? null : pow(v, new Rational(BigInteger.ONE, BigInteger.TWO));
            }
            case "root" -> {
                Rational k = eval(c.args().get(0));
                Rational v = k == null ? null : eval(c.args().get(1));
                if (v == null || !k.isInteger() || k.signum() <= 0 || k.num().bitLength() > 8) {
                    return null;
                }
                if (v.signum() < 0 && k.num().testBit(0)) {
                    Rational r = pow(v.negate(), Rational.ONE.divide(k));
                    return r == null ? null : r.negate();
                }
                return pow(v, Rational.ONE.divide(k));
            }
            case "abs" -> {
                Rational v = eval(c.args().get(0));
                return v == null ? null : (v.signum() < 0 ? v.negate() : v);
            }
            case "fact" -> {
                Rational v = eval(c.args().get(0));
                if (v == null || !v.isInteger() || v.signum() < 0) {
                    return null;
                }
                if (v.num().compareTo(BigInteger.valueOf(10_000)) > 0) {
                    throw new BudgetExceededException("factorial argument above 10000");
                }
                int n = v.num().intValue();
                budget.tick(n);
                BigInteger f = BigInteger.ONE;
                for (int i = 2; i <= n; i++) {
                    f = f.multiply(BigInteger.valueOf(i));
                }
                return check(Rational.of(f));
            }
            case "binom" -> {
                Rational n = eval(c.args().get(0));
                Rational k = n == null ? null : eval(c.args().get(1));
                if (k == null || !n.isInteger() || !k.isInteger() || k.signum() < 0 || n.signum() < 0) {
                    return null;
                }
                if (k.compareTo(n) > 0) {
                    return Rational.ZERO;
                }
                BigInteger kk = k.num().min(n.num().subtract(k.num()));
                if (kk.compareTo(BigInteger.valueOf(20_000)) > 0 || n.num().bitLength() > 62) {
                    throw new BudgetExceededException("binomial too large");
                }
                budget.tick(kk.longValue());
                BigInteger r = BigInteger.ONE;
                for (long i = 1; i <= kk.longValue(); i++) {
                    r = r.multiply(n.num().subtract(BigInteger.valueOf(i - 1))).divide(BigInteger.valueOf(i));
                }
                return check(Rational.of(r));
            }
            case "floor", "ceil" -> {
                Rational v = eval(c.args().get(0));
                if (v == null) {
                    return null;
                }
                BigInteger[] qr = v.num().divideAndRemainder(v.den());
                BigInteger q = qr[0];
                if (qr[1].signum() != 0) {
                    boolean neg = v.signum() < 0;
                    if (c.function().equals("floor") && neg) {
                        q = q.subtract(BigInteger.ONE);
                    } else if (c.function().equals("ceil") && !neg) {
                        q = q.add(BigInteger.ONE);
                    }
                }
                return Rational.of(q);
            }
            default -> {
                return null;
            }
        }
    }
}
