package dev.claimcheck.site.run;

import dev.claimcheck.core.stats.ThroughputComparison;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Links;
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

    /** The run page's lines for an A/B arm in the page's language: which arms, then the ratio per load (empty for other runs). */
    static List<RunPage.Item> of(RunEntry r, Links links) {
        Optional<ThroughputComparison.Report> stored;
        try {
            stored = ThroughputView.report(r);
        } catch (UncheckedIOException e) {
            return List.of(RunPage.Item.of(links.text("run.ab.label"), e.getCause().getMessage()));
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        ThroughputComparison.Report report = stored.get();
        List<RunPage.Item> out = new ArrayList<>();
        // the memory-access note is audit-core's fixed sentence, which the bundle words (another text is shown as recorded)
        String memory = ThroughputComparison.MEMORY_ACCESS.equals(report.memoryAccess()) ? links.text("tp.memoryAccess")
                : report.memoryAccess();
        out.add(RunPage.Item.of(links.text("run.ab.label"), links.text("run.ab.arms", report.modelA(), report.runA(),
                report.modelB(), report.runB(), report.repeats(), memory)));
        for (ThroughputComparison.Row row : report.rows()) {
            ThroughputSection.Ratio x = ThroughputView.ratio(row, links);
            out.add(RunPage.Item.of(links.text("run.ab.ratio", x.inputTokens(), x.load()), links.text("run.ab.ratio.value",
                    x.ratio(), x.ci(), x.ttftA(), x.ttftB(), x.tpotA(), x.tpotB()) + (x.note().isEmpty() ? "" : " · " + x.note())));
        }
        return out;
    }

}
