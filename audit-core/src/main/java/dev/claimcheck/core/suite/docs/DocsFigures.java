package dev.claimcheck.core.suite.docs;

import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.Figures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The grounded-document block, {@code metrics.docs}: field accuracy, citation precision, accuracy by kind and document. */
public final class DocsFigures implements Figures {
    public static final DocsFigures INSTANCE = new DocsFigures();
    /** run.json {@code metrics.docs}. */
    public static final MetricsBlock<DocsMetrics> BLOCK = MetricsBlock.of("docs", DocsMetrics.class);

    private DocsFigures() {
    }

    @Override
    public String title() {
        return "Documents";
    }

    @Override
    public String measured() {
        return "grounded accuracy of answers from documents";
    }

    @Override
    public String scoreLabel() {
        return "grounded accuracy";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        return shared.graded() == 0 ? shared : shared.with(BLOCK, DocsRunMetrics.of(samples));
    }

    @Override
    public List<FigureRow> rows(Metrics m) {
        DocsMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        List<FigureRow> out = new ArrayList<>();
        out.add(FigureRow.of("docs.fieldAccuracy", x.fieldAccuracy()));
        if (x.citationPrecision() != null) {
            out.add(FigureRow.of("docs.citationPrecision", x.citationPrecision()));
        }
        FigureRow.estimates(out, "docs.kind.", x.byKind());
        FigureRow.estimates(out, "docs.document.", x.byDocument());
        return out;
    }
}
