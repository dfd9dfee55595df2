package dev.claimcheck.core.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.claimcheck.core.model.ServerTiming;
import java.io.IOException;

/**
 * Reads the few fields a serving bench needs from one streamed chat-completion chunk with Jackson's streaming
 * parser (no tree, no strings for unread fields): delta text, tool-call argument pieces, finish reason and usage as
 * each engine reports it (OpenAI {@code usage}, llama.cpp's {@code timings}, SGLang's {@code meta_info}; docs/throughput.md
 * "Engine wire profiles"). One instance per loop.
 */
final class ChunkReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** The facts of the chunk last read; reset by each {@link #read}. */
    int contentChars;
    int reasoningChars;
    /** {@code reasoning} (current vLLM) or {@code reasoning_content}: the field the last reasoning text came in. */
    String reasoningField;
    /** Characters of tool-call arguments in this chunk, and whether a tool call's {@code id} came with them. */
    int toolChars;
    boolean toolCall;
    boolean toolCallId;
    /** A tool call's name came: the delta that starts the call. */
    boolean toolCallName;
    String contentText;
    String reasoningText;
    String finishReason;
    long promptTokens;
    long completionTokens;
    long reasoningTokens;
    long cachedTokens;
    boolean usage;
    boolean error;
    /** llama.cpp's {@code timings} (the engine's clock; -1 when absent) and SGLang's {@code meta_info}. */
    boolean timings;
    double promptMs;
    double predictedMs;
    long promptN;
    long predictedN;
    long cacheN;
    boolean metaInfo;

    /** Parses {@code len} bytes at {@code off}; false when they are not a JSON object. */
    boolean read(byte[] buf, int off, int len, boolean keepText) {
        contentChars = 0;
        reasoningChars = 0;
        contentText = null;
        reasoningText = null;
        finishReason = null;
        promptTokens = -1;
        completionTokens = -1;
        reasoningTokens = -1;
        cachedTokens = -1;
        usage = false;
        error = false;
        reasoningField = null;
        toolChars = 0;
        toolCall = false;
        toolCallId = false;
        toolCallName = false;
        timings = false;
        promptMs = -1;
        predictedMs = -1;
        promptN = -1;
        predictedN = -1;
        cacheN = -1;
        metaInfo = false;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = p.currentName();
                if (name == null) {
                    continue;
                }
                switch (t) {
                    case VALUE_STRING -> text(p, name, keepText);
                    case VALUE_NUMBER_INT -> number(name, p.getLongValue());
                    case VALUE_NUMBER_FLOAT -> decimal(name, p.getDoubleValue());
                    case START_OBJECT -> {
                        switch (name) {
                            case "usage" -> usage = true;
                            case "error" -> error = true;
                            case "timings" -> timings = true;
                            case "meta_info" -> metaInfo = true;
                            default -> {
                                // delta, message, function, details
                            }
                        }
                    }
                    case START_ARRAY -> {
                        if (name.equals("tool_calls")) {
                            toolCall = true;
                        }
                    }
                    default -> {
                        // other values are not needed
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void text(JsonParser p, String name, boolean keepText) throws IOException {
        switch (name) {
            case "content" -> {
                String s = p.getText();
                contentChars = s.length();
                contentText = keepText ? s : null;
            }
            case "reasoning_content", "reasoning" -> {
                String s = p.getText();
                reasoningChars = s.length();
                reasoningText = keepText ? s : null;
                if (!s.isEmpty()) {
                    reasoningField = name;
                }
            }
            case "arguments" -> toolChars += p.getText().length();
            case "name" -> {
                if (toolCall && !p.getText().isEmpty()) {
                    toolChars += p.getText().length();
                    toolCallName = true;
                }
            }
            case "id" -> toolCallId |= toolCall && !p.getText().isEmpty() && inToolCall(p); // vLLM sends "" after the first
            case "finish_reason" -> finishReason = p.getText();
            default -> {
                // ids, roles, model names
            }
        }
    }

    private void number(String name, long v) {
        switch (name) {
            case "prompt_tokens" -> promptTokens = v;
            case "completion_tokens" -> completionTokens = v;
            case "reasoning_tokens" -> reasoningTokens = v;
            case "cached_tokens" -> cachedTokens = v;
            case "prompt_n" -> promptN = v;
            case "predicted_n" -> predictedN = v;
            case "cache_n" -> cacheN = v;
            case "prompt_ms" -> promptMs = v;
            case "predicted_ms" -> predictedMs = v;
            default -> {
                // created, index, total_tokens
            }
        }
    }

    private void decimal(String name, double v) {
        switch (name) {
            case "prompt_ms" -> promptMs = v;
            case "predicted_ms" -> predictedMs = v;
            default -> {
                // per-second rates, logprobs
            }
        }
    }

    /** Whether the string being read is a field of an element of a {@code tool_calls} array (not the chunk's id). */
    private static boolean inToolCall(JsonParser p) {
        JsonStreamContext array = p.getParsingContext().getParent();
        return array != null && array.inArray() && array.getParent() != null
                && "tool_calls".equals(array.getParent().getCurrentName());
    }

    /** The engine's timings in this chunk: llama.cpp's prompt and generation times, null unless both came. */
    ServerTiming serverTiming() {
        return timings && promptMs >= 0 && predictedMs >= 0 && predictedN >= 0
                ? new ServerTiming(promptMs, predictedMs, predictedN) : null;
    }

    boolean carriesToken() {
        return contentChars > 0 || reasoningChars > 0 || toolChars > 0;
    }
}
