package dev.claimcheck.core.suite.longctx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The task kinds, in the spirit of RULER: retrieval (single needle, the one among decoy keys, all values of a key,
 * several keys at once), multi-hop tracing (a chain of variable assignments), aggregation (the most frequent label)
 * and question answering over a planted fact. Each plans its material in a narrow window around the depth, in the
 * task's format; distractor facts (same shape, other keys) are spread over the whole document.
 */
enum Kind {
    SINGLE("single"), MULTI_KEY("multiKey"), MULTI_VALUE("multiValue"), MULTI_QUERY("multiQuery"),
    VAR_TRACK("varTrack"), AGGREGATE("aggregate"), QA("qa");

    static final String CODE = "access code";
    final String id;

    Kind(String id) {
        this.id = id;
    }

    static Kind of(String id) {
        for (Kind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown task kind '" + id + "'");
    }

    /**
     * @param depth where the material sits, 0..1
     * @param distractors distractor facts to spread over the document
     */
    Problem plan(SplittableRandom r, Format f, double depth, int distractors) {
        List<Problem.Planted> lines = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        Problem p = switch (this) {
            case SINGLE, MULTI_KEY -> {
                String key = fresh(r, used, Words::key);
                String value = Words.value(r);
                lines.add(near(r, depth, 0.02, f, f.fact(key, CODE, value)));
                String decoy = Words.value(r);
                if (this == MULTI_KEY) {
                    for (int i = 0; i < 4; i++) {
                        String other = fresh(r, used, x -> Words.decoy(x, key));
                        String v = i == 0 ? decoy : Words.value(r);
                        lines.add(near(r, depth, 0.02, f, f.fact(other, CODE, v)));
                    }
                }
                yield new Problem("What is the " + CODE + " of " + key + "?", List.of(value), List.of(decoy), lines);
            }
            case MULTI_VALUE -> {
                String key = fresh(r, used, Words::key);
                List<String> values = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    values.add(Words.value(r));
                    lines.add(near(r, depth, 0.02, f, f.fact(key, CODE, values.get(i))));
                }
                List<String> wrong = new ArrayList<>(values.subList(0, 3));
                wrong.add(Words.value(r));
                yield new Problem("The document gives several values for the " + CODE + " of " + key
                        + ". List all of them.", values, wrong, lines);
            }
            case MULTI_QUERY -> {
                List<String> keys = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    keys.add(fresh(r, used, Words::key));
                    values.add(Words.value(r));
                    lines.add(near(r, depth, 0.02, f, f.fact(keys.get(i), CODE, values.get(i))));
                }
                List<String> wrong = new ArrayList<>(values.subList(0, 3));
                wrong.add(Words.value(r));
                yield new Problem("What are the values of the " + CODE + " of " + keys.get(0) + ", " + keys.get(1) + ", "
                        + keys.get(2) + " and " + keys.get(3) + "?", values, wrong, lines);
            }
            case VAR_TRACK -> {
                String value = Words.value(r);
                List<String> chain = chain(r, used, depth, f, value, 4, lines);
                List<String> decoy = chain(r, used, depth, f, Words.value(r), 3, lines);
                List<String> wrong = new ArrayList<>(chain.subList(0, 3));
                wrong.add(decoy.get(0));
                yield new Problem("Some variables are given an assigned value that is a number or another variable. "
                        + "Which variables end up holding the number " + value + "? List all of them.", chain, wrong, lines);
            }
            case AGGREGATE -> {
                List<String> labels = new ArrayList<>();
                while (labels.size() < 4) {
                    String l = Words.pick(r, Words.LABELS);
                    if (!labels.contains(l)) {
                        labels.add(l);
                    }
                }
                int[] counts = {6, 4, 3, 2};
                for (int i = 0; i < labels.size(); i++) {
                    for (int j = 0; j < counts[i]; j++) {
                        lines.add(near(r, depth, 0.05, f, f.fact("the delivery log", "received crate label", labels.get(i))));
                    }
                }
                yield new Problem("Several entries record a received crate label. Which crate label is received most often?",
                        List.of(labels.get(0)), List.of(labels.get(1)), lines);
            }
            case QA -> {
                String person = fresh(r, used, Words::person);
                String city = Words.place(r);
                String other = city;
                while (other.equals(city)) {
                    other = Words.place(r);
                }
                int year = 1950 + r.nextInt(60);
                lines.add(near(r, depth, 0.02, f, f.fact(person, "city moved to in " + year, city)));
                lines.add(near(r, depth, 0.02, f, f.fact(person, "city moved to in " + (year + 1 + r.nextInt(9)), other)));
                yield new Problem("According to the document, to which city did " + person + " move in " + year + "?",
                        List.of(city), List.of(other), lines);
            }
        };
        // Distractors: facts of the same shape about keys the question does not ask for.
        Format[] formats = Format.values();
        for (int i = 0; i < distractors; i++) {
            String key = fresh(r, used, Words::key);
            Format df = formats[r.nextInt(formats.length)];
            lines.add(new Problem.Planted(r.nextDouble(), df, df.fact(key, CODE, Words.value(r))));
        }
        return new Problem(p.question(), p.answer(), p.wrong(), lines);
    }

    /** A chain v1 = value, v2 = v1, …, planted in order near the depth; returns the variables. */
    private static List<String> chain(SplittableRandom r, Set<String> used, double depth, Format f, String value, int hops,
                                      List<Problem.Planted> lines) {
        List<String> vars = new ArrayList<>();
        double[] positions = new double[hops];
        for (int i = 0; i < hops; i++) {
            positions[i] = position(r, depth, 0.02);
        }
        java.util.Arrays.sort(positions);
        String previous = value;
        for (int i = 0; i < hops; i++) {
            String v = fresh(r, used, Words::variable);
            vars.add(v);
            lines.add(new Problem.Planted(positions[i], f, f.fact(v, "assigned value", previous)));
            previous = v;
        }
        return vars;
    }

    private static Problem.Planted near(SplittableRandom r, double depth, double spread, Format f, String text) {
        return new Problem.Planted(position(r, depth, spread), f, text);
    }

    /** A uniform position within ±spread of the depth, clipped to the document. */
    private static double position(SplittableRandom r, double depth, double spread) {
        return Math.max(0, Math.min(1, depth + (r.nextDouble() * 2 - 1) * spread));
    }

    /** A draw not used before in this task (keys and names must not repeat, or an answer would be ambiguous). */
    private static String fresh(SplittableRandom r, Set<String> used, java.util.function.Function<SplittableRandom, String> draw) {
        for (int i = 0; i < 10_000; i++) {
            String s = draw.apply(r);
            if (used.add(s)) {
                return s;
            }
        }
        throw new IllegalStateException("ran out of fresh names");
    }
}
