package dev.claimcheck.core.suite.longctx;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The long-context blocks, {@code metrics.cells} and {@code metrics.longctx}. The score is replaced by the mean over
 * (length, depth) cells, so a cell with more attempts weighs no more.
 */
public final class LongctxFigures implements Figures {
    public static final LongctxFigures INSTANCE = new LongctxFigures();
    /** run.json {@code metrics.cells}: accuracy per (length, depth) cell. */
    public static final MetricsBlock<List<LongctxCell>> CELLS = MetricsBlock.listOf("cells", LongctxCell.class);
    /** run.json {@code metrics.longctx}: the other long-context figures. */
    public static final MetricsBlock<LongctxMetrics> BLOCK = MetricsBlock.of("longctx", LongctxMetrics.class);
    /** run.json {@code metrics.mrcr}: an MRCR run's score by needle count and by context bin. */
    public static final MetricsBlock<MrcrMetrics> MRCR = MetricsBlock.of("mrcr", MrcrMetrics.class);

    private LongctxFigures() {
    }

    @Override
    public String title() {
        return "Long context";
    }

    @Override
    public String measured() {
        return "mean accuracy over context-length cells";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        LongctxRunMetrics.Result r = shared.graded() == 0 ? null : LongctxRunMetrics.of(samples);
        if (r == null) {
            // MRCR (suite mrcr): the shared score is already the card's mean ratio; it adds its breakdowns.
            MrcrMetrics mrcr = shared.graded() == 0 ? null : MrcrRunMetrics.of(samples);
            return mrcr == null ? shared : shared.with(MRCR, mrcr);
        }
        return shared.withScore(r.score().estimate(), r.score().low(), r.score().high(), shared.scorePer1kOutputTokens())
                .with(CELLS, r.cells()).with(BLOCK, r.longctx());
    }

    /** {@code cells.<length>.d<depth>} per cell, then {@code longctx.*} by format, density, kind and length. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        List<LongctxCell> cells = m.get(CELLS);
        if (cells == null) {
            return mrcrRows(m.get(MRCR));
        }
        List<FigureRow> out = new ArrayList<>();
        for (LongctxCell c : cells) {
            out.add(new FigureRow("cells." + c.length() + ".d" + c.depth(), c.accuracy(), c.ci95Low(), c.ci95High(), c.n()));
        }
        LongctxMetrics x = m.get(BLOCK);
        if (x == null) {
            return out;
        }
        FigureRow.estimates(out, "longctx.format.", x.byFormat());
        FigureRow.estimates(out, "longctx.density.", x.byDensity());
        FigureRow.estimates(out, "longctx.kind.", x.byKind());
        out.add(FigureRow.of("longctx.effectiveLength", x.effectiveLength().length(), null));
        out.add(FigureRow.of("longctx.effectiveLength.threshold", x.effectiveLength().threshold(), null));
        out.addAll(FigureRow.of("longctx.promptTokensRatio", x.promptTokensRatio()));
        for (LongctxMetrics.LengthCost l : x.byLength()) {
            out.add(FigureRow.of("longctx.length." + l.length() + ".accuracy", l.accuracy()));
            out.addAll(FigureRow.of("longctx.length." + l.length() + ".promptTokens", l.promptTokens()));
            out.addAll(FigureRow.of("longctx.length." + l.length() + ".ttftMs", l.ttftMs()));
        }
        return out;
    }

    /** {@code mrcr.needles.<n>}, then {@code mrcr.bin.<bin>} and its prompt tokens. */
    private static List<FigureRow> mrcrRows(MrcrMetrics x) {
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        for (MrcrMetrics.Needles n : x.byNeedles()) {
            out.add(FigureRow.of("mrcr.needles." + n.needles(), n.score()));
        }
        for (MrcrMetrics.Bin b : x.byBin()) {
            out.add(FigureRow.of("mrcr.bin." + b.bin(), b.score()));
            out.addAll(FigureRow.of("mrcr.bin." + b.bin() + ".promptTokens", b.promptTokens()));
        }
        return out;
    }
}
