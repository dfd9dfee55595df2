package dev.claimcheck.site.answers;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.site.index.RunEntry;
import dev.claimcheck.site.page.Fmt;
import dev.claimcheck.site.page.Links;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the page of one attempt from the run's journal. */
public final class SamplePageView {
    private SamplePageView() {
    }

    /** The attempt whose permalink is {@code segment/attempt}, when the journal holds it. */
    public static Optional<SamplePage> build(RunEntry run, List<Sample> samples, String segment, int attempt, Links links) {
        return samples.stream().filter(s -> s.attempt() == attempt && SampleKey.segment(s.taskId()).equals(segment))
                .findFirst().map(s -> page(run, samples, s, links));
    }

    static SamplePage page(RunEntry run, List<Sample> samples, Sample s, Links links) {
        Outcome o = Outcome.of(s);
        List<SamplePage.Attempt> attempts = samples.stream().filter(x -> x.taskId().equals(s.taskId()))
                .sorted(java.util.Comparator.comparingInt(Sample::attempt))
                .map(x -> new SamplePage.Attempt(x.attempt(), links.sibling(x.attempt()),
                        Outcome.of(x).id(), Outcome.of(x).glyph(), x.attempt() == s.attempt())).toList();
        var v = s.verdict();
        var r = s.response();
        return new SamplePage(links.nav(), run.runId(), links.run(run.runId()), run.manifest().model().id(),
                links.model(run.modelSlug()), run.manifest().workload().id(), run.manifest().suite().id(),
                run.manifest().lane().id(), run.simulated(), s.taskId(), s.attempt(), o.id(), o.glyph(),
                v == null || v.extracted() == null ? "" : v.extracted(),
                v == null || v.expected() == null ? "" : v.expected(),
                v == null || v.detail() == null ? "" : v.detail(),
                v == null ? "" : Fmt.dec(v.score(), 3),
                s.error() == null ? "" : s.error().cause() + ": " + s.error().message(),
                prompt(s), s.promptSha256(),
                r == null || r.reasoning() == null ? "" : r.reasoning(),
                r == null || r.content() == null ? "" : r.content(),
                r == null || r.finishReason() == null ? "" : r.finishReason(),
                Fmt.count(s.usage().completionTokens()), Fmt.count(s.usage().reasoningTokens()),
                s.timing().ttftMs() == null ? "" : Fmt.ms(s.timing().ttftMs()),
                s.timing().e2eMs() == null ? "" : Fmt.ms(s.timing().e2eMs()),
                s.transcript() == null ? List.of() : s.transcript().stream().map(SamplePageView::turn).toList(),
                attempts, links.runSamples(run.runId()));
    }

    /** The last non-system message: the task as the model saw it ("" when only the hash is stored). */
    static String prompt(Sample s) {
        String prompt = "";
        if (s.messages() != null) {
            for (ChatMessage m : s.messages()) {
                if (m.content() != null && !m.role().equals("system")) {
                    prompt = m.content();
                }
            }
        }
        return prompt;
    }

    static SamplePage.Turn turn(ChatMessage m) {
        return new SamplePage.Turn(m.role(), m.content() == null ? "" : m.content(),
                m.toolCalls().stream().map(SamplePageView::call).collect(Collectors.joining("\n")));
    }

    static String call(ToolCall c) {
        return c.name() + "(" + c.arguments() + ")";
    }
}
