package dev.claimcheck.core.verify;

import dev.claimcheck.core.proof.MarkdownEscape;
import java.nio.file.Path;
import java.util.List;

/** Text (stdout) and Markdown (--report, the pull request's job summary) renderings of verify's results. */
public final class VerifyReport {
    private VerifyReport() {
    }

    /** Per run a status line, then one line per check (PASS, or FAIL/DRIFT/WARN per finding); then a summary line. */
    public static String text(List<RunReport> reports) {
        StringBuilder sb = new StringBuilder();
        for (RunReport r : reports) {
            sb.append(r.passed() ? "TRUSTED " : "FAILED ").append(MarkdownEscape.visible(r.dir().toString()))
                    .append(r.passed() && r.simulated() ? " (simulated)" : "").append('\n');
            for (String line : r.lines()) {
                // A terminal obeys bidi controls too: the same invisible characters are shown as <U+XXXX>.
                sb.append("  ").append(MarkdownEscape.visible(line)).append('\n');
            }
        }
        sb.append(summary(reports)).append('\n');
        return sb.toString();
    }

    public static String summary(List<RunReport> reports) {
        long failed = reports.stream().filter(r -> !r.passed()).count();
        long drift = reports.stream().filter(r -> r.has("regradeDrift")).count();
        long notRegraded = reports.stream().filter(r -> r.has("notRegraded")).count();
        if (reports.isEmpty()) {
            return "verify: no run folders found";
        }
        return "verify: " + reports.size() + " run folder" + (reports.size() == 1 ? "" : "s") + ", "
                + (reports.size() - failed) + " trusted, " + failed + " failed"
                + (drift > 0 ? ", " + drift + " with re-grade drift" : "")
                + (notRegraded > 0 ? ", " + notRegraded + " not re-graded" : "");
    }

    /** The report: summary, trusted keys, the root findings (links, ledger, recipes), then a table and a section per run. */
    public static String markdown(List<RunReport> reports, List<LedgerFinding> rootFindings, Path allowedSigners) {
        StringBuilder sb = new StringBuilder("# claimcheck verify report\n\n");
        sb.append(escape(summary(reports))).append("\n\n");
        long rootFailures = rootFindings.stream().filter(f -> !f.warning()).count();
        if (!rootFindings.isEmpty()) {
            sb.append("## Root findings: ").append(rootFailures).append(" failed\n\n");
            for (LedgerFinding f : rootFindings) {
                sb.append("- ").append(f.warning() ? "⚠️" : "❌").append(' ').append(escape(f.line())).append('\n');
            }
            sb.append('\n');
        }
        sb.append("Trusted keys: ").append(allowedSigners == null ? "each root's `results/allowed_signers`"
                : "`" + escape(allowedSigners.toString()) + "`").append("\n\n");
        if (reports.isEmpty()) {
            return sb.toString();
        }
        sb.append("| Run | Status | Signer | Failed checks |\n|---|---|---|---|\n");
        for (RunReport r : reports) {
            sb.append("| ").append(escape(r.dir().toString())).append(" | **").append(r.status()).append("** | ")
                    .append(r.signer() == null ? "—" : escape(r.signer())).append(" | ")
                    .append(r.failureIds().isEmpty() ? "—" : escape(String.join(", ", r.failureIds()))).append(" |\n");
        }
        for (RunReport r : reports) {
            sb.append("\n## ").append(escape(r.dir().toString())).append("\n\n**").append(r.status()).append("**");
            if (r.signer() != null) {
                sb.append(", signed by ").append(escape(r.signer()));
            }
            sb.append("\n\n");
            for (String line : r.lines()) {
                String mark = line.startsWith("PASS") ? "✅" : line.startsWith("FAIL") ? "❌" : "⚠️";
                sb.append("- ").append(mark).append(' ').append(escape(line)).append('\n');
            }
        }
        return sb.toString();
    }

    /** Untrusted text (file names, model output) rendered inert in Markdown and HTML, invisible characters made visible. */
    static String escape(String s) {
        s = MarkdownEscape.visible(s);
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '|', '`', '*', '_', '[', ']', '\\', '#', '!' -> sb.append('\\').append(c);
                case '\n', '\r' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
