package dev.claimcheck.core.cli;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.tokens.TokenCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Typed values of {@code bench} options: picocli converters for the {@code split = ","} lists and single values
 * (token counts with 4k = 4×1024, durations), and the SLO pair. A converter's bad value is a {@link BadInputException}
 * that {@link Cli} prints after the option's name, one line. Blank list items ({@code 1,,8}) convert to null and are
 * dropped by {@link #present}.
 */
final class BenchOptions {
    private BenchOptions() {
    }

    /** {@code 1,8,32} → whole numbers ≥ 1 (concurrency levels). */
    static final class Count implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String s = value.trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                int v = Integer.parseInt(s);
                if (v >= 1) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadInputException("'" + s + "' is not a whole number >= 1");
        }
    }

    /** {@code 0.5,2,8} → positive numbers (arrival rates). */
    static final class Rate implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String s = value.trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                double v = Double.parseDouble(s);
                if (v > 0 && !Double.isInfinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadInputException("'" + s + "' is not a positive number");
        }
    }

    /** {@code 1k,8k,1m,300} → token counts, k = 1024 and m = 1024×1024 (as {@link TokenCount}), at most 16m. */
    static final class Tokens implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String s = value.trim();
            if (s.isEmpty()) {
                return null;
            }
            long v = TokenCount.parse(s).orElse(0);
            if (v < 1 || v > 16L * 1024 * 1024) {
                throw new BadInputException("'" + s + "' is not a token count like 512, 8k or 1m");
            }
            return (int) v;
        }
    }

    /** {@code 300s}, {@code 5m}, {@code 1h}, {@code 500ms}, or plain seconds → nanoseconds, at most a week. */
    static final class Duration implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return duration(value);
        }
    }

    /** The list without its blank items; a list of blanks is bad input. */
    static <T> List<T> present(String option, List<T> values) {
        List<T> out = values.stream().filter(Objects::nonNull).toList();
        if (out.isEmpty()) {
            throw new BadInputException(option + " needs at least one value");
        }
        return out;
    }

    private static long duration(String s) {
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
            throw new BadInputException("'" + s + "' is not a duration like 300s, 5m or 500ms");
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
            String value = part.substring(eq + 1).trim();
            double ms;
            try {
                ms = duration(value) / 1e6;
            } catch (BadInputException e) {
                throw new BadInputException("--slo " + key + ": " + e.getMessage());
            }
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
