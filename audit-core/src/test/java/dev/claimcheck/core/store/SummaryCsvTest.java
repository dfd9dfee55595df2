package dev.claimcheck.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.TokenSummary;
import dev.claimcheck.core.model.Workload;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.suite.SuiteRegistry;
import dev.claimcheck.core.suite.docs.DocsFigures;
import dev.claimcheck.core.suite.docs.DocsMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.csv: the shared rows, then exactly the rows the workload's figures list, each cell as verify re-derives it. */
class SummaryCsvTest {
    static final Metrics SHARED = Metrics.shared(0.8, 0.7, 0.9, 12, 12, 12, Map.of("timeout", 1), 0,
            new TokenSummary(10, 10, 10), TokenSummary.EMPTY, 5.0);

    /** A workload whose rows carry every kind of cell: absent value, count, rate, flag, and a long n. */
    static Figures listing(List<FigureRow> rows) {
        return new Figures() {
            @Override
            public String title() {
                return "t";
            }

            @Override
            public String measured() {
                return "m";
            }

            @Override
            public Metrics addTo(Metrics shared, Collection<Sample> samples) {
                return shared;
            }

            @Override
            public List<FigureRow> rows(Metrics m) {
                return rows;
            }
        };
    }

    @Test
    void theSharedRowsComeFirstThenTheWorkloadRowsInTheirOrder() throws Exception {
        String csv = SummaryCsv.render(SHARED, listing(List.of(
                FigureRow.of("w.count", 3, 12),
                FigureRow.of("w.undefined", null, 2),
                FigureRow.of("w.flag", true, null),
                FigureRow.of("w.rate", new Estimate(0.25, null, null, 1)),
                new FigureRow("w.interval", 0.5, 0.25, 0.75, 40_000_000_000L))), true);
        assertThat(csv.lines()).containsExactly(
                "metric,value,ci_low,ci_high,n",
                "simulated,true,,,",
                "score,0.8,0.7,0.9,12",
                "tasks,12,,,",
                "attempts,12,,,",
                "graded,12,,,",
                "truncated,0,,,12",
                "errors.timeout,1,,,12",
                "outputTokens.mean,10.0,,,12",
                "outputTokens.p50,10.0,,,12",
                "outputTokens.p90,10.0,,,12",
                "reasoningTokens.mean,0.0,,,12",
                "reasoningTokens.p50,0.0,,,12",
                "reasoningTokens.p90,0.0,,,12",
                "scorePer1kOutputTokens,5.0,,,12",
                "w.count,3,,,12",
                "w.undefined,,,,2",
                "w.flag,true,,,",
                "w.rate,0.25,,,1",
                "w.interval,0.5,0.25,0.75,40000000000");
        assertThat(csv).contains("\r\n"); // RFC 4180 line ends, as before
    }

    @Test
    void aDocsRunListsFieldAccuracyThenEachKindAndDocumentButNoCitationRowWhenNoTaskAskedForOne() throws Exception {
        Metrics m = SHARED.with(DocsFigures.BLOCK, new DocsMetrics(new Estimate(0.9, 0.8, 1.0, 12), null,
                Map.of("kbqa", new Estimate(0.75, 0.5, 1.0, 4)), Map.of("contract", new Estimate(0.8, 0.6, 1.0, 3))));
        String csv = SummaryCsv.render(m, SuiteRegistry.figures(Workload.DOCS), false);
        assertThat(csv.lines()).endsWith(
                "scorePer1kOutputTokens,5.0,,,12",
                "docs.fieldAccuracy,0.9,0.8,1.0,12",
                "docs.kind.kbqa,0.75,0.5,1.0,4",
                "docs.document.contract,0.8,0.6,1.0,3");
    }
}
