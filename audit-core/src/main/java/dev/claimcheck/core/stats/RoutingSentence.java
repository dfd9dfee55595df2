package dev.claimcheck.core.stats;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One sentence reading a routing report (the routing page and {@code route} print it): the cheapest strategy a
 * router can run whose accuracy lies inside the thinking model's 95% interval (or above it), and what it saves; else
 * the oracle bound. The interval is printed, so a sentence about a handful of tasks shows how little it says.
 */
public final class RoutingSentence {
    private RoutingSentence() {
    }

    public static String of(RoutingAnalysis.Report r) {
        return String.join(" ", parts(r).stream().map(Sentence::english).toList());
    }

    /** The sentence as its parts, joined by a space: {@code ROUTING_SIMULATED} first for simulated runs. */
    public static List<Sentence> parts(RoutingAnalysis.Report r) {
        Sentence s = sentence(r);
        return r.simulated() ? List.of(Sentence.of(Sentence.Kind.ROUTING_SIMULATED), s) : List.of(s);
    }

    private static Sentence sentence(RoutingAnalysis.Report r) {
        RoutingRow thinking = find(r, RoutingStrategy.THINKING_ONLY).orElseThrow();
        RoutingRow instant = find(r, RoutingStrategy.INSTANT_ONLY).orElseThrow();
        RoutingRow oracle = find(r, RoutingStrategy.ORACLE).orElseThrow();
        double target = thinking.accuracy().estimate();
        Optional<RoutingRow> best = r.rows().stream()
                .filter(x -> x.strategy() != RoutingStrategy.THINKING_ONLY && x.strategy() != RoutingStrategy.ORACLE)
                .filter(x -> thinking.accuracy().low() != null && x.accuracy().estimate() >= thinking.accuracy().low())
                .filter(x -> x.tokens().estimate() < thinking.tokens().estimate())
                .min(Comparator.comparingDouble((RoutingRow x) -> x.tokens().estimate()));
        if (best.isPresent()) {
            RoutingRow b = best.get();
            return Sentence.of(Sentence.Kind.ROUTING_CHEAPER, name(b), pct(b.accuracy().estimate()), pct(target),
                    pct(thinking.accuracy().low()), pct(thinking.accuracy().high()), whole(b.tokens().estimate()),
                    whole(thinking.tokens().estimate()), whole(100 * (1 - b.tokens().estimate() / thinking.tokens().estimate())),
                    whole(100 * b.escalated()));
        }
        return Sentence.of(Sentence.Kind.ROUTING_NONE, pct(target), pct(instant.accuracy().estimate()),
                pct(oracle.accuracy().estimate()), whole(oracle.tokens().estimate()));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    private static String whole(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String name(RoutingRow row) {
        return row.budget() == null ? row.strategy().id() : row.strategy().id() + " " + row.budget() + " tokens";
    }

    private static Optional<RoutingRow> find(RoutingAnalysis.Report r, RoutingStrategy s) {
        return r.rows().stream().filter(x -> x.strategy() == s).findFirst();
    }
}
