package dev.claimcheck.core.cli;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.run.AuditOutcome;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.SuiteRegistry;
import java.io.PrintStream;
import java.util.Locale;
import java.util.stream.Collectors;

/** The short table an audit prints on stdout when it ends: the shared figures, then the workload's rows (summary.csv's). */
final class ResultTable {
    private ResultTable() {
    }

    static void print(PrintStream out, AuditOutcome outcome) {
        RunManifest m = outcome.manifest();
        Metrics x = m.metrics();
        Figures figures = SuiteRegistry.figures(m.workload());
        out.printf(Locale.ROOT, "%s%s · %s · %s lane · model %s · run %s%n", m.simulated() ? "[SIMULATED] " : "",
                m.suite().id(), m.workload(), m.lane(), m.model().id(), m.runId());
        if (x == null) {
            out.println("  no attempt finished");
        } else {
            out.printf(Locale.ROOT, "  %-28s %s%n", figures.scoreLabel() + " (95% CI)", score(x));
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
            for (FigureRow r : figures.rows(x)) {
                out.printf(Locale.ROOT, "  %-28s %s%n", r.name(), row(r));
            }
        }
        out.printf("  %-28s %s%n", "status", m.status().id() + (outcome.stopReason() == null ? "" : " (" + outcome.stopReason() + ")"));
        out.printf("  %-28s %s%n", "run folder", outcome.folder().dir());
    }

    /** A figure as the table shows it: numbers to three decimals, the interval when there is one, and what it is over. */
    static String row(FigureRow r) {
        String value = r.value() == null ? "—" : r.value() instanceof Double d ? String.format(Locale.ROOT, "%.3f", d)
                : String.valueOf(r.value());
        String interval = r.ci95Low() == null || r.ci95High() == null ? ""
                : String.format(Locale.ROOT, "  [%.3f, %.3f]", r.ci95Low(), r.ci95High());
        return value + interval + (r.n() == null ? "" : " (n " + r.n() + ")");
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
