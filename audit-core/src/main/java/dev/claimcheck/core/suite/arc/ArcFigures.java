package dev.claimcheck.core.suite.arc;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The ARC block, {@code metrics.arc}. The score is replaced by ARC Prize's pass@2 over task files (null with one
 * attempt per test input: pass@2 needs two), so it reads as the figure vendors report.
 */
public final class ArcFigures implements Figures {
    public static final ArcFigures INSTANCE = new ArcFigures();
    /** run.json {@code metrics.arc}. */
    public static final MetricsBlock<ArcMetrics> BLOCK = MetricsBlock.of("arc", ArcMetrics.class);

    private ArcFigures() {
    }

    @Override
    public String title() {
        return "ARC-AGI";
    }

    @Override
    public String measured() {
        return "pass@2 as ARC Prize scores it: per task, the fraction of test inputs solved by one of two attempts, "
                + "averaged over tasks";
    }

    @Override
    public String scoreLabel() {
        return "pass@2";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        if (shared.graded() == 0) {
            return shared;
        }
        ArcMetrics x = ArcRunMetrics.of(samples);
        var p2 = x.passAt2();
        return shared.withScore(p2 == null ? null : p2.value(), p2 == null ? null : p2.ci95Low(),
                p2 == null ? null : p2.ci95High(), shared.scorePer1kOutputTokens()).with(BLOCK, x);
    }

    /** pass@2 and pass@1 (n = task files), then the counts of task files, test inputs and unreadable answers. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        ArcMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        if (x.passAt2() != null) {
            out.add(FigureRow.of("arc.passAt2", x.passAt2()));
        }
        out.add(FigureRow.of("arc.passAt1", x.passAt1()));
        out.add(FigureRow.of("arc.tasks", x.tasks(), null));
        out.add(FigureRow.of("arc.testInputs", x.testInputs(), null));
        out.add(FigureRow.of("arc.wrongShape", x.wrongShape(), m.graded()));
        out.add(FigureRow.of("arc.noGrid", x.noGrid(), m.graded()));
        return out;
    }
}
