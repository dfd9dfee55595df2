package dev.claimcheck.site.answers;

import dev.claimcheck.core.model.Sample;
import java.util.List;

/**
 * {@code api/runs/ID/samples.json}: one short entry per attempt, in journal order, which the run page's sample browser
 * filters, searches, sorts and pages in the browser. The texts (prompt, reasoning, answer) are not here: the browser
 * fetches an attempt's own page when it is opened, so a run page loads a few hundred bytes per attempt, not its
 * transcripts.
 *
 * @param path the attempt's permalink below {@code runs/ID/samples/} ({@link SampleKey#path})
 */
public record SampleIndex(String runId, int total, List<Entry> samples) {
    /** Longer extracted/expected/error texts are cut here; the sample page has them whole. */
    static final int CUT = 200;

    public record Entry(String taskId, int attempt, String outcome, String path, String extracted, String expected,
                        long outputTokens, long reasoningTokens, Double ttftMs, Double e2eMs, String finishReason,
                        String error) {
    }

    public static SampleIndex of(String runId, List<Sample> samples) {
        return new SampleIndex(runId, samples.size(), samples.stream().map(SampleIndex::entry).toList());
    }

    static Entry entry(Sample s) {
        var v = s.verdict();
        return new Entry(s.taskId(), s.attempt(), Outcome.of(s).id(), SampleKey.path(s),
                cut(v == null ? null : v.extracted()), cut(v == null ? null : v.expected()),
                s.usage().completionTokens(), s.usage().reasoningTokens(), s.timing().ttftMs(), s.timing().e2eMs(),
                s.response() == null || s.response().finishReason() == null ? "" : s.response().finishReason(),
                cut(s.error() == null ? null : s.error().cause() + ": " + s.error().message()));
    }

    static String cut(String s) {
        return s == null ? "" : s.length() <= CUT ? s : s.substring(0, CUT) + "…";
    }
}
