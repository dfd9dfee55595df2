package dev.claimcheck.core.cli;

import dev.claimcheck.core.model.AgentMetrics;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.LongctxCell;
import dev.claimcheck.core.model.LongctxMetrics;
import dev.claimcheck.core.model.MathMetrics;
import dev.claimcheck.core.model.MeanInterval;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.PassHatK;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.run.AuditOutcome;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The short table an audit prints on stdout when it ends. */
final class ResultTable {
    private ResultTable() {
    }

    static void print(PrintStream out, AuditOutcome outcome) {
        RunManifest m = outcome.manifest();
        Metrics x = m.metrics();
        out.printf(Locale.ROOT, "%s%s · %s · %s lane · model %s · run %s%n", m.simulated() ? "[SIMULATED] " : "",
                m.suite().id(), m.workload(), m.lane(), m.model().id(), m.runId());
        if (x == null) {
            out.println("  no attempt finished");
        } else {
            out.printf(Locale.ROOT, "  %-28s %s%n", x.docs() != null ? "grounded accuracy (95% CI)" : "score (95% CI)", score(x));
            out.printf(Locale.ROOT, "  %-28s %d%n", "tasks", x.tasks());
            out.printf(Locale.ROOT, "  %-28s %d (graded %d, truncated %d)%n", "attempts", x.attempts(), x.graded(), x.truncated());
            out.printf(Locale.ROOT, "  %-28s %s%n", "errors", x.errors().isEmpty() ? "none"
                    : x.errors().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
            out.printf(Locale.ROOT, "  %-28s %.1f (p50 %.0f, p90 %.0f)%n", "output tokens / attempt",
                    x.outputTokens().mean(), x.outputTokens().p50(), x.outputTokens().p90());
            out.printf(Locale.ROOT, "  %-28s %.1f (p50 %.0f, p90 %.0f)%n", "reasoning tokens / attempt",
                    x.reasoningTokens().mean(), x.reasoningTokens().p50(), x.reasoningTokens().p90());
            out.printf(Locale.ROOT, "  %-28s %s%n", "score per 1k output tokens",
                    x.scorePer1kOutputTokens() == null ? "—" : String.format(Locale.ROOT, "%.3f", x.scorePer1kOutputTokens()));
            if (x.math() != null) {
                MathMetrics mm = x.math();
                for (PassAtK p : mm.passAtK()) {
                    out.printf(Locale.ROOT, "  %-28s %s%n", "pass@" + p.k() + " (95% CI)", estimate(p.estimate()));
                }
                if (mm.consAtK() != null) {
                    out.printf(Locale.ROOT, "  %-28s %s%n", "cons@" + mm.k() + " (95% CI)", estimate(mm.consAtK()));
                }
                out.printf(Locale.ROOT, "  %-28s unknown %d, parse failures %d, tokens per correct %s%n", "answers",
                        mm.unknown(), mm.parseFailures(),
                        mm.tokensPerCorrect() == null ? "—" : String.format(Locale.ROOT, "%.1f", mm.tokensPerCorrect()));
            }
            if (x.code() != null) {
                for (PassAtK p : x.code().passAtK()) {
                    out.printf(Locale.ROOT, "  %-28s %s%n", "pass@" + p.k() + " (95% CI)", estimate(p.estimate()));
                }
                out.printf(Locale.ROOT, "  %-28s %s%n", "verdicts", x.code().verdicts().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
                x.code().byDifficulty().forEach((d, e) ->
                        out.printf(Locale.ROOT, "  %-28s %s%n", "pass@1 " + d + " (95% CI)", estimate(e)));
            }
            printAgent(out, x);
            printLongctx(out, x);
            printDocs(out, x);
        }
        out.printf("  %-28s %s%n", "status", m.status().id() + (outcome.stopReason() == null ? "" : " (" + outcome.stopReason() + ")"));
        out.printf("  %-28s %s%n", "run folder", outcome.folder().dir());
    }

    /** pass^1 … pass^k, then success and recovery per injected fault, violations, and the cost of a success. */
    private static void printAgent(PrintStream out, Metrics x) {
        if (x.agent() == null) {
            return;
        }
        AgentMetrics a = x.agent();
        for (PassHatK p : x.passHatK()) {
            out.printf(Locale.ROOT, "  %-28s %s%n", "pass^" + p.k() + " (95% CI)", estimate(p.estimate()));
        }
        x.byFault().forEach((fault, f) -> out.printf(Locale.ROOT, "  %-28s success %s; recovery %s (fired in %d of %d)%n",
                "fault " + fault, estimate(f.success()), f.recoveryRate() == null ? "— (never fired)"
                        : estimate(f.recoveryRate()), f.injected(), f.attempts()));
        out.printf(Locale.ROOT, "  %-28s %d in all; rate %s%n", "policy violations", a.policyViolations(),
                estimate(a.policyViolationRate()));
        out.printf(Locale.ROOT, "  %-28s %s%n", "steps per success (95% CI)", mean(a.stepsPerSuccess()));
        out.printf(Locale.ROOT, "  %-28s %s%n", "tokens per success (95% CI)", mean(a.tokensPerSuccess()));
    }

    /** A compact length × depth accuracy grid, the effective length and the server's prompt tokens per target token. */
    private static void printLongctx(PrintStream out, Metrics x) {
        if (x.cells() == null || x.cells().isEmpty()) {
            return;
        }
        SortedSet<Integer> depths = new TreeSet<>();
        Map<Integer, Map<Integer, LongctxCell>> byLength = new TreeMap<>();
        for (LongctxCell c : x.cells()) {
            depths.add(c.depth());
            byLength.computeIfAbsent(c.length(), l -> new TreeMap<>()).put(c.depth(), c);
        }
        out.printf(Locale.ROOT, "  %-28s %s%n", "accuracy by length × depth",
                depths.stream().map(d -> String.format(Locale.ROOT, "%6s", "d" + d)).collect(Collectors.joining(" ")));
        byLength.forEach((length, row) -> out.printf(Locale.ROOT, "  %-28s %s%n", "  " + tokens(length),
                depths.stream().map(d -> row.containsKey(d) ? String.format(Locale.ROOT, "%6.3f", row.get(d).accuracy())
                        : String.format(Locale.ROOT, "%6s", "—")).collect(Collectors.joining(" "))));
        LongctxMetrics l = x.longctx();
        if (l == null) {
            return;
        }
        out.printf(Locale.ROOT, "  %-28s %s%n", String.format(Locale.ROOT, "effective length (≥ %.2f)",
                l.effectiveLength().threshold()), l.effectiveLength().length() == null ? "none (the shortest length is below)"
                : tokens(l.effectiveLength().length()));
        MeanInterval r = l.promptTokensRatio();
        out.printf(Locale.ROOT, "  %-28s %s%n", "server/target prompt tokens", r == null ? "— (no usage reported)"
                : r.ci95Low() == null ? String.format(Locale.ROOT, "%.3f (n %d)", r.mean(), r.n())
                : String.format(Locale.ROOT, "%.3f  [%.3f, %.3f] (n %d)", r.mean(), r.ci95Low(), r.ci95High(), r.n()));
    }

    /** The score of a docs run is its grounded accuracy; these are the parts it is made of. */
    private static void printDocs(PrintStream out, Metrics x) {
        if (x.docs() == null) {
            return;
        }
        out.printf(Locale.ROOT, "  %-28s %s%n", "field accuracy (95% CI)", estimate(x.docs().fieldAccuracy()));
        out.printf(Locale.ROOT, "  %-28s %s%n", "citation precision (95% CI)", x.docs().citationPrecision() == null
                ? "— (no task asked for a citation)" : estimate(x.docs().citationPrecision()));
    }

    /** 8192 → 8k, 1048576 → 1M: the lengths as the suite's options name them. */
    private static String tokens(int n) {
        if (n % (1 << 20) == 0) {
            return n / (1 << 20) + "M";
        }
        return n % 1024 == 0 ? n / 1024 + "k" : Integer.toString(n);
    }

    /** A mean that is not a rate (steps, tokens): one decimal. */
    private static String mean(Estimate e) {
        if (e == null) {
            return "— (no success)";
        }
        if (e.ci95Low() == null) {
            return String.format(Locale.ROOT, "%.1f (no CI: one task)", e.value());
        }
        return String.format(Locale.ROOT, "%.1f  [%.1f, %.1f]", e.value(), e.ci95Low(), e.ci95High());
    }

    private static String estimate(Estimate e) {
        if (e.ci95Low() == null) {
            return String.format(Locale.ROOT, "%.3f (no CI: one task)", e.value());
        }
        return String.format(Locale.ROOT, "%.3f  [%.3f, %.3f]", e.value(), e.ci95Low(), e.ci95High());
    }

    private static String score(Metrics x) {
        if (x.score() == null) {
            return "—";
        }
        if (x.ci95Low() == null) {
            return String.format(Locale.ROOT, "%.3f (no CI: one task)", x.score());
        }
        double half = (x.ci95High() - x.ci95Low()) / 2;
        return String.format(Locale.ROOT, "%.3f ± %.3f  [%.3f, %.3f]", x.score(), half, x.ci95Low(), x.ci95High());
    }
}
