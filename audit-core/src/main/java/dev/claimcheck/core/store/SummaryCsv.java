package dev.claimcheck.core.store;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.MathMetrics;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.TokenSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** summary.csv: one row per metric, {@code metric,value,ci_low,ci_high,n} (RFC 4180, header row). */
public final class SummaryCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("metric", "value", "ci_low", "ci_high", "n").get();

    private SummaryCsv() {
    }

    public static void write(RunFolder folder, Metrics m, boolean simulated) {
        RunManifestStore.writeAtomically(folder.summaryCsv(), () -> render(m, simulated).getBytes(StandardCharsets.UTF_8));
    }

    /** The file's text; verify re-derives it from run.json to compare (summary.csv is never a source of its own). */
    public static String render(Metrics m, boolean simulated) throws IOException {
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
            if (m.math() != null) {
                math(csv, m.math(), m.graded());
            }
            if (m.code() != null) {
                code(csv, m.code(), m.graded());
            }
            if (m.cells() != null) {
                WorkloadRows.longctx(csv, m.cells(), m.longctx());
            }
            if (m.docs() != null) {
                WorkloadRows.docs(csv, m.docs());
            }
            if (m.agent() != null) {
                WorkloadRows.agent(csv, m, m.graded());
            }
            if (m.points() != null) {
                WorkloadRows.throughput(csv, m);
            }
        }
        return out.toString();
    }

    /** The math block: one row per pass@k and cons@k (n = tasks), counts with n = graded attempts. */
    private static void math(CSVPrinter csv, MathMetrics x, int graded) throws IOException {
        for (PassAtK p : x.passAtK()) {
            estimate(csv, "math.passAt" + p.k(), p.estimate());
        }
        if (x.consAtK() != null) {
            estimate(csv, "math.consAt" + x.k(), x.consAtK());
        }
        csv.printRecord("math.correct", x.correct(), "", "", graded);
        csv.printRecord("math.unknown", x.unknown(), "", "", graded);
        csv.printRecord("math.parseFailures", x.parseFailures(), "", "", graded);
        csv.printRecord("math.tokensPerCorrect", num(x.tokensPerCorrect()), "", "", x.correct());
    }

    /** The code block: pass@k rows (n = tasks), then attempts by verdict (n = graded attempts). */
    private static void code(CSVPrinter csv, dev.claimcheck.core.model.CodeMetrics x, int graded) throws IOException {
        for (PassAtK p : x.passAtK()) {
            estimate(csv, "code.passAt" + p.k(), p.estimate());
        }
        for (Map.Entry<String, Integer> e : x.verdicts().entrySet()) {
            csv.printRecord("code.verdicts." + e.getKey(), e.getValue(), "", "", graded);
        }
        csv.printRecord("code.testsRun", x.testsRun(), "", "", "");
        for (Map.Entry<String, Estimate> e : x.byDifficulty().entrySet()) {
            estimate(csv, "code.passAt1.difficulty." + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Estimate> e : x.byMonth().entrySet()) {
            estimate(csv, "code.passAt1.month." + e.getKey(), e.getValue());
        }
    }

    static void estimate(CSVPrinter csv, String name, Estimate e) throws IOException {
        csv.printRecord(name, num(e.value()), num(e.ci95Low()), num(e.ci95High()), e.tasks());
    }

    private static void tokens(CSVPrinter csv, String name, TokenSummary t, int n) throws IOException {
        csv.printRecord(name + ".mean", num(t.mean()), "", "", n);
        csv.printRecord(name + ".p50", num(t.p50()), "", "", n);
        csv.printRecord(name + ".p90", num(t.p90()), "", "", n);
    }

    static String num(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
