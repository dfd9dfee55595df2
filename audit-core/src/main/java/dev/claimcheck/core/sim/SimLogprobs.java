package dev.claimcheck.core.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The logprobs the simulator reports when a request asks for them, in the chat and the legacy completions shapes.
 * The values are fixed, not sampled: they exist so clients that parse logprobs can be rehearsed (docs/simulator.md).
 */
final class SimLogprobs {
    /** Alternatives a logprobs entry lists after the sampled token: fixed words, so the values are deterministic. */
    private static final String[] ALTERNATIVES = {" the", " a", " of", " and", " to", " in", " is", " it", " that", " for",
        " on", " with", " as", " at", " by", " we", " so", " be", " this", " or", " an"};
    /** The logprob of every sampled token; alternative k (1-based) gets {@code SAMPLED - k}. Deterministic by design. */
    static final double SAMPLED_LOGPROB = -0.125;

    private SimLogprobs() {
    }

    /** OpenAI's chat logprobs entry for one token: the sampled token first in top_logprobs, then fixed alternatives. */
    static String chatLogprob(String token, int top) {
        StringBuilder b = new StringBuilder("{\"token\":").append(SimHttp.quote(token)).append(",\"logprob\":")
                .append(SAMPLED_LOGPROB).append(",\"bytes\":").append(utf8(token)).append(",\"top_logprobs\":[");
        List<String> alts = alternatives(token, top);
        for (int k = 0; k < alts.size(); k++) {
            b.append(k == 0 ? "" : ",").append("{\"token\":").append(SimHttp.quote(alts.get(k))).append(",\"logprob\":")
                    .append(SAMPLED_LOGPROB - k).append(",\"bytes\":").append(utf8(alts.get(k))).append('}');
        }
        return b.append("]}").toString();
    }

    /** The legacy completions logprobs object for tokens starting at text offset {@code offset}. */
    static String textLogprobs(List<String> tokens, int offset, int top) {
        StringBuilder toks = new StringBuilder();
        StringBuilder lps = new StringBuilder();
        StringBuilder tops = new StringBuilder();
        StringBuilder offs = new StringBuilder();
        int at = offset;
        for (int i = 0; i < tokens.size(); i++) {
            String sep = i == 0 ? "" : ",";
            toks.append(sep).append(SimHttp.quote(tokens.get(i)));
            lps.append(sep).append(SAMPLED_LOGPROB);
            tops.append(sep).append('{');
            List<String> alts = alternatives(tokens.get(i), top);
            for (int k = 0; k < alts.size(); k++) {
                tops.append(k == 0 ? "" : ",").append(SimHttp.quote(alts.get(k))).append(':').append(SAMPLED_LOGPROB - k);
            }
            tops.append('}');
            offs.append(sep).append(at);
            at += tokens.get(i).length();
        }
        return "{\"tokens\":[" + toks + "],\"token_logprobs\":[" + lps + "],\"top_logprobs\":[" + tops
                + "],\"text_offset\":[" + offs + "]}";
    }

    /** The sampled token and {@code top - 1} distinct alternatives ({@code top} 0: none). */
    private static List<String> alternatives(String token, int top) {
        List<String> out = new ArrayList<>();
        if (top > 0) {
            out.add(token);
        }
        for (int i = 0; out.size() < top && i < ALTERNATIVES.length; i++) {
            if (!ALTERNATIVES[i].equals(token)) {
                out.add(ALTERNATIVES[i]);
            }
        }
        return out;
    }

    private static String utf8(String s) {
        StringBuilder b = new StringBuilder("[");
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            b.append(i == 0 ? "" : ",").append(bytes[i] & 0xff);
        }
        return b.append(']').toString();
    }
}
