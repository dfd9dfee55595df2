package dev.claimcheck.core.suite.arith;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded multi-step arithmetic word problems with exact integer answers, written for claimcheck.
 * Problem i depends only on (seed, i), so {@code --limit} and resume never change a problem.
 * Text is assembled from fixed English templates with locale-free integer formatting.
 */
final class ArithGenerator {
    static final String VERSION = "1";

    private static final String[][] SETTINGS = {
        {"A warehouse", "crates"}, {"A library", "books"}, {"An orchard", "apples"},
        {"A bakery", "loaves"}, {"A shipping dock", "containers"}, {"A school", "pencils"},
        {"A farm", "eggs"}, {"A print shop", "posters"}, {"A garden centre", "seedlings"},
        {"A data centre", "servers"}};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "the next Monday", "the next Tuesday", "the next Wednesday", "the next Thursday", "the next Friday"};

    /** One generated problem: its text and exact answer. */
    record Problem(String text, long answer) {
    }

    private ArithGenerator() {
    }

    static Problem generate(long seed, int index, int steps) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, index));
        String[] setting = SETTINGS[rnd.nextInt(SETTINGS.length)];
        String things = setting[1];
        long value = 20 + rnd.nextInt(481);
        List<String> sentences = new ArrayList<>();
        sentences.add(setting[0] + " starts with " + value + " " + things + ".");
        for (int step = 0; step < steps; step++) {
            String day = "On " + DAYS[step];
            int op = rnd.nextInt(4);
            if (op == 3) {
                int divisor = smallDivisor(value, rnd);
                if (divisor > 1) {
                    value /= divisor;
                    sentences.add(day + ", the " + things + " are split evenly into " + divisor
                            + " equal groups and only one group is kept.");
                    continue;
                }
                op = 2;
            }
            if (op == 2 && value <= 5_000) {
                int factor = 2 + rnd.nextInt(4);
                value *= factor;
                sentences.add(day + ", the number of " + things + " is multiplied by " + factor + ".");
            } else if (op == 1 && value > 10) {
                long taken = 1 + rnd.nextLong(value - 1);
                value -= taken;
                sentences.add(day + ", " + taken + " " + things + " are given away.");
            } else {
                long added = 5 + rnd.nextInt(296);
                value += added;
                sentences.add(day + ", " + added + " more " + things + " arrive.");
            }
        }
        sentences.add("How many " + things + " are there at the end?");
        return new Problem(String.join(" ", sentences), value);
    }

    /** A wrong but plausible answer, for the simulator's oracle. */
    static long wrongAnswer(long seed, int index, long answer) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, index) ^ 0x5DEECE66DL);
        long delta = 1 + rnd.nextInt(9);
        return rnd.nextBoolean() || answer - delta < 0 ? answer + delta : answer - delta;
    }

    private static int smallDivisor(long value, SplittableRandom rnd) {
        int start = 2 + rnd.nextInt(8);
        for (int d = start; d <= 9; d++) {
            if (value % d == 0 && value / d >= 2) {
                return d;
            }
        }
        return 1;
    }

    /** SplitMix64 finaliser over (seed, index): independent streams per problem. */
    private static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
