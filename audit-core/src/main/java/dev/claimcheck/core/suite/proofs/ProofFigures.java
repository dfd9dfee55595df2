package dev.claimcheck.core.suite.proofs;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The proof block, {@code metrics.proofs}; the run's score is the graders' total over the maximum. */
public final class ProofFigures implements Figures {
    public static final ProofFigures INSTANCE = new ProofFigures();
    /** run.json {@code metrics.proofs}. */
    public static final MetricsBlock<ProofMetrics> BLOCK = MetricsBlock.of("proofs", ProofMetrics.class);

    private ProofFigures() {
    }

    @Override
    public String title() {
        return "Proofs";
    }

    @Override
    public String measured() {
        return "points awarded to olympiad proofs by independent judge models, against a marking scheme";
    }

    @Override
    public String scoreLabel() {
        return "share of points";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        if (shared.graded() == 0) {
            return shared;
        }
        ProofMetrics m = ProofRunMetrics.of(samples);
        Metrics out = shared.with(BLOCK, m);
        if (m.total() == null) {
            return out.withScore(null, null, null, null);
        }
        return out.withScore(m.total() / m.maxTotal(), m.totalLow() / m.maxTotal(), m.totalHigh() / m.maxTotal(), null);
    }

    @Override
    public List<FigureRow> rows(Metrics metrics) {
        ProofMetrics m = metrics.get(BLOCK);
        if (m == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        out.add(new FigureRow("proofs.total", m.total(), m.totalLow(), m.totalHigh(), m.problems()));
        out.add(FigureRow.of("proofs.maxTotal", m.maxTotal(), m.problems()));
        out.add(FigureRow.of("proofs.graders", m.graders(), m.judges().size()));
        if (m.agreement() != null) {
            out.add(new FigureRow("proofs.alpha", m.agreement().alpha(), m.agreement().ci95Low(), m.agreement().ci95High(),
                    m.agreement().units()));
        }
        for (int i = 0; i < m.judges().size(); i++) {
            ProofMetrics.JudgeRow j = m.judges().get(i);
            out.add(FigureRow.of("proofs.judge" + (i + 1) + ".total", j.total(), j.graded()));
            out.add(FigureRow.of("proofs.judge" + (i + 1) + ".parseFailures", j.parseFailures(), j.graded() + j.parseFailures() + j.errors()));
        }
        for (ProofMetrics.ProblemRow p : m.byProblem()) {
            out.add(FigureRow.of("proofs.problem." + p.problem() + ".mean", p.mean(), p.points().size()));
            out.add(FigureRow.of("proofs.problem." + p.problem() + ".spread", p.spread(), p.points().size()));
        }
        if (m.claim() != null) {
            out.add(FigureRow.of("proofs.claimedTotal", m.claim().claimedTotal(), m.problems()));
            out.add(FigureRow.of("proofs.verdict", m.claim().verdict(), m.claim().graders()));
        }
        return out;
    }
}
