package dev.claimcheck.core.suite.bfcl;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The BFCL block, {@code metrics.bfcl}: accuracy per category, BFCL's unweighted category mean, and the categories
 * not run. The categories not run are this harness's fixed list, so the block is the same for any data folder of one
 * BFCL release.
 */
public final class BfclFigures implements Figures {
    public static final BfclFigures INSTANCE = new BfclFigures();
    /** run.json {@code metrics.bfcl}. */
    public static final MetricsBlock<BfclMetrics> BLOCK = MetricsBlock.of("bfcl", BfclMetrics.class);

    private BfclFigures() {
    }

    @Override
    public String title() {
        return "Function calling (BFCL)";
    }

    @Override
    public String measured() {
        return "the share of BFCL questions whose function calls pass its AST check, native tool calls and prompt mode as separate rows";
    }

    @Override
    public String scoreLabel() {
        return "AST accuracy";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        return shared.graded() == 0 ? shared : shared.with(BLOCK, BfclRunMetrics.of(samples, notRun()));
    }

    @Override
    public List<FigureRow> rows(Metrics m) {
        BfclMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        if (x.categoryMean() != null) {
            out.add(FigureRow.of("bfcl.categoryMean", x.categoryMean()));
        }
        FigureRow.estimates(out, "bfcl.category.", x.byCategory());
        return out;
    }

    /** Every category this harness does not run, with why (the same for every run). */
    static Map<String, String> notRun() {
        return BfclCategories.NOT_RUN;
    }
}
