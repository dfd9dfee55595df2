package dev.claimcheck.core.perf;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claimcheck.core.grade.GradeFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * {@code grade@. math} end to end (issue #17): JSONL in, JSONL out through {@link GradeFiles#gradeFile}, the path the
 * command runs, with the JVM's start-up excluded. Writes 200,000 numeric and 20,000 symbolic pairs (seeded; bare
 * answers, boxed responses, cue sentences with explanations, units, GSM8K "#### N" lines), grades each file once cold
 * and three times warm, and prints lines per second (wall clock, and per CPU second, which a shared machine's load
 * moves less). A benchmark, not a test: run it as docs/grading/math.md says.
 */
public final class GradeFilesBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private GradeFilesBench() {
    }

    public static void main(String[] args) throws IOException {
        int numeric = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int symbolic = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = Files.createTempDirectory("grade-bench");
        Path num = write(dir.resolve("numeric.jsonl"), numericPairs(numeric, new Random(17)));
        Path sym = write(dir.resolve("symbolic.jsonl"), symbolicPairs(symbolic, new Random(18)));
        time("numeric", num, dir.resolve("numeric-out.jsonl"), numeric);
        time("symbolic", sym, dir.resolve("symbolic-out.jsonl"), symbolic);
        System.out.println("inputs and verdicts in " + dir);
    }

    private static void time(String name, Path in, Path out, int n) {
        double[] cold = rate(in, out, n);
        double[] best = {0, 0};
        for (int i = 0; i < 3; i++) {
            double[] r = rate(in, out, n);
            best[0] = Math.max(best[0], r[0]);
            best[1] = Math.max(best[1], r[1]);
        }
        System.out.printf(Locale.ROOT, "%-8s %,8d pairs: cold %,9.0f lines/s, warm best of 3 %,9.0f lines/s"
                + " (%,9.0f lines per CPU second of the process)%n", name, n, cold[0], best[0], best[1]);
    }

    /** Lines per wall-clock second, and per second of the process's CPU time (all threads, JIT and GC included). */
    private static double[] rate(Path in, Path out, int n) {
        long t = System.nanoTime();
        long cpu = CPU.getProcessCpuTime();
        int lines = GradeFiles.gradeFile("math", in, out);
        double s = (System.nanoTime() - t) / 1e9;
        double cpuS = (CPU.getProcessCpuTime() - cpu) / 1e9;
        if (lines != n) {
            throw new IllegalStateException("graded " + lines + " lines of " + n);
        }
        return new double[] {n / s, n / cpuS};
    }

    private static Path write(Path file, List<String[]> pairs) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int id = 0;
            for (String[] p : pairs) {
                w.write(JSON.createObjectNode().put("id", id++).put("gold", p[0]).put("pred", p[1]).toString());
                w.write('\n');
            }
        }
        return file;
    }

    /** Integer, decimal and fraction answers, written the ways responses write them; about one in five wrong. */
    static List<String[]> numericPairs(int n, Random r) {
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long v = r.nextInt(5) == 0 ? r.nextInt(2_000_000) : r.nextInt(1000) - 100;
            String gold = Long.toString(v);
            long said = r.nextInt(5) == 0 ? v + 1 + r.nextInt(9) : v;
            String s = Long.toString(said);
            String pred = switch (r.nextInt(10)) {
                case 0 -> s;
                case 1 -> "\\boxed{" + s + "}";
                case 2 -> "Adding the two parts gives " + (said - 3) + " + 3, so the final answer is $\\boxed{" + s + "}$.";
                case 3 -> "The answer is " + s + ", because the total is " + (said + 12) + ".";
                case 4 -> "She pays 3 per item for " + r.nextInt(20) + " items.\n#### " + s;
                case 5 -> String.format(Locale.ROOT, "%,d", said);
                case 6 -> "Final answer: " + s + " km";
                case 7 -> "**Answer:** " + s + " (not " + (said + 1) + ")";
                case 8 -> s + "^\\circ";
                default -> "So the number is $" + s + "$.";
            };
            if (r.nextInt(10) == 0) {
                gold = v + "/" + 1;
            }
            out.add(new String[] {gold, pred});
        }
        return out;
    }

    /** LaTeX expressions with seeded coefficients: expanded vs factored, fractions, roots, intervals, tuples. */
    static List<String[]> symbolicPairs(int n, Random r) {
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int a = 1 + r.nextInt(9);
            int b = 1 + r.nextInt(9);
            int c = 2 + r.nextInt(7);
            String[] p = switch (r.nextInt(8)) {
                case 0 -> new String[] {"(x+" + a + ")^2", "x^2+" + 2 * a + "x+" + a * a};
                case 1 -> new String[] {"\\frac{x+" + a + "}{" + c + "}", "\\frac{x}{" + c + "}+\\frac{" + a + "}{" + c + "}"};
                case 2 -> new String[] {b + "\\sqrt{" + c + "}", "\\sqrt{" + b * b * c + "}"};
                case 3 -> new String[] {"[" + a + "," + (a + b) + ")", "\\boxed{[" + a + ", " + (a + b) + ")}"};
                case 4 -> new String[] {"(" + a + "," + b + ")", "The answer is $(" + a + ", " + b + ")$."};
                case 5 -> new String[] {"\\frac{" + a + "\\pi}{" + c + "}", "\\dfrac{" + a + "\\pi}{" + c + "}"};
                case 6 -> new String[] {"x^2-" + a * a, "(x-" + a + ")(x+" + (a + 1) + ")"};
                default -> new String[] {"y=" + a + "x+" + b, "y = " + b + " + " + a + "x"};
            };
            out.add(p);
        }
        return out;
    }
}
