package dev.claimcheck.core.grade.math;

/** A complex double, enough to evaluate answers that use the imaginary unit or roots of negatives. */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex real(double re) {
        return new Complex(re, 0);
    }

    public Complex add(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex sub(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex mul(Complex o) {
        if (im == 0 && o.im == 0) {
            return real(re * o.re);
        }
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex div(Complex o) {
        if (im == 0 && o.im == 0) {
            return real(re / o.re);
        }
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public Complex neg() {
        return new Complex(-re, -im);
    }

    public double abs() {
        return Math.hypot(re, im);
    }

    public boolean isReal() {
        return im == 0;
    }

    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    public Complex log() {
        if (im == 0 && re > 0) {
            return real(Math.log(re));
        }
        return new Complex(Math.log(abs()), Math.atan2(im, re));
    }

    public Complex exp() {
        if (im == 0) {
            return real(Math.exp(re));
        }
        double m = Math.exp(re);
        return new Complex(m * Math.cos(im), m * Math.sin(im));
    }

    /** Principal power; real bases with real exponents stay real where the real root exists. */
    public Complex pow(Complex e) {
        if (im == 0 && e.im == 0) {
            if (re >= 0 || e.re == Math.rint(e.re)) {
                return real(Math.pow(re, e.re));
            }
        }
        if (re == 0 && im == 0) {
            return e.re > 0 ? ZERO : new Complex(Double.NaN, Double.NaN);
        }
        return log().mul(e).exp();
    }

    public Complex sqrt() {
        if (im == 0 && re >= 0) {
            return real(Math.sqrt(re));
        }
        return pow(real(0.5));
    }
}
