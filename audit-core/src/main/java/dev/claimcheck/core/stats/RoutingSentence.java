package dev.claimcheck.core.stats;

import java.util.Comparator;
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
        RoutingRow thinking = find(r, RoutingStrategy.THINKING_ONLY).orElseThrow();
        RoutingRow instant = find(r, RoutingStrategy.INSTANT_ONLY).orElseThrow();
        RoutingRow oracle = find(r, RoutingStrategy.ORACLE).orElseThrow();
        double target = thinking.accuracy().estimate();
        Optional<RoutingRow> best = r.rows().stream()
                .filter(x -> x.strategy() != RoutingStrategy.THINKING_ONLY && x.strategy() != RoutingStrategy.ORACLE)
                .filter(x -> thinking.accuracy().low() != null && x.accuracy().estimate() >= thinking.accuracy().low())
                .filter(x -> x.tokens().estimate() < thinking.tokens().estimate())
                .min(Comparator.comparingDouble((RoutingRow x) -> x.tokens().estimate()));
        String prefix = r.simulated() ? "Simulated runs (a harness self-test, not a result): " : "";
        if (best.isPresent()) {
            RoutingRow b = best.get();
            return prefix + String.format(Locale.ROOT,
                    "%s scores %.1f%%, inside the thinking model's 95%% CI (%.1f%% [%.1f%%, %.1f%%]) or above it, with %.0f output "
                            + "tokens per task instead of %.0f (%.0f%% fewer), escalating %.0f%% of instant answers.",
                    name(b), 100 * b.accuracy().estimate(), 100 * target, 100 * thinking.accuracy().low(),
                    100 * thinking.accuracy().high(), b.tokens().estimate(), thinking.tokens().estimate(),
                    100 * (1 - b.tokens().estimate() / thinking.tokens().estimate()), 100 * b.escalated());
        }
        return prefix + String.format(Locale.ROOT,
                "No strategy that a router can run reaches the thinking model's %.1f%% with fewer tokens; instant alone scores "
                        + "%.1f%%, and even escalating exactly the wrong answers (the oracle) gives %.1f%% at %.0f tokens per task.",
                100 * target, 100 * instant.accuracy().estimate(), 100 * oracle.accuracy().estimate(), oracle.tokens().estimate());
    }

    private static String name(RoutingRow row) {
        return row.budget() == null ? row.strategy().id() : row.strategy().id() + " " + row.budget() + " tokens";
    }

    private static Optional<RoutingRow> find(RoutingAnalysis.Report r, RoutingStrategy s) {
        return r.rows().stream().filter(x -> x.strategy() == s).findFirst();
    }
}
