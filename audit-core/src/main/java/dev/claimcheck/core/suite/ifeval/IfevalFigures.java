package dev.claimcheck.core.suite.ifeval;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The IFEval block, {@code metrics.ifeval}: loose prompt-level, and instruction-level strict and loose accuracy. */
public final class IfevalFigures implements Figures {
    public static final IfevalFigures INSTANCE = new IfevalFigures();
    /** run.json {@code metrics.ifeval}. */
    public static final MetricsBlock<IfevalMetrics> BLOCK = MetricsBlock.of("ifeval", IfevalMetrics.class);

    private IfevalFigures() {
    }

    @Override
    public String title() {
        return "Instruction following";
    }

    @Override
    public String measured() {
        return "prompt-level strict accuracy on IFEval's verifiable instructions";
    }

    @Override
    public String scoreLabel() {
        return "prompt-level strict accuracy";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        return shared.graded() == 0 ? shared : shared.with(BLOCK, IfevalRunMetrics.of(samples));
    }

    @Override
    public List<FigureRow> rows(Metrics m) {
        IfevalMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        out.add(FigureRow.of("ifeval.promptLoose", x.promptLoose()));
        out.add(FigureRow.of("ifeval.instructionStrict", x.instructionStrict()));
        out.add(FigureRow.of("ifeval.instructionLoose", x.instructionLoose()));
        FigureRow.estimates(out, "ifeval.category.", x.byCategory());
        return out;
    }
}
