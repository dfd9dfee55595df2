package dev.claimcheck.core.endpoint;

import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.tokens.Tokenizer;

/**
 * Reasoning tokens where the server did not report them: vLLM, SGLang and llama.cpp stream the reasoning text but
 * often leave out {@code usage.completion_tokens_details.reasoning_tokens}, which would read as 0. The text is counted
 * with the run's tokenizer (o200k_base) and the figure marked {@link Usage#reasoningCounted() counted}.
 */
final class ReasoningCount {
    private static final Tokenizer TOKENIZER = Tokenizer.named(Tokenizer.DEFAULT);

    private ReasoningCount() {
    }

    /** {@code usage} as reported, or with the counted reasoning tokens when it reports none but reasoning arrived. */
    static Usage fill(Usage usage, Response response) {
        if (usage.reasoningTokens() > 0 || response.reasoning() == null || response.reasoning().isEmpty()) {
            return usage;
        }
        long counted = TOKENIZER.count(response.reasoning());
        return counted == 0 ? usage : new Usage(usage.promptTokens(), usage.completionTokens(), counted,
                usage.cachedTokens(), true);
    }
}
