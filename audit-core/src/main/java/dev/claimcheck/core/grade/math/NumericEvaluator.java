package dev.claimcheck.core.grade.math;

import dev.claimcheck.core.grade.math.Expr.Add;
import dev.claimcheck.core.grade.math.Expr.Call;
import dev.claimcheck.core.grade.math.Expr.Div;
import dev.claimcheck.core.grade.math.Expr.Mul;
import dev.claimcheck.core.grade.math.Expr.Neg;
import dev.claimcheck.core.grade.math.Expr.Num;
import dev.claimcheck.core.grade.math.Expr.PlusMinus;
import dev.claimcheck.core.grade.math.Expr.Pow;
import dev.claimcheck.core.grade.math.Expr.Sub;
import dev.claimcheck.core.grade.math.Expr.Sym;
import java.util.Map;

/**
 * Evaluates an expression in complex doubles at given variable values. Used for irrational
 * constants and for symbolic answers, which are compared at seeded points; every node costs one
 * budget step.
 */
final class NumericEvaluator {
    private final Budget budget;
    private final Map<String, Complex> values;

    NumericEvaluator(Budget budget, Map<String, Complex> values) {
        this.budget = budget;
        this.values = values;
    }

    static boolean isConstant(String name) {
        return name.equals("pi") || name.equals("e") || name.equals("i") || name.equals("infty");
    }

    Complex eval(Expr e) {
        budget.tick();
        if (e instanceof Num n) {
            return Complex.real(n.value().toDouble());
        } else if (e instanceof Sym s) {
            return symbol(s.name());
        } else if (e instanceof Add a) {
            return eval(a.left()).add(eval(a.right()));
        } else if (e instanceof Sub a) {
            return eval(a.left()).sub(eval(a.right()));
        } else if (e instanceof Mul a) {
            return eval(a.left()).mul(eval(a.right()));
        } else if (e instanceof Div a) {
            return eval(a.left()).div(eval(a.right()));
        } else if (e instanceof Neg n) {
            return eval(n.operand()).neg();
        } else if (e instanceof Pow p) {
            return pow(eval(p.base()), p.exponent());
        } else if (e instanceof Call c) {
            return call(c);
        } else if (e instanceof PlusMinus) {
            throw new ParseException("± must be expanded before evaluation");
        }
        throw new IllegalStateException("unknown node " + e);
    }

    private Complex symbol(String name) {
        switch (name) {
            case "pi" -> {
                return Complex.real(Math.PI);
            }
            case "e" -> {
                return Complex.real(Math.E);
            }
            case "i" -> {
                return Complex.I;
            }
            case "infty" -> {
                return Complex.real(Double.POSITIVE_INFINITY);
            }
            default -> {
                Complex v = values.get(name);
                if (v == null) {
                    throw new ParseException("no value for " + name);
                }
                return v;
            }
        }
    }

    /** Odd roots of negative reals stay real ({@code (-8)^{1/3} = -2}), as answers intend. */
    private Complex pow(Complex base, Expr exponent) {
        Complex x = eval(exponent);
        if (base.isReal() && base.re() < 0 && x.isReal() && exponent instanceof Div d
                && d.right() instanceof Num n && n.value().isInteger() && n.value().num().testBit(0)) {
            return Complex.real(-Math.pow(-base.re(), x.re()));
        }
        return base.pow(x);
    }

    private Complex call(Call c) {
        Complex a = eval(c.args().get(0));
        switch (c.function()) {
            case "sqrt" -> {
                return a.sqrt();
            }
            case "root" -> {
                Complex v = eval(c.args().get(1));
                if (v.isReal() && v.re() < 0 && a.isReal() && Math.rint(a.re()) == a.re() && ((long) a.re()) % 2 != 0) {
                    return Complex.real(-Math.pow(-v.re(), 1 / a.re()));
                }
                return v.pow(Complex.ONE.div(a));
            }
            case "abs" -> {
                return Complex.real(a.abs());
            }
            case "fact" -> {
                return a.isReal() && a.re() >= 0 && a.re() <= 170 && Math.rint(a.re()) == a.re()
                        ? Complex.real(factorial((int) a.re())) : new Complex(Double.NaN, 0);
            }
            case "binom" -> {
                Complex k = eval(c.args().get(1));
                return Complex.real(Math.exp(lnFact(a.re()) - lnFact(k.re()) - lnFact(a.re() - k.re())));
            }
            case "floor" -> {
                return Complex.real(Math.floor(a.re()));
            }
            case "ceil" -> {
                return Complex.real(Math.ceil(a.re()));
            }
            case "ln", "log" -> {
                return a.log();
            }
            case "exp" -> {
                return a.exp();
            }
            default -> {
                return trig(c.function(), a);
            }
        }
    }

    private static Complex trig(String f, Complex a) {
        if (!a.isReal()) {
            return new Complex(Double.NaN, Double.NaN);
        }
        double x = a.re();
        double r = switch (f) {
            case "sin" -> Math.sin(x);
            case "cos" -> Math.cos(x);
            case "tan" -> Math.tan(x);
            case "sec" -> 1 / Math.cos(x);
            case "csc" -> 1 / Math.sin(x);
            case "cot" -> 1 / Math.tan(x);
            case "arcsin" -> Math.asin(x);
            case "arccos" -> Math.acos(x);
            case "arctan" -> Math.atan(x);
            case "sinh" -> Math.sinh(x);
            case "cosh" -> Math.cosh(x);
            case "tanh" -> Math.tanh(x);
            default -> Double.NaN;
        };
        return Complex.real(r);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    /** ln(n!) through Stirling's series; exact enough for comparing binomials of large n. */
    private static double lnFact(double n) {
        if (n < 0) {
            return Double.NaN;
        }
        if (n < 20) {
            return Math.log(factorial((int) Math.round(n)));
        }
        return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n * n * n);
    }
}
