package dev.claimcheck.core.fingerprint;

import dev.claimcheck.core.tokens.Tokenizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed requests of one fingerprint and what they may cost (docs/fingerprint.md). Every number here is part of the
 * fingerprint's meaning: changing a text or a limit makes new fingerprints incomparable with old ones.
 */
public final class ProbePlan {
    /** The system prompt of the template probe. */
    static final String SYSTEM = "You are a terse assistant. Answer in as few words as possible.";
    /** The tokenizer probe whose text asks for the tool call; the tool probe sends it again with a tool list. */
    static final String TOOL_INSTRUCTION_PROBE = "instruction";
    static final String TOOL_NAME = "get_time";
    static final String THINKING_PROMPT = "What is 12 + 30? Answer with the number only.";
    /** Canary id to prompt: short questions with one deterministic answer at temperature 0. */
    static final Map<String, String> CANARIES = canaries();

    /** max_tokens of the tokenizer, baseline and system probes: only usage.prompt_tokens is read. */
    static final int COUNT_MAX_TOKENS = 1;
    static final int TOOL_MAX_TOKENS = 48;
    static final int THINKING_MAX_TOKENS = 64;
    static final int CANARY_MAX_TOKENS = 16;

    private ProbePlan() {
    }

    private static Map<String, String> canaries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("arith", "What is 17 * 23? Reply with the number only.");
        m.put("echo", "Repeat exactly, and nothing else: claimcheck canary 7f3a");
        m.put("capital", "Name the capital of Australia in one word.");
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * What one fingerprint costs at most: its requests, the completion tokens their {@code max_tokens} allow, and the
     * prompt text in o200k_base tokens (the server adds its chat template's tokens to each request).
     *
     * @param requests requests sent (a fingerprint at the start and one at the end of a run send twice this)
     * @param maxCompletionTokens the sum of every request's max_tokens
     * @param promptTextTokens the message texts (and the tool list's JSON) counted in o200k_base
     */
    public record Budget(int requests, int maxCompletionTokens, long promptTextTokens) {
        /** One line for {@code --dry-run}. */
        public String line() {
            return requests + " requests, at most " + maxCompletionTokens + " completion tokens, " + promptTextTokens
                    + " prompt tokens of text (o200k_base) plus the chat template's per request";
        }
    }

    /** The budget of one fingerprint with the bundled tokenizer probes. */
    public static Budget budget() {
        TokenizerFamilies f = TokenizerFamilies.bundled();
        Tokenizer t = Tokenizer.named(Tokenizer.DEFAULT);
        int counting = 1 + f.probes().size() + 1; // baseline, each probe, the system probe
        int requests = counting + 1 + 1 + CANARIES.size();
        int completion = counting * COUNT_MAX_TOKENS + TOOL_MAX_TOKENS + THINKING_MAX_TOKENS + CANARIES.size() * CANARY_MAX_TOKENS;
        long prompt = t.count(f.baseline()) * 2L + t.count(SYSTEM) + t.count(THINKING_PROMPT)
                + f.probes().values().stream().mapToLong(t::count).sum()
                + t.count(f.probes().get(TOOL_INSTRUCTION_PROBE)) + t.count(Requests.TOOLS.toString())
                + CANARIES.values().stream().mapToLong(t::count).sum();
        return new Budget(requests, completion, prompt);
    }
}
