package dev.claimcheck.site.answers;

import dev.claimcheck.core.model.Sample;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import dev.claimcheck.site.page.Nav;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds an {@link AnswerGrid} from runs and their journals. */
public final class AnswerGridView {
    private AnswerGridView() {
    }

    /** One run and its journal: a column of the grid. */
    public record RunSamples(RunEntry run, List<Sample> samples) {
    }

    public static AnswerGrid build(Nav nav, List<String> subject, String backHref, boolean board, List<RunSamples> runs, Links links) {
        TreeSet<String> tasks = new TreeSet<>();
        List<Map<String, List<Sample>>> byTask = new ArrayList<>();
        int total = 0;
        for (RunSamples rs : runs) {
            Map<String, List<Sample>> m = new LinkedHashMap<>();
            for (Sample s : rs.samples()) {
                m.computeIfAbsent(s.taskId(), t -> new ArrayList<>()).add(s);
                tasks.add(s.taskId());
                total++;
            }
            byTask.add(m);
        }
        List<AnswerGrid.Row> rows = new ArrayList<>();
        for (String task : tasks) {
            List<AnswerGrid.Cell> cells = new ArrayList<>();
            for (int c = 0; c < runs.size(); c++) {
                cells.add(cell(runs.get(c).run().runId(), byTask.get(c).getOrDefault(task, List.of()), links));
            }
            rows.add(new AnswerGrid.Row(task, cells));
        }
        List<AnswerGrid.Column> columns = runs.stream().map(rs -> column(rs.run(), links)).toList();
        return new AnswerGrid(nav, subject, backHref, board, columns, rows, total);
    }

    static AnswerGrid.Column column(RunEntry r, Links links) {
        return new AnswerGrid.Column(r.manifest().model().id(), links.model(r.modelSlug()), r.manifest().lane().id(),
                r.runId(), links.run(r.runId()), r.simulated(), Fmt.pct(r.manifest().metrics().score()));
    }

    static AnswerGrid.Cell cell(String runId, List<Sample> attempts, Links links) {
        List<Sample> sorted = attempts.stream().sorted(Comparator.comparingInt(Sample::attempt)).toList();
        int correct = (int) sorted.stream().filter(s -> Outcome.of(s) == Outcome.CORRECT).count();
        String shade = sorted.isEmpty() ? "heat-none" : "heat" + Math.round(10.0 * correct / sorted.size());
        return new AnswerGrid.Cell(shade, correct, sorted.size(), sorted.stream()
                .map(s -> new SamplePage.Attempt(s.attempt(), links.sample(runId, SampleKey.path(s)), Outcome.of(s).id(),
                        Outcome.of(s).glyph(), false)).toList());
    }
}
