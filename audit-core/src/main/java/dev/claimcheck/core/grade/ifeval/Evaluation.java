package dev.claimcheck.core.grade.ifeval;

import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's two ways of checking a response. Strict: the response as given (an empty one follows nothing). Loose:
 * an instruction is followed if any of eight variants follows it — the response, without its first line, without
 * its last line, without both, and each of those with every {@code *} removed (markdown emphasis) — where each
 * variant is stripped of surrounding whitespace and an empty variant follows nothing.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Per instruction, strict and loose. */
    public record Outcome(Instruction instruction, boolean strict, boolean loose) {
    }

    public static List<Outcome> of(IfevalSpec spec, String response) {
        String r = response == null ? "" : response;
        List<String> variants = variants(r);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < spec.ids().size(); i++) {
            Check c = spec.checks().get(i);
            boolean strict = !r.isBlank() && c.follows(r);
            boolean loose = strict || variants.stream().anyMatch(v -> !v.isBlank() && c.follows(v));
            out.add(new Outcome(spec.ids().get(i), strict, loose));
        }
        return out;
    }

    static List<String> variants(String response) {
        String[] lines = response.split("\n", -1);
        String noFirst = join(lines, 1, lines.length);
        String noLast = join(lines, 0, lines.length - 1);
        String noBoth = join(lines, 1, lines.length - 1);
        List<String> base = List.of(response, noFirst, noLast, noBoth);
        List<String> all = new ArrayList<>(base);
        base.forEach(v -> all.add(v.replace("*", "")));
        return all;
    }

    private static String join(String[] lines, int from, int to) {
        return from >= to ? "" : String.join("\n", java.util.Arrays.asList(lines).subList(from, to)).strip();
    }
}
