package dev.claimcheck.site.render;

import dev.claimcheck.site.view.LeaderboardRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** {@code /api/leaderboard.csv}: the leaderboard rows as RFC 4180 CSV, with a {@code simulated} column. */
public final class LeaderboardCsv {
    static final String[] HEADER = {"workload", "suite", "dataset", "lane", "band", "model", "modelSlug", "runId",
            "simulated", "trust", "score", "ci95Low", "ci95High", "tasks", "attempts", "errors", "truncated",
            "meanOutputTokens", "scorePer1kOutputTokens", "hardware", "finishedAt", "claimId", "claimValue", "claimVerdict"};

    private LeaderboardCsv() {
    }

    public static String render(List<LeaderboardRow> rows) {
        return render(HEADER, rows, r -> new Object[] {r.workload(), r.suite(), text(r.dataset()), r.lane(), r.band(),
                text(r.modelId()), r.modelSlug(), r.runId(), r.simulated(), r.trust(), num(r.score()), num(r.ci95Low()),
                num(r.ci95High()), r.tasks(), r.attempts(), r.errors(), r.truncated(), r.meanOutputTokens(),
                num(r.scorePer1kOutputTokens()), text(r.hardware()), r.finishedAt() == null ? "" : r.finishedAt(),
                r.claimId() == null ? "" : text(r.claimId()), num(r.claimValue()),
                r.claimVerdict() == null ? "" : r.claimVerdict()});
    }

    /** RFC 4180 with {@code header}, one record per row as {@code cells} gives it. */
    static <T> String render(String[] header, List<T> rows, java.util.function.Function<T, Object[]> cells) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            for (T r : rows) {
                csv.printRecord(cells.apply(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String num(Double x) {
        return x == null ? "" : x.toString();
    }

    /** Free text from run folders: a leading = + - @ would be a formula in a spreadsheet, so it gets a quote mark. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
