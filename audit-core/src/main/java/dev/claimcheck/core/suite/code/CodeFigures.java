package dev.claimcheck.core.suite.code;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.PassAtK;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The code workload's block, {@code metrics.code}: pass@k, verdict breakdown, pass@1 by difficulty and month. */
public final class CodeFigures implements Figures {
    public static final CodeFigures INSTANCE = new CodeFigures();
    /** run.json {@code metrics.code}. */
    public static final MetricsBlock<CodeMetrics> BLOCK = MetricsBlock.of("code", CodeMetrics.class);

    private CodeFigures() {
    }

    @Override
    public String title() {
        return "Code";
    }

    @Override
    public String measured() {
        return "pass@1: programs run against the tests in a sandbox";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        return shared.graded() == 0 ? shared : shared.with(BLOCK, CodeRunMetrics.of(samples));
    }

    /** pass@k rows (n = tasks), then attempts by verdict (n = graded attempts), then pass@1 by difficulty and month. */
    @Override
    public List<FigureRow> rows(Metrics m) {
        CodeMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        for (PassAtK p : x.passAtK()) {
            out.add(FigureRow.of("code.passAt" + p.k(), p.estimate()));
        }
        x.verdicts().forEach((verdict, count) -> out.add(FigureRow.of("code.verdicts." + verdict, count, m.graded())));
        out.add(FigureRow.of("code.testsRun", x.testsRun(), null));
        FigureRow.estimates(out, "code.passAt1.difficulty.", x.byDifficulty());
        FigureRow.estimates(out, "code.passAt1.month.", x.byMonth());
        return out;
    }
}
