package dev.claimcheck.core.grade.math;

import java.util.List;

/**
 * The expression tree a scalar answer parses to. Closed set: the evaluators switch over it
 * exhaustively, so a new node cannot be forgotten by one of them.
 */
public sealed interface Expr {
    /** A number literal; {@code decimal} marks a literal written with a decimal point (an approximation). */
    record Num(Rational value, boolean decimal) implements Expr {
    }

    /** A variable or a named constant ({@code pi}, {@code e}, {@code i}, {@code infty}). */
    record Sym(String name) implements Expr {
    }

    record Add(Expr left, Expr right) implements Expr {
    }

    record Sub(Expr left, Expr right) implements Expr {
    }

    record Mul(Expr left, Expr right) implements Expr {
    }

    record Div(Expr left, Expr right) implements Expr {
    }

    record Pow(Expr base, Expr exponent) implements Expr {
    }

    record Neg(Expr operand) implements Expr {
    }

    /** A function application: sqrt, root (index, radicand), sin, ln, abs, fact, binom, … */
    record Call(String function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code left ± right} ({@code left} null for a leading ±): stands for two values. */
    record PlusMinus(Expr left, Expr right) implements Expr {
    }
}
