package dev.claimcheck.site.run;

import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.throughput.ThroughputSection;
import dev.claimcheck.site.throughput.ThroughputView;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The run page's lines for an A/B bench arm, from its comparison.json (the throughput tab draws the same rows). */
final class ComparisonItems {
    private ComparisonItems() {
    }

    /** The run page's lines for an A/B arm: which arms, then the ratio per load (empty for other runs). */
    static List<RunPage.Item> of(RunEntry r) {
        Optional<ThroughputComparison.Report> stored;
        try {
            stored = ThroughputView.report(r);
        } catch (UncheckedIOException e) {
            return List.of(RunPage.Item.of("A/B comparison", e.getCause().getMessage()));
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        ThroughputComparison.Report report = stored.get();
        List<RunPage.Item> out = new ArrayList<>();
        out.add(RunPage.Item.of("A/B comparison", "A " + report.modelA() + " (" + report.runA() + ") vs B " + report.modelB()
                + " (" + report.runB() + ") · " + report.repeats() + " interleaved repeats · memory access: " + report.memoryAccess()));
        for (ThroughputComparison.Row row : report.rows()) {
            ThroughputSection.Ratio x = ThroughputView.ratio(row);
            out.add(RunPage.Item.of("ratio B/A · " + x.inputTokens() + " in · " + x.load(), x.ratio() + " (" + x.ci() + ") · TTFT p50 "
                    + x.ttftA() + " / " + x.ttftB() + " ms · TPOT p50 " + x.tpotA() + " / " + x.tpotB() + " ms"
                    + (x.note().isEmpty() ? "" : " · " + x.note())));
        }
        return out;
    }

}
