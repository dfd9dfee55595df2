package dev.claimcheck.core.verify;

import dev.claimcheck.core.model.ChatMessage;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.PromptHash;
import dev.claimcheck.core.model.RunManifest;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.serving.CompletionCheck;
import dev.claimcheck.core.serving.PromptFactory;
import dev.claimcheck.core.tokens.Tokenizer;
import dev.claimcheck.core.verify.Finding.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The serving bench's re-check: every sample has its per-request record, its times are in order, its token counts
 * add up, its prompt is the one the generator makes from the run's seed and prompt salt (so the recorded lengths are real), and its
 * completion verdict follows from the record. The aggregates themselves are recomputed by the metrics check.
 */
final class ServingRegrader implements Regrader {
    private static final Pattern TASK = Pattern.compile("p(\\d{3})-(\\d{6})");

    @Override
    public List<Finding> regrade(RunManifest manifest, List<Sample> samples, Path root) {
        Findings.Collector out = new Findings.Collector();
        Map<String, String> options = manifest.suite().options();
        PromptFactory prompts;
        double share;
        long salt;
        try {
            prompts = new PromptFactory(Tokenizer.named(options.getOrDefault("--tokenizer", Tokenizer.DEFAULT)));
            share = Double.parseDouble(options.getOrDefault("--prefix-share", "0"));
            // runs from before the salt (docs/throughput.md "Prefix caches") made their prompts with none
            salt = options.containsKey("--prompt-salt") ? PromptFactory.salt(options.get("--prompt-salt")) : 0;
        } catch (RuntimeException e) {
            out.add(new Finding(Kind.DATASET_MISMATCH, "cannot rebuild the prompt generator: " + e.getMessage()));
            return out.list();
        }
        long seed = manifest.request() == null ? 0 : manifest.request().seed();
        for (Sample s : samples) {
            String where = s.taskId() + "#" + s.attempt();
            LoadRecord r = s.load();
            if (r == null) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": no load record"));
                continue;
            }
            Matcher m = TASK.matcher(s.taskId());
            if (!m.matches() || Integer.parseInt(m.group(1)) != r.point().index()) {
                out.add(new Finding(Kind.UNKNOWN_TASK, where + ": not a task id of point " + r.point().index()));
                continue;
            }
            long key = ((long) r.point().index() << 32) | Integer.parseInt(m.group(2));
            String prompt = prompts.prompt(seed, salt, key, r.point().inputTokens(), share);
            String sha = PromptHash.of(List.of(ChatMessage.user(prompt)));
            if (!sha.equals(s.promptSha256())) {
                out.add(new Finding(Kind.PROMPT_MISMATCH, where + ": promptSha256 " + s.promptSha256() + ", regenerated " + sha));
            }
            String order = order(r);
            if (order != null) {
                out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": " + order));
            }
            if (s.graded()) {
                Verdict again = CompletionCheck.of(r, s.usage());
                if (!again.equals(s.verdict())) {
                    out.add(new Finding(Kind.REGRADE_MISMATCH, where + ": recorded verdict '" + Findings.clip(s.verdict().detail())
                            + "', the record gives '" + again.detail() + "'"));
                }
            }
        }
        return out.list();
    }

    /** Why the record's times or counts cannot be, or null when they can. */
    private static String order(LoadRecord r) {
        Long[] times = {r.sentUs(), r.headersUs(), r.firstTokenUs(), r.lastTokenUs(), r.doneUs()};
        long last = r.scheduledUs();
        for (Long t : times) {
            if (t != null) {
                if (t < last) {
                    return "times out of order";
                }
                last = Math.max(last, t);
            }
        }
        int events = r.firstTokenUs() == null ? 0 : r.gapsUs().length + 1;
        if (r.eventTokens() != null && r.eventTokens().length != events) {
            return "eventTokens has " + r.eventTokens().length + " entries for " + events + " token events";
        }
        long counted = 0;
        for (int i = 0; i < events; i++) {
            counted += r.tokensOf(i);
        }
        if (counted != r.countedTokens()) {
            return "countedTokens " + r.countedTokens() + " but the events carry " + counted;
        }
        for (int g : r.gapsUs()) {
            if (g < 0) {
                return "a negative gap between token events";
            }
        }
        return null;
    }
}
