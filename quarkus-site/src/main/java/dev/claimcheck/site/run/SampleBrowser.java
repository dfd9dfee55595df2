package dev.claimcheck.site.run;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Filters, sorts and pages a run's samples for the sample browser (server API and static export alike). */
public final class SampleBrowser {
    public static final int PAGE_SIZE = 20;
    public static final List<String> VERDICTS = List.of("all", "correct", "wrong", "error");
    public static final List<String> SORTS = List.of("journal", "tokens");

    private SampleBrowser() {
    }

    /** Page {@code page} (1-based; clamped to the last page) of the samples that pass the filter. */
    public static SamplePage page(String runId, List<Sample> samples, String verdict, String sort, int page) {
        if (!VERDICTS.contains(verdict)) {
            throw new IllegalArgumentException("verdict must be one of " + VERDICTS);
        }
        if (!SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORTS);
        }
        List<Sample> selected = new ArrayList<>(samples.stream().filter(s -> verdict.equals("all") || outcome(s).equals(verdict)).toList());
        if (sort.equals("tokens")) {
            selected.sort(Comparator.comparingLong((Sample s) -> -s.usage().completionTokens())
                    .thenComparing(Sample::taskId).thenComparingInt(Sample::attempt));
        }
        int pages = Math.max(1, (selected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 1), pages);
        List<SamplePage.Item> items = selected.subList(Math.min((p - 1) * PAGE_SIZE, selected.size()),
                Math.min(p * PAGE_SIZE, selected.size())).stream().map(SampleBrowser::item).toList();
        return new SamplePage(runId, p, pages, PAGE_SIZE, selected.size(), verdict, sort, items);
    }

    public static int pages(List<Sample> samples, String verdict) {
        long n = samples.stream().filter(s -> verdict.equals("all") || outcome(s).equals(verdict)).count();
        return (int) Math.max(1, (n + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    static String outcome(Sample s) {
        return s.error() != null ? "error" : s.verdict().correct() ? "correct" : "wrong";
    }

    static SamplePage.Item item(Sample s) {
        String prompt = "";
        if (s.messages() != null) {
            for (ChatMessage m : s.messages()) {
                if (m.content() != null) {
                    prompt = m.role().equals("system") ? prompt : m.content();
                }
            }
        }
        String reasoning = s.response() == null || s.response().reasoning() == null ? "" : s.response().reasoning();
        String answer = s.response() == null ? "" : s.response().content();
        return new SamplePage.Item(s.taskId(), s.attempt(), outcome(s), prompt, s.promptSha256(), reasoning, answer,
                s.verdict() == null || s.verdict().extracted() == null ? "" : s.verdict().extracted(),
                s.verdict() == null || s.verdict().expected() == null ? "" : s.verdict().expected(),
                s.verdict() == null || s.verdict().detail() == null ? "" : s.verdict().detail(),
                s.response() == null || s.response().finishReason() == null ? "" : s.response().finishReason(),
                s.usage().completionTokens(), s.usage().reasoningTokens(), s.timing().ttftMs(), s.timing().e2eMs(),
                s.error() == null ? "" : s.error().cause() + ": " + s.error().message());
    }
}
