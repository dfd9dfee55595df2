package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.tokens.TokenCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsers for {@code bench} option values: lists, token counts (4k = 4×1024), durations, SLOs. */
final class BenchOptions {
    private BenchOptions() {
    }

    /** {@code 1,8,32} → integers ≥ 1. */
    static List<Integer> ints(String option, String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : items(option, list)) {
            try {
                int v = Integer.parseInt(s);
                if (v < 1) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new BadInputException(option + ": '" + s + "' is not a whole number >= 1");
            }
        }
        return out;
    }

    /** {@code 0.5,2,8} → positive numbers. */
    static List<Double> numbers(String option, String list) {
        List<Double> out = new ArrayList<>();
        for (String s : items(option, list)) {
            try {
                double v = Double.parseDouble(s);
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new BadInputException(option + ": '" + s + "' is not a positive number");
            }
        }
        return out;
    }

    /** {@code 1k,8k,1m,300} → token counts, k = 1024 and m = 1024×1024 (ARCHITECTURE.md §2). */
    static List<Integer> tokens(String option, String list) {
        List<Integer> out = new ArrayList<>();
        for (String s : items(option, list)) {
            out.add(tokenCount(option, s));
        }
        return out;
    }

    static int tokenCount(String option, String s) {
        long v = TokenCount.parse(s).orElse(0);
        if (v < 1 || v > 16L * 1024 * 1024) {
            throw new BadInputException(option + ": '" + s + "' is not a token count like 512, 8k or 1m");
        }
        return (int) v;
    }

    /** {@code 300s}, {@code 5m}, {@code 1h}, {@code 500ms}, or plain seconds → nanoseconds. */
    static long duration(String option, String s) {
        String t = s.toLowerCase(Locale.ROOT).trim();
        long unit;
        String digits;
        if (t.endsWith("ms")) {
            unit = 1_000_000L;
            digits = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            unit = 1_000_000_000L;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            unit = 60_000_000_000L;
            digits = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            unit = 3_600_000_000_000L;
            digits = t.substring(0, t.length() - 1);
        } else {
            unit = 1_000_000_000L;
            digits = t;
        }
        try {
            double v = Double.parseDouble(digits);
            if (!(v > 0) || v * unit > 7 * 24 * 3_600e9) {
                throw new NumberFormatException();
            }
            return Math.round(v * unit);
        } catch (NumberFormatException e) {
            throw new BadInputException(option + ": '" + s + "' is not a duration like 300s, 5m or 500ms");
        }
    }

    /** {@code ttft=2000ms,tpot=80ms} → {ttftMs, tpotMs}, either may be null. */
    static Double[] slo(String s) {
        Double[] out = new Double[2];
        for (String part : items("--slo", s)) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (eq < 0 || !(key.equals("ttft") || key.equals("tpot"))) {
                throw new BadInputException("--slo takes ttft=..ms,tpot=..ms, got '" + part + "'");
            }
            double ms = duration("--slo " + key, part.substring(eq + 1).trim()) / 1e6;
            out[key.equals("ttft") ? 0 : 1] = ms;
        }
        return out;
    }

    private static List<String> items(String option, String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException(option + " needs at least one value");
        }
        return out;
    }
}
