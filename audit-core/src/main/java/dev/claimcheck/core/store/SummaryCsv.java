package dev.claimcheck.core.store;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.stats.Figures;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * summary.csv: one row per metric, {@code metric,value,ci_low,ci_high,n} (RFC 4180, header row): the shared rows,
 * then the rows the workload's {@link Figures} lists.
 */
public final class SummaryCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("metric", "value", "ci_low", "ci_high", "n").get();

    private SummaryCsv() {
    }

    public static void write(RunFolder folder, Metrics m, Figures figures, boolean simulated) {
        RunManifestStore.writeAtomically(folder.summaryCsv(), () -> render(m, figures, simulated).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's text; verify re-derives it from run.json to compare (summary.csv is never a source of its own). */
    public static String render(Metrics m, Figures figures, boolean simulated) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            // Simulator output is labelled in every file it produces, so no row can pass for a model's result.
            csv.printRecord("simulated", simulated, "", "", "");
            csv.printRecord("score", num(m.score()), num(m.ci95Low()), num(m.ci95High()), m.graded());
            csv.printRecord("tasks", m.tasks(), "", "", "");
            csv.printRecord("attempts", m.attempts(), "", "", "");
            csv.printRecord("graded", m.graded(), "", "", "");
            csv.printRecord("truncated", m.truncated(), "", "", m.graded());
            for (Map.Entry<String, Integer> e : m.errors().entrySet()) {
                csv.printRecord("errors." + e.getKey(), e.getValue(), "", "", m.attempts());
            }
            tokens(csv, "outputTokens", m.outputTokens(), m.graded());
            tokens(csv, "reasoningTokens", m.reasoningTokens(), m.graded());
            csv.printRecord("scorePer1kOutputTokens", num(m.scorePer1kOutputTokens()), "", "", m.graded());
            for (FigureRow r : figures.rows(m)) {
                csv.printRecord(r.name(), r.value() == null ? "" : String.valueOf(r.value()), num(r.ci95Low()),
                        num(r.ci95High()), r.n() == null ? "" : r.n());
            }
        }
        return out.toString();
    }

    private static void tokens(CSVPrinter csv, String name, TokenSummary t, int n) throws IOException {
        csv.printRecord(name + ".mean", num(t.mean()), "", "", n);
        csv.printRecord(name + ".p50", num(t.p50()), "", "", n);
        csv.printRecord(name + ".p90", num(t.p90()), "", "", n);
    }

    private static String num(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
