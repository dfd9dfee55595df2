package dev.claimcheck.core.suite.swebench;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The SWE-bench block, {@code metrics.swebench}, counted from each graded attempt's {@link SwebenchDetail}. */
public final class SwebenchFigures implements Figures {
    public static final SwebenchFigures INSTANCE = new SwebenchFigures();
    public static final MetricsBlock<SwebenchMetrics> BLOCK = MetricsBlock.of("swebench", SwebenchMetrics.class);

    private SwebenchFigures() {
    }

    @Override
    public String title() {
        return "SWE-bench";
    }

    @Override
    public String measured() {
        return "resolved rate of agent patches, FAIL_TO_PASS and PASS_TO_PASS tests run in the sandbox";
    }

    @Override
    public String scoreLabel() {
        return "resolved rate";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        if (shared.graded() == 0) {
            return shared;
        }
        int resolved = 0, submitted = 0, answered = 0, stepStops = 0, tokenStops = 0, empty = 0, evaluated = 0,
                notApplied = 0, commands = 0, graded = 0, imported = 0, claimedResolved = 0, disagreements = 0;
        long steps = 0;
        for (Sample s : samples) {
            if (!s.graded()) {
                continue;
            }
            graded++;
            Optional<SwebenchDetail> parsed = SwebenchDetail.parse(s.verdict().detail());
            if (parsed.isEmpty()) {
                continue;
            }
            SwebenchDetail d = parsed.get();
            resolved += s.verdict().correct() ? 1 : 0;
            switch (d.end()) {
                case SwebenchDetail.SUBMITTED -> submitted++;
                case SwebenchDetail.ANSWERED -> answered++;
                case SwebenchDetail.STOP_STEPS -> stepStops++;
                case SwebenchDetail.STOP_TOKENS -> tokenStops++;
                default -> { }
            }
            empty += !d.budgetStop() && d.patch().isEmpty() ? 1 : 0;
            evaluated += d.evaluated() ? 1 : 0;
            notApplied += d.notApplied() != null ? 1 : 0;
            commands += d.commands().size();
            steps += d.steps();
            if (SwebenchDetail.IMPORTED.equals(d.end())) {
                imported++;
                boolean claimed = Boolean.TRUE.equals(d.claimed());
                claimedResolved += claimed ? 1 : 0;
                disagreements += claimed != s.verdict().correct() ? 1 : 0;
            }
        }
        return shared.with(BLOCK, new SwebenchMetrics(resolved, submitted, answered, stepStops, tokenStops, empty, evaluated,
                notApplied, commands, graded == 0 ? 0 : (double) steps / graded, imported == 0 ? null : imported,
                imported == 0 ? null : claimedResolved, imported == 0 ? null : disagreements));
    }

    @Override
    public List<FigureRow> rows(Metrics m) {
        SwebenchMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        int n = m.graded();
        if (x.imported() != null) {
            return List.of(FigureRow.of("swebench.resolved", x.resolved(), n), FigureRow.of("swebench.imported", x.imported(), n),
                    FigureRow.of("swebench.claimedResolved", x.claimedResolved(), n),
                    FigureRow.of("swebench.disagreements", x.disagreements(), n), FigureRow.of("swebench.emptyPatches", x.emptyPatches(), n),
                    FigureRow.of("swebench.evaluated", x.evaluated(), n), FigureRow.of("swebench.notApplied", x.notApplied(), n));
        }
        return List.of(FigureRow.of("swebench.resolved", x.resolved(), n), FigureRow.of("swebench.submitted", x.submitted(), n),
                FigureRow.of("swebench.answered", x.answered(), n), FigureRow.of("swebench.stepStops", x.stepStops(), n),
                FigureRow.of("swebench.tokenStops", x.tokenStops(), n), FigureRow.of("swebench.emptyPatches", x.emptyPatches(), n),
                FigureRow.of("swebench.evaluated", x.evaluated(), n), FigureRow.of("swebench.notApplied", x.notApplied(), n),
                FigureRow.of("swebench.commands", x.commands(), n), FigureRow.of("swebench.meanSteps", x.meanSteps(), n));
    }
}
