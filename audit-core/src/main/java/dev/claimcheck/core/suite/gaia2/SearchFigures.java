package dev.claimcheck.core.suite.gaia2;

import dev.claimcheck.core.grade.Gaia2AnswerGrader;
import dev.claimcheck.core.model.Estimate;
import dev.claimcheck.core.model.FigureRow;
import dev.claimcheck.core.model.Metrics;
import dev.claimcheck.core.model.MetricsBlock;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.stats.ClusteredMean;
import dev.claimcheck.core.stats.Figures;
import dev.claimcheck.core.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The agentic-search workload's block, {@code metrics.search}: the cost of an answer in tokens, tool calls and turns. */
public final class SearchFigures implements Figures {
    public static final SearchFigures INSTANCE = new SearchFigures();
    /** run.json {@code metrics.search}. */
    public static final MetricsBlock<SearchMetrics> BLOCK = MetricsBlock.of("search", SearchMetrics.class);

    private SearchFigures() {
    }

    @Override
    public String title() {
        return "Agentic search";
    }

    @Override
    public String measured() {
        return "accuracy of the final answer after searching through a live tool server, with tokens and tool calls per task";
    }

    @Override
    public String scoreLabel() {
        return "accuracy";
    }

    @Override
    public Metrics addTo(Metrics shared, Collection<Sample> samples) {
        Map<String, List<Attempt>> byTask = new TreeMap<>();
        for (Sample s : samples) {
            if (s.graded()) {
                Gaia2Detail d = Gaia2Detail.parse(s.verdict().detail()).orElse(new Gaia2Detail("unknown", 0, 0, 0, 0, null));
                byTask.computeIfAbsent(s.taskId(), id -> new ArrayList<>()).add(new Attempt(s, d));
            }
        }
        if (byTask.isEmpty()) {
            return shared;
        }
        List<Attempt> all = byTask.values().stream().flatMap(List::stream).toList();
        SearchMetrics x = new SearchMetrics(
                mean(byTask, a -> a.sample().usage().promptTokens() + a.sample().usage().completionTokens()),
                mean(byTask, a -> a.detail().toolCalls()),
                mean(byTask, a -> a.detail().steps()),
                all.stream().mapToInt(a -> a.detail().toolErrors()).sum(),
                all.stream().mapToInt(a -> a.detail().malformedCalls()).sum(),
                (int) all.stream().filter(a -> a.detail().match().startsWith(Gaia2AnswerGrader.NO_ANSWER)
                        || a.detail().budgetStop() != null).count(),
                (int) all.stream().filter(a -> a.detail().budgetStop() != null).count());
        return shared.with(BLOCK, x);
    }

    @Override
    public List<FigureRow> rows(Metrics m) {
        SearchMetrics x = m.get(BLOCK);
        if (x == null) {
            return List.of();
        }
        return List.of(FigureRow.of("search.tokensPerTask", x.tokensPerTask()),
                FigureRow.of("search.toolCallsPerTask", x.toolCallsPerTask()),
                FigureRow.of("search.stepsPerTask", x.stepsPerTask()),
                FigureRow.of("search.toolErrors", x.toolErrors(), null),
                FigureRow.of("search.malformedCalls", x.malformedCalls(), null),
                FigureRow.of("search.noAnswer", x.noAnswer(), m.graded()),
                FigureRow.of("search.budgetStops", x.budgetStops(), m.graded()));
    }

    private record Attempt(Sample sample, Gaia2Detail detail) {
    }

    private static Estimate mean(Map<String, List<Attempt>> byTask, ToDoubleFunction<Attempt> value) {
        List<double[]> clusters = new ArrayList<>();
        for (List<Attempt> attempts : byTask.values()) {
            clusters.add(attempts.stream().mapToDouble(value).toArray());
        }
        ScoreInterval i = ClusteredMean.unbounded(clusters);
        return new Estimate(i.estimate(), i.low(), i.high(), i.clusters());
    }
}
