package dev.claimcheck.site.run;

import dev.claimcheck.core.suite.longctx.LongctxCell;
import dev.claimcheck.core.tokens.TokenCount;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The long-context length × depth heatmap of a run page: one row per depth, one column per length, each cell its
 * accuracy with the interval in its title and a shade class {@code heat0}…{@code heat10} (accuracy in tenths).
 */
public record Heatmap(List<String> lengths, List<Row> rows) {
    public record Row(String depth, List<Cell> cells) {
    }

    /** @param shade the CSS class; "heat-none" for a cell without attempts */
    public record Cell(String text, String title, String shade) {
    }

    /** Null when the run has no cells (any workload but longctx). */
    public static Heatmap of(List<LongctxCell> cells, Links links) {
        if (cells == null || cells.isEmpty()) {
            return null;
        }
        TreeSet<Integer> lengths = new TreeSet<>();
        TreeSet<Integer> depths = new TreeSet<>();
        cells.forEach(c -> {
            lengths.add(c.length());
            depths.add(c.depth());
        });
        List<Row> rows = new ArrayList<>();
        for (int depth : depths) {
            List<Cell> row = new ArrayList<>();
            for (int length : lengths) {
                LongctxCell c = cells.stream().filter(x -> x.length() == length && x.depth() == depth).findFirst().orElse(null);
                row.add(c == null ? new Cell(Fmt.NONE, links.text("run.heat.none"), "heat-none")
                        : new Cell(Fmt.pct(c.accuracy()), links.fmt().ci(c.ci95Low(), c.ci95High()) + " · n=" + c.n(),
                        "heat" + (int) Math.round(c.accuracy() * 10)));
            }
            rows.add(new Row(depth + "%", row));
        }
        return new Heatmap(lengths.stream().map(TokenCount::format).toList(), rows);
    }
}
