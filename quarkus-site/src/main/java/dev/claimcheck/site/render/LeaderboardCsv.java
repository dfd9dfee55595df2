package dev.claimcheck.site.render;

import dev.claimcheck.core.suite.agent.Fault;
import dev.claimcheck.core.suite.agent.FaultMetrics;
import dev.claimcheck.core.suite.agent.PassHatK;
import dev.claimcheck.site.cost.RowEconomics;
import dev.claimcheck.site.leaderboard.LeaderboardRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code /api/leaderboard.csv}: the leaderboard rows as RFC 4180 CSV, with a {@code simulated} column. The agent
 * columns come last (empty for other workloads): pass^k at the run's largest k, and the recovery rate per fault.
 */
public final class LeaderboardCsv {
    static final List<String> COLUMNS = List.of("workload", "suite", "dataset", "lane", "band", "model", "modelSlug", "runId",
            "simulated", "trust", "score", "ci95Low", "ci95High", "tasks", "attempts", "errors", "truncated",
            "meanOutputTokens", "scorePer1kOutputTokens", "hardware", "finishedAt", "claimId", "claimValue", "claimVerdict",
            "agentK", "passHatK", "passHatKCi95Low", "passHatKCi95High");
    /** Cost and speed, after the agent columns (added later; docs/site.md "Cost and speed"); empty where none. */
    static final List<String> ECONOMICS = List.of("meanInputTokens", "meanCachedInputTokens", "meanLatencyMs", "usdPerTask",
            "usdPerRun", "priceProvider", "priceRead", "priceSource", "priceInputUsdPerMtok", "priceCachedInputUsdPerMtok",
            "priceOutputUsdPerMtok", "outputTokensPerTask");
    /** One recovery column per fault the agent suite knows, in its order ({@code recoveryToolError}, …), then {@link #ECONOMICS}. */
    static final String[] HEADER = Stream.of(COLUMNS.stream(), Arrays.stream(Fault.values())
            .map(f -> "recovery" + Character.toUpperCase(f.id().charAt(0)) + f.id().substring(1)), ECONOMICS.stream())
            .flatMap(x -> x).toArray(String[]::new);

    private LeaderboardCsv() {
    }

    public static String render(List<LeaderboardRow> rows) {
        return render(HEADER, rows, r -> {
            List<Object> record = new ArrayList<>(Arrays.asList(r.workload(), r.suite(), text(r.dataset()), r.lane(),
                    r.band(), text(r.modelId()), r.modelSlug(), r.runId(), r.simulated(), r.trust(), num(r.score()),
                    num(r.ci95Low()), num(r.ci95High()), r.tasks(), r.attempts(), r.errors(), r.truncated(),
                    r.meanOutputTokens(), num(r.scorePer1kOutputTokens()), text(r.hardware()),
                    r.finishedAt() == null ? "" : r.finishedAt(), r.claimId() == null ? "" : text(r.claimId()),
                    num(r.claimValue()), r.claimVerdict() == null ? "" : r.claimVerdict()));
            record.addAll(agent(r));
            RowEconomics e = r.economics();
            record.addAll(Arrays.asList(num(e.meanInputTokens()), num(e.meanCachedInputTokens()), num(e.meanLatencyMs()),
                    num(e.usdPerTask()), num(e.usdPerRun()), text(e.priceProvider()), e.priceRead() == null ? "" : e.priceRead(),
                    text(e.priceSource()), num(e.priceInputUsdPerMtok()), num(e.priceCachedInputUsdPerMtok()),
                    num(e.priceOutputUsdPerMtok()), num(e.outputTokensPerTask())));
            return record.toArray();
        });
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

    /** The agent cells: k, pass^k with its interval, then each fault's recovery rate (empty when it never fired). */
    private static List<Object> agent(LeaderboardRow r) {
        List<Object> cells = new ArrayList<>();
        PassHatK last = r.passHatK() == null || r.passHatK().isEmpty() ? null : r.passHatK().get(r.passHatK().size() - 1);
        cells.add(last == null ? "" : last.k());
        cells.add(last == null ? "" : last.estimate().value());
        cells.add(last == null ? "" : num(last.estimate().ci95Low()));
        cells.add(last == null ? "" : num(last.estimate().ci95High()));
        for (Fault f : Fault.values()) {
            FaultMetrics m = r.byFault() == null ? null : r.byFault().get(f.id());
            cells.add(m == null || m.recoveryRate() == null ? "" : m.recoveryRate().value());
        }
        return cells;
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
