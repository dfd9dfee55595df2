package dev.claimcheck.core.cli;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MathMetrics;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.run.AuditOutcome;
import java.io.PrintStream;
import java.util.Locale;
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
            out.printf(Locale.ROOT, "  %-28s %s%n", "score (95% CI)", score(x));
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
        }
        out.printf("  %-28s %s%n", "status", m.status().id() + (outcome.stopReason() == null ? "" : " (" + outcome.stopReason() + ")"));
        out.printf("  %-28s %s%n", "run folder", outcome.folder().dir());
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
