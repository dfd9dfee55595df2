package dev.claimcheck.core.store;

import dev.claimcheck.core.stats.RoutingAnalysis;
import dev.claimcheck.core.stats.RoutingRow;
import dev.claimcheck.core.stats.ScoreInterval;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The routing report as files: JSON (the {@link RoutingAnalysis.Report} record, camelCase) and CSV beside it,
 * one row per strategy and budget (RFC 4180, header row; docs/routing.md).
 */
public final class RoutingFiles {
    static final String[] HEADER = {"strategy", "budget", "accuracy", "accuracy_ci_low", "accuracy_ci_high", "tokens",
        "tokens_ci_low", "tokens_ci_high", "latency_ms", "latency_ms_ci_low", "latency_ms_ci_high", "escalated", "tasks",
        "simulated"};

    private RoutingFiles() {
    }

    /**
     * Writes the JSON report and the CSV beside it: {@code out} is either file ({@code x.json} or {@code x.csv}); the
     * other gets the same base name. Returns the path of the other file.
     */
    public static Path write(RoutingAnalysis.Report report, Path out) {
        String name = out.getFileName().toString();
        boolean csvGiven = name.endsWith(".csv");
        Path json = csvGiven ? out.resolveSibling(name.substring(0, name.length() - 4) + ".json") : out;
        Path csv = csvGiven ? out : csvBeside(out);
        RunManifestStore.writeAtomically(json, () -> Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        RunManifestStore.writeAtomically(csv, () -> csv(report).getBytes(StandardCharsets.UTF_8));
        return csvGiven ? json : csv;
    }

    static Path csvBeside(Path json) {
        String name = json.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(base + ".csv");
    }

    public static String csv(RoutingAnalysis.Report report) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).build())) {
            for (RoutingRow r : report.rows()) {
                List<Object> row = new ArrayList<>();
                row.add(r.strategy().id());
                row.add(r.budget() == null ? "" : r.budget());
                interval(row, r.accuracy());
                interval(row, r.tokens());
                interval(row, r.latencyMs());
                row.add(num(r.escalated()));
                row.add(report.tasks());
                row.add(report.simulated());
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void interval(List<Object> row, ScoreInterval i) {
        row.add(i == null ? "" : num(i.estimate()));
        row.add(i == null || i.low() == null ? "" : num(i.low()));
        row.add(i == null || i.high() == null ? "" : num(i.high()));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
