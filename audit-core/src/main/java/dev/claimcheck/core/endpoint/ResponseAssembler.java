package dev.claimcheck.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.ToolCall;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.WireProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds one response from stream chunks (or from one non-streaming body) and stamps token times on the
 * monotonic clock relative to the send. Not thread-safe: one per try.
 *
 * <p>An engine that runs no reasoning parser leaves the reasoning in {@code content}: {@code <think>…</think>}
 * before the answer, or only the closing tag when the chat template put the opening one in the prompt (DeepSeek-R1,
 * Qwen3, Ring). When no reasoning field arrived, the text up to the last {@code </think>} is split off into the
 * reasoning as vLLM's deepseek_r1 parser would (an unclosed {@code <think>} at the start holds everything: the
 * answer never came), the response says the split was ours, and the first-content time is that of the first
 * answer text after the tag.
 *
 * <p>Usage is read where each engine puts it (docs/throughput.md "Engine wire profiles"): OpenAI's {@code usage} on the
 * last chunk or on every chunk (vLLM's {@code continuous_usage_stats}: running totals, so the last one counts), else
 * llama.cpp's {@code timings} or SGLang's {@code meta_info}. Tool-call deltas are joined by their {@code id} and
 * {@code index} ({@link #callOf}). What was seen is the response's {@link WireProfile}.
 */
final class ResponseAssembler {
    private final ApiFlavor flavor;
    private final long sentNanos;
    private final StringBuilder content = new StringBuilder();
    private StringBuilder reasoning;
    private final TreeMap<Integer, String[]> tools = new TreeMap<>(); // call, in start order -> {id, name, arguments}
    /** The call each wire {@code index} is streaming now. */
    private final Map<Integer, Integer> callOfIndex = new HashMap<>();
    private String finishReason;
    private Usage usage;
    /** Counts from llama.cpp's {@code timings} or SGLang's {@code meta_info}, used when no {@code usage} came. */
    private Usage fallbackUsage;
    private final WireObserver wire = new WireObserver();
    private long firstByte = -1;
    private long firstToken = -1;
    private long firstContent = -1;
    private long lastToken = -1;
    /** When the first non-blank text after a {@code </think>} in the content arrived (a split's first content). */
    private long firstAnswer = -1;
    /** End of the last {@code </think>} seen in the content, or -1 (scanned per chunk, never the whole text again). */
    private int afterClose = -1;

    ResponseAssembler(ApiFlavor flavor, long sentNanos) {
        this.flavor = flavor;
        this.sentNanos = sentNanos;
    }

    void markFirstByte() {
        firstByte = System.nanoTime();
    }

    /** One {@code chat.completion.chunk}; the caller has checked it is an object with choices. */
    void acceptChunk(JsonNode chunk) {
        wire.chunk();
        readUsage(chunk);
        for (JsonNode choice : chunk.get("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                continue; // n > 1 is not used by the harness
            }
            JsonNode delta = choice.has("delta") ? choice.get("delta") : choice.path("message");
            boolean token = false;
            String text = text(delta.get("content"));
            if (text != null && !text.isEmpty()) {
                int before = content.length();
                content.append(text);
                if (firstContent < 0) {
                    firstContent = System.nanoTime();
                }
                if (firstAnswer < 0 && answerStarted(before)) {
                    firstAnswer = System.nanoTime();
                }
                token = true;
            }
            String thought = reasoningOf(delta);
            if (thought != null && !thought.isEmpty()) {
                reasoning().append(thought);
                token = true;
            }
            JsonNode calls = delta.get("tool_calls");
            if (calls != null && calls.isArray()) {
                for (JsonNode call : calls) {
                    String id = text(call.get("id"));
                    int index = callOf(call, id, calls.size());
                    String[] t = tools.computeIfAbsent(index, i -> new String[] {null, "", ""});
                    wire.toolDelta(index, id);
                    if (id != null && !id.isEmpty()) {
                        t[0] = id;
                    }
                    JsonNode fn = call.path("function");
                    String name = text(fn.get("name"));
                    if (name != null && t[1].isEmpty()) {
                        t[1] = name; // sent once, with the first delta of the call
                    }
                    String args = text(fn.get("arguments"));
                    if (args != null) {
                        t[2] += args;
                    }
                    token = true;
                }
            }
            if (token) {
                lastToken = System.nanoTime();
                if (firstToken < 0) {
                    firstToken = lastToken;
                }
            }
            String finish = text(choice.get("finish_reason"));
            if (finish != null) {
                finishReason = finish;
            }
        }
    }

    /** A non-streaming {@code chat.completion} body. Token times are unknown there and stay null. */
    void acceptBody(JsonNode body) {
        readUsage(body);
        for (JsonNode choice : body.get("choices")) {
            if (choice.path("index").asInt(0) != 0) {
                continue;
            }
            JsonNode message = choice.path("message");
            String text = text(message.get("content"));
            if (text != null) {
                content.append(text);
            }
            String thought = reasoningOf(message);
            if (thought != null) {
                reasoning().append(thought);
            }
            int position = 0;
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode fn = call.path("function");
                JsonNode args = fn.get("arguments");
                String argText = args == null || args.isNull() ? "" : args.isTextual() ? args.asText() : args.toString();
                tools.put(position++, new String[] {text(call.get("id")), fn.path("name").asText(""), argText});
            }
            finishReason = text(choice.get("finish_reason"));
        }
    }

    /**
     * The call a tool-call delta belongs to (calls are numbered in the order they start). By its {@code id} when one with
     * that id is known (SGLang repeats it on every delta); else by its {@code index}, unless a new id comes on an index in
     * use: vLLM and SGLang have streamed a second call at index 0 under a new id. Without an index (some gateways): a new
     * id, or each call of a delta that holds several, starts a call; else the delta continues the call being streamed.
     */
    private int callOf(JsonNode call, String id, int callsInDelta) {
        boolean hasId = id != null && !id.isEmpty();
        Integer wireIndex = call.hasNonNull("index") && call.get("index").canConvertToInt() ? call.get("index").asInt() : null;
        if (hasId) {
            for (Map.Entry<Integer, String[]> e : tools.entrySet()) {
                if (id.equals(e.getValue()[0])) {
                    if (wireIndex != null) {
                        callOfIndex.put(wireIndex, e.getKey());
                    }
                    return e.getKey();
                }
            }
        }
        if (wireIndex != null) {
            Integer known = callOfIndex.get(wireIndex);
            if (known != null && !(hasId && tools.get(known)[0] != null)) {
                return known;
            }
            callOfIndex.put(wireIndex, tools.size());
            return tools.size();
        }
        return hasId || tools.isEmpty() || callsInDelta > 1 ? tools.size() : tools.lastKey();
    }

    /** Whether the text appended from {@code before} on holds answer text after a {@code </think>}. */
    private boolean answerStarted(int before) {
        int from = Math.max(0, before - ThinkTags.CLOSE.length() + 1);
        for (int i; (i = content.indexOf(ThinkTags.CLOSE, from)) >= 0; from = i + 1) {
            afterClose = i + ThinkTags.CLOSE.length();
        }
        if (afterClose < 0) {
            return false;
        }
        for (int i = Math.max(afterClose, before); i < content.length(); i++) {
            if (!Character.isWhitespace(content.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    String finishReason() {
        return finishReason;
    }

    Response response() {
        List<ToolCall> calls = new ArrayList<>();
        for (String[] t : tools.values()) {
            calls.add(new ToolCall(t[0], t[1], t[2]));
        }
        if (reasoning == null) {
            ThinkTags split = ThinkTags.split(content);
            if (split != null) {
                return new Response(split.answer(), split.reasoning(), calls, finishReason, true);
            }
        }
        return new Response(content.toString(), reasoning == null ? null : reasoning.toString(), calls, finishReason);
    }

    boolean empty() {
        return content.length() == 0 && reasoning == null && tools.isEmpty();
    }

    Usage usage() {
        return usage != null ? usage : fallbackUsage != null ? fallbackUsage : Usage.NONE;
    }

    /** How this response was spelled on the wire. */
    WireProfile wireProfile() {
        WireProfile.Reasoning r = wire.reasoningField() != null ? WireObserver.reasoning(wire.reasoningField())
                : reasoning == null && ThinkTags.split(content) != null ? WireProfile.Reasoning.THINK_TAGS
                : WireProfile.Reasoning.NONE;
        return WireProfile.of(r, wire.usageLayout(), wire.toolCallDeltas());
    }

    Timing timing() {
        long content = reasoning == null && ThinkTags.split(this.content) != null ? firstAnswer : firstContent;
        return new Timing(ms(firstByte), ms(firstToken), ms(content), ms(lastToken), ms(System.nanoTime()));
    }

    /** A chunk's or body's counts; a later {@code usage} replaces an earlier one (running totals, never summed). */
    private void readUsage(JsonNode node) {
        JsonNode u = node.get("usage");
        if (u != null && u.isObject()) {
            wire.usage();
            usage = new Usage(count(u.get("prompt_tokens")), count(u.get("completion_tokens")),
                    count(u.path("completion_tokens_details").get("reasoning_tokens")),
                    count(u.path("prompt_tokens_details").get("cached_tokens")));
        }
        JsonNode meta = node.get("meta_info");
        if (meta != null && meta.isObject() && meta.has("completion_tokens")) {
            wire.metaInfo();
            fallbackUsage = new Usage(count(meta.get("prompt_tokens")), count(meta.get("completion_tokens")), 0,
                    count(meta.get("cached_tokens")));
        }
        JsonNode t = node.get("timings");
        if (t != null && t.isObject() && t.has("predicted_n")) {
            wire.timings();
            if (meta == null || !meta.isObject()) {
                // llama.cpp's prompt_n counts only the prompt tokens it evaluated: the cached ones are cache_n
                long cached = count(t.get("cache_n"));
                fallbackUsage = new Usage(count(t.get("prompt_n")) + cached, count(t.get("predicted_n")), 0, cached);
            }
        }
    }

    private String reasoningOf(JsonNode node) {
        for (String field : flavor.reasoningFields()) {
            String t = text(node.get(field));
            if (t != null) {
                if (!t.isEmpty()) {
                    wire.reasoningField(field);
                }
                return t;
            }
        }
        return null;
    }

    private StringBuilder reasoning() {
        if (reasoning == null) {
            reasoning = new StringBuilder();
        }
        return reasoning;
    }

    private Double ms(long nanos) {
        return nanos < 0 ? null : (nanos - sentNanos) / 1e6;
    }

    private static long count(JsonNode n) {
        return n == null || !n.canConvertToLong() ? 0 : Math.max(0, n.asLong());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
