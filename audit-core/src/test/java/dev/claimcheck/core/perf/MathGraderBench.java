package dev.claimcheck.core.perf;

import dev.claimcheck.core.grade.math.MathJudge;
import dev.claimcheck.core.grade.math.MathJudgement;
import java.util.Arrays;

/**
 * Prints equivalence checks per second on one thread, with p50/p99 latency, for numeric and for
 * symbolic LaTeX pairs. A benchmark, not a test: run it as documented in docs/grading/math.md.
 * Each check is the full path of a verdict (extraction, normalization, parsing, comparison).
 */
public final class MathGraderBench {
    private static final String[][] NUMERIC = {
        {"42", "42"}, {"1/2", "0.5"}, {"7425000", "7,425,000"}, {"\\frac{2}{3}", "0.6666666667"},
        {"033", "33"}, {"-5", "-5"}, {"1000", "1 000"}, {"\\frac{1}{2}", "0.51"}, {"12345", "12{,}345"},
        {"2", "-2"}, {"100000000000", "99999999999"}, {"\\dfrac{7}{2}", "3.5"}, {"10\\%", "0.1"},
        {"\\$15,000", "15000"}, {"918\\frac{1}{2}", "918.5"}, {"1.5\\times10^3", "1500"},
    };
    private static final String[][] SYMBOLIC = {
        {"\\frac{x+2}{7}", "\\frac{x}{7}+\\frac{2}{7}"}, {"(x+1)^2", "x^2+2x+1"}, {"x^2", "2x"},
        {"\\sin^2 x + \\cos^2 x", "1"}, {"3\\sqrt{13}", "\\sqrt{117}"}, {"2\\pi", "6.283185307"},
        {"\\frac{\\pi r}{h+r}", "\\frac{r\\pi}{r+h}"}, {"4N^3+9N^2+6N+1", "(N+1)^2(4N+1)"},
        {"\\tan^2(y)+1", "\\sec^2(y)"}, {"[0,1)", "[0,1]"}, {"(1,2)", "[1,2]"}, {"x>5", "5<x"},
        {"2x+4y-3=0", "y=-\\frac{1}{2}x+\\frac{3}{4}"}, {"1\\pm\\sqrt{19}", "1+\\sqrt{19},1-\\sqrt{19}"},
        {"\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}"},
        {"\\sqrt[3]{2}", "2^{1/3}"},
    };

    private MathGraderBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        run("numeric", NUMERIC, n);
        run("symbolic", SYMBOLIC, n / 4);
    }

    private static void run(String name, String[][] pairs, int n) {
        long sink = 0;
        for (int i = 0; i < n / 2; i++) {
            sink += check(pairs[i % pairs.length]);
        }
        long[] latency = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            sink += check(pairs[i % pairs.length]);
            latency[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latency);
        System.out.printf("%-9s %,10.0f checks/s  p50 %6.1f us  p99 %6.1f us  (%,d checks, %d pairs, sink %d)%n",
                name, n / seconds, latency[n / 2] / 1e3, latency[(int) (n * 0.99)] / 1e3, n, pairs.length, sink % 7);
    }

    private static int check(String[] pair) {
        MathJudgement j = MathJudge.judge(pair[1], pair[0]);
        return j.equal() ? 1 : 0;
    }
}
