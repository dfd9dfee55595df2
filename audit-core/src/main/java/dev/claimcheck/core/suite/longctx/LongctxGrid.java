package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.model.LongctxTaskKey;
import dev.claimcheck.core.tokens.TokenCount;
import dev.claimcheck.core.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The validated options of a long-context run as the task grid: lengths × depths × kinds × densities × samples,
 * in that order (so {@code --limit} keeps the shortest lengths). Bad values are one clear line each.
 */
record LongctxGrid(List<Integer> lengths, List<Integer> depths, List<Kind> kinds, List<Integer> densities, int samples,
                   String tokenizer) {
    static final int MIN_LENGTH = 1024;
    static final int MAX_LENGTH = 2 * 1024 * 1024;
    static final int MAX_DENSITY = 16;
    static final int MAX_TASKS = 100_000;

    static LongctxGrid of(LongctxOptions o) {
        List<Integer> lengths = new ArrayList<>();
        for (String s : o.lengths) {
            int n = parseLength(s);
            if (!lengths.contains(n)) {
                lengths.add(n);
            }
        }
        lengths.sort(null);
        List<Integer> depths = new ArrayList<>();
        for (int d : o.depths) {
            if (d < 0 || d > 100) {
                throw new BadInputException("--depths values must be between 0 and 100, got " + d);
            }
            if (!depths.contains(d)) {
                depths.add(d);
            }
        }
        depths.sort(null);
        List<Kind> kinds = new ArrayList<>();
        for (String k : o.kinds) {
            try {
                Kind kind = Kind.of(k.strip());
                if (!kinds.contains(kind)) {
                    kinds.add(kind);
                }
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--kinds: unknown kind '" + k + "' (known: "
                        + String.join(",", java.util.Arrays.stream(Kind.values()).map(x -> x.id).toList()) + ")");
            }
        }
        List<Integer> densities = new ArrayList<>();
        for (int d : o.densities) {
            if (d < 0 || d > MAX_DENSITY) {
                throw new BadInputException("--densities values must be between 0 and " + MAX_DENSITY + ", got " + d);
            }
            if (!densities.contains(d)) {
                densities.add(d);
            }
        }
        densities.sort(null);
        if (o.samples < 1 || o.samples > 10_000) {
            throw new BadInputException("--samples must be between 1 and 10000, got " + o.samples);
        }
        Tokenizer.named(o.tokenizer); // an unknown name is bad input, with the known ones listed
        if (lengths.isEmpty() || depths.isEmpty() || kinds.isEmpty() || densities.isEmpty()) {
            throw new BadInputException("--lengths, --depths, --kinds and --densities need at least one value each");
        }
        long tasks = (long) lengths.size() * depths.size() * kinds.size() * densities.size() * o.samples;
        if (tasks > MAX_TASKS) {
            throw new BadInputException("that grid has " + tasks + " tasks; at most " + MAX_TASKS);
        }
        return new LongctxGrid(List.copyOf(lengths), List.copyOf(depths), List.copyOf(kinds), List.copyOf(densities),
                o.samples, o.tokenizer);
    }

    /** "8k" = 8192, "1m" = 1048576, "5000" = 5000. */
    static int parseLength(String s) {
        long n = TokenCount.parse(s.strip()).orElseThrow(
                () -> new BadInputException("--lengths: '" + s + "' is not a token count (e.g. 8k, 32k, 1m, 5000)"));
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            throw new BadInputException("--lengths: " + s + " is outside 1k..2m tokens");
        }
        return (int) n;
    }

    /** The task keys in generation order; the planted material's format rotates over all formats. */
    List<LongctxTaskKey> keys() {
        List<LongctxTaskKey> keys = new ArrayList<>();
        Format[] formats = Format.values();
        int n = 0;
        for (int length : lengths) {
            for (int depth : depths) {
                for (Kind kind : kinds) {
                    for (int density : densities) {
                        for (int i = 0; i < samples; i++) {
                            keys.add(new LongctxTaskKey(length, depth, kind.id, formats[n++ % formats.length].id, density, i));
                        }
                    }
                }
            }
        }
        return keys;
    }

    /** Distractor facts for a length: density per 8k tokens. */
    static int distractors(LongctxTaskKey key) {
        return (int) Math.round(key.density() * (key.length() / 8192.0));
    }
}
