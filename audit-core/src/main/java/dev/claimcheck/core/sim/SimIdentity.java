package dev.claimcheck.core.sim;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.tokens.Tokenizer;
import java.util.Map;

/**
 * Who the simulator pretends to be, for the endpoint fingerprint (docs/fingerprint.md): the tokenizer family its
 * {@code usage.prompt_tokens} counts in, its chat-template behaviour, the quantization its server info reports, and
 * a swap of tokenizer and/or template after a number of requests, as a provider that changes the model mid-run.
 *
 * @param tokenizer a {@link Tokenizer} name
 * @param template the template behaviour
 * @param quantization reported by {@code /get_server_info} (SGLang's route) when set; null: the route is absent
 * @param swapAfter after this many chat requests the swap values apply; 0: never
 * @param swapTokenizer the tokenizer after the swap (null: unchanged)
 * @param swapTemplate the template after the swap (null: unchanged)
 */
public record SimIdentity(String tokenizer, SimTemplate template, String quantization, long swapAfter, String swapTokenizer,
                          SimTemplate swapTemplate) {
    public static final SimIdentity DEFAULT = new SimIdentity(Tokenizer.DEFAULT, SimTemplate.PLAIN, null, 0, null, null);

    public SimIdentity {
        Tokenizer.named(tokenizer); // an unknown name is bad input, listing the known ones
        if (swapTokenizer != null) {
            Tokenizer.named(swapTokenizer);
        }
        if (template == null) {
            throw new BadInputException("simulator option template is empty");
        }
        if (swapAfter < 0) {
            throw new BadInputException("simulator option swapAfter=" + swapAfter + " is out of range (expected requests >= 0)");
        }
        if (swapAfter > 0 && swapTokenizer == null && swapTemplate == null) {
            throw new BadInputException("simulator option swapAfter needs swapTokenizer or swapTemplate");
        }
    }

    /** The identity serving request number {@code request} (1-based): the swapped one once {@code swapAfter} have been served. */
    SimIdentity at(long request) {
        if (swapAfter == 0 || request <= swapAfter) {
            return this;
        }
        return new SimIdentity(swapTokenizer == null ? tokenizer : swapTokenizer, swapTemplate == null ? template : swapTemplate,
                quantization, 0, null, null);
    }

    /** The options that differ from the default, for {@link SimOptions#toMap()} (so older runs' maps stay as they were). */
    void putInto(Map<String, String> m) {
        if (!tokenizer.equals(DEFAULT.tokenizer)) {
            m.put("tokenizer", tokenizer);
        }
        if (template != DEFAULT.template) {
            m.put("template", template.id());
        }
        if (quantization != null) {
            m.put("quantization", quantization);
        }
        if (swapAfter != 0) {
            m.put("swapAfter", Long.toString(swapAfter));
        }
        if (swapTokenizer != null) {
            m.put("swapTokenizer", swapTokenizer);
        }
        if (swapTemplate != null) {
            m.put("swapTemplate", swapTemplate.id());
        }
    }
}
