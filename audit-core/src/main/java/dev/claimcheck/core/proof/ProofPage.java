package dev.claimcheck.core.proof;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import java.util.Locale;

/**
 * One proof page: a readable Markdown transcript of one attempt (problem unless the dataset is not
 * redistributable, reasoning collapsed, final answer, extracted and expected answers, verdict, tokens).
 * Every piece of model or dataset text goes through {@link MarkdownEscape}. No timestamps: the same
 * sample gives the same bytes.
 */
final class ProofPage {
    /** Longest text block shown; a 64k-token reasoning is cut with a note. */
    static final int MAX_BLOCK_CHARS = 200_000;
    static final int MAX_CELL_CHARS = 400;

    private ProofPage() {
    }

    static String render(RunManifest run, Sample s, String why) {
        Verdict v = s.verdict();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(cell(run.suite().id())).append(" · task ").append(cell(s.taskId()))
                .append(" · attempt ").append(s.attempt()).append("\n\n");
        if (run.simulated()) {
            md.append("**SIMULATED** — produced by the built-in simulator, not by a model.\n\n");
        }
        md.append("Selected from run `").append(run.runId()).append("` as an example (").append(why).append(").\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Model", cell(run.model().id()));
        row(md, "Lane", run.lane().id());
        row(md, "Verdict", v.correct() ? "**correct**" : "**wrong**");
        row(md, "Expected", cell(v.expected()));
        row(md, "Extracted", cell(v.extracted()));
        row(md, "Grader", cell(v.grader() + " " + v.graderVersion()));
        row(md, "Detail", cell(v.detail()));
        row(md, "Finish reason", cell(s.response() == null ? null : s.response().finishReason()));
        row(md, "Tokens", String.format(Locale.ROOT, "prompt %d · completion %d · reasoning %d",
                s.usage().promptTokens(), s.usage().completionTokens(), s.usage().reasoningTokens()));
        md.append("\n## Problem\n\n");
        if (s.messages() == null) {
            md.append("The dataset is not redistributable: the prompt is identified by its SHA-256 only, `")
                    .append(s.promptSha256()).append("`.\n\n");
        } else {
            for (ChatMessage m : s.messages()) {
                md.append("**").append(cell(m.role())).append("**\n\n");
                pre(md, m.content());
            }
        }
        md.append("## Reasoning\n\n");
        String reasoning = s.response() == null ? null : s.response().reasoning();
        if (reasoning == null || reasoning.isEmpty()) {
            md.append("No separate reasoning was returned.\n\n");
        } else {
            md.append("<details><summary>Show reasoning (").append(reasoning.length()).append(" characters)</summary>\n\n");
            pre(md, reasoning);
            md.append("</details>\n\n");
        }
        if (s.transcript() != null) {
            steps(md, s);
        }
        md.append("## Final answer\n\n");
        pre(md, s.response() == null ? "" : s.response().content());
        return md.toString();
    }

    /** A multi-turn attempt's steps: each assistant turn with its tool calls, each tool result. */
    private static void steps(StringBuilder md, Sample s) {
        md.append("## Steps\n\n");
        int turn = 0;
        for (ChatMessage m : s.transcript()) {
            if (m.role().equals("assistant")) {
                md.append("**assistant, turn ").append(++turn).append("**\n\n");
                if (m.content() != null && !m.content().isEmpty()) {
                    pre(md, m.content());
                }
                for (var call : m.toolCalls()) {
                    md.append("Calls `").append(cell(call.name())).append("`\n\n");
                    pre(md, call.arguments());
                }
            } else {
                md.append("**").append(cell(m.role())).append("** (").append(cell(m.toolCallId())).append(")\n\n");
                pre(md, m.content());
            }
        }
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String cell(String text) {
        return MarkdownEscape.inline(text, MAX_CELL_CHARS);
    }

    private static void pre(StringBuilder md, String text) {
        md.append("<pre>").append(MarkdownEscape.pre(text, MAX_BLOCK_CHARS)).append("</pre>\n\n");
    }
}
