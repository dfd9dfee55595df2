package dev.claimcheck.core.suite.tau2.port;

import java.math.BigDecimal;

/**
 * Upstream's {@code calculate} tool: an expression of digits, {@code + - * / ( ) .} and spaces, evaluated with Python's
 * operator meanings ({@code **} power, {@code //} floor division, {@code /} true division), the result rounded to two
 * decimals and written as Python writes a float ({@code 4.0}). Evaluated in doubles: integers beyond 2^53 lose the
 * exactness Python's integers keep.
 */
public final class Calculator {
    private static final String ALLOWED = "0123456789+-*/(). ";
    private final String s;
    private int pos;

    private Calculator(String s) {
        this.s = s;
    }

    public static String calculate(String expression) {
        for (char c : expression.toCharArray()) {
            if (ALLOWED.indexOf(c) < 0) {
                throw new ToolError("Invalid characters in expression");
            }
        }
        Calculator c = new Calculator(expression);
        double v = c.sum();
        c.skip();
        if (c.pos != expression.length()) {
            throw new ToolError("invalid syntax");
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new ToolError("result out of range");
        }
        return pythonFloat(DbRecords.round2(v));
    }

    /** A float as Python's {@code str} writes it in the range a rounded amount falls in: always with a decimal point. */
    public static String pythonFloat(double v) {
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private void skip() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean eat(String op) {
        skip();
        if (s.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private double sum() {
        double v = product();
        while (true) {
            if (eat("+")) {
                v += product();
            } else if (eat("-")) {
                v -= product();
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = unary();
        while (true) {
            if (eat("//")) {
                v = Math.floor(v / divisor(unary()));
            } else if (eat("*")) {
                v *= unary();
            } else if (eat("/")) {
                v /= divisor(unary());
            } else {
                return v;
            }
        }
    }

    private static double divisor(double d) {
        if (d == 0) {
            throw new ToolError("division by zero");
        }
        return d;
    }

    private double unary() {
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        double base = atom();
        if (eat("**")) {
            return Math.pow(base, unary()); // right-associative, and -x**2 is -(x**2) as in Python
        }
        return base;
    }

    private double atom() {
        if (eat("(")) {
            double v = sum();
            if (!eat(")")) {
                throw new ToolError("invalid syntax");
            }
            return v;
        }
        skip();
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        String num = s.substring(start, pos);
        if (num.isEmpty() || num.equals(".") || num.chars().filter(c -> c == '.').count() > 1) {
            throw new ToolError("invalid syntax");
        }
        return Double.parseDouble(num);
    }
}
