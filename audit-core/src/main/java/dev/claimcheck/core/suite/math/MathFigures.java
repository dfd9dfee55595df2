package dev.claimcheck.core.suite.math;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The math workload's block, {@code metrics.math}: pass@k, cons@k and answer counts (docs/statistics.md). */
public final class MathFigures implements Figures {
    public static final MathFigures INSTANCE = new MathFigures();
    /** run.json {@code metrics.math}. */
    public static final MetricsBlock<MathMetrics> BLOCK = MetricsBlock.of("math", MathMetrics.class);

    private MathFigures() {
    }

    @Override
    public String title() {
        return "Math";
    }

    @Override
    public String measured() {
        return "avg@k over k attempts per problem, graded by math answer equivalence";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        if (shared.graded() == 0) {
            return shared;
        }
        Metrics out = shared.with(BLOCK, MathRunMetrics.of(samples));
        ScoreInterval judged = MathRunMetrics.judgedScore(samples);
        // Judge-decided attempts score by the judge's verdict (MathJudged); the per-1k figure is derived afterwards.
        return judged == null ? out : out.withScore(judged.estimate(), judged.low(), judged.high(), null);
    }

    /** One row per pass@k and cons@k (n = tasks), counts with n = graded attempts. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        MathMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        for (PassAtK p : x.passAtK()) {
            out.add(FigureRow.of("math.passAt" + p.k(), p.estimate()));
        }
        if (x.consAtK() != null) {
            out.add(FigureRow.of("math.consAt" + x.k(), x.consAtK()));
        }
        out.add(FigureRow.of("math.correct", x.correct(), m.graded()));
        out.add(FigureRow.of("math.unknown", x.unknown(), m.graded()));
        out.add(FigureRow.of("math.parseFailures", x.parseFailures(), m.graded()));
        out.add(FigureRow.of("math.tokensPerCorrect", x.tokensPerCorrect(), x.correct()));
        MathJudgeMetrics j = x.judge();
        if (j != null) {
            out.add(FigureRow.of("math.judge.decided", j.judgeDecided(), m.graded()));
            out.add(FigureRow.of("math.judge.parseFailures", j.parseFailures(), j.asked()));
            out.add(FigureRow.of("math.judge.errors", j.errors(), j.asked()));
            if (j.agreement() != null) {
                out.add(FigureRow.of("math.judge.agreement", j.agreement().raw()));
                if (j.agreement().alpha() != null) {
                    out.add(FigureRow.of("math.judge.alpha", j.agreement().alpha(), j.agreement().pairs()));
                }
            }
        }
        return out;
    }
}
