package dev.claimcheck.core.grade.math;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact fraction of two BigIntegers, always reduced with a positive denominator. Integers and
 * fractions are compared with these, so {@code 100000000000} never equals {@code 99999999999}.
 */
public record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);

    public Rational {
        if (den.signum() == 0) {
            throw new ArithmeticException("zero denominator");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
    }

    public static Rational of(long n) {
        return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    public static Rational of(BigInteger n) {
        return new Rational(n, BigInteger.ONE);
    }

    /** Parses a plain decimal literal such as {@code 12}, {@code -0.50} or {@code .4} exactly. */
    public static Rational parseDecimal(String s) {
        if (isShortInteger(s)) {
            return of(Long.parseLong(s)); // most literals: no BigDecimal needed
        }
        BigDecimal d = new BigDecimal(s.startsWith(".") ? "0" + s : s);
        if (d.scale() <= 0) {
            return of(d.toBigIntegerExact());
        }
        return new Rational(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    /** An optional minus and 1 to 18 ASCII digits: fits a long. */
    private static boolean isShortInteger(String s) {
        int from = s.startsWith("-") ? 1 : 0;
        int n = s.length() - from;
        if (n < 1 || n > 18) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    public int signum() {
        return num.signum();
    }

    /** Size in bits, used by budgets. */
    public long bits() {
        return (long) num.bitLength() + den.bitLength();
    }

    public Rational add(Rational o) {
        return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    public Rational divide(Rational o) {
        return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    public Rational negate() {
        return new Rational(num.negate(), den);
    }

    public Rational pow(int e) {
        if (e < 0) {
            return new Rational(den.pow(-e), num.pow(-e));
        }
        return new Rational(num.pow(e), den.pow(e));
    }

    /** A double approximation that survives numerators beyond the double range when the ratio is small. */
    public double toDouble() {
        if (num.bitLength() < 1000 && den.bitLength() < 1000) {
            return num.doubleValue() / den.doubleValue();
        }
        return new BigDecimal(num).divide(new BigDecimal(den), java.math.MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Rational o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
