package dev.claimcheck.core.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads the few fields a serving bench needs from one streamed chat-completion chunk with Jackson's streaming
 * parser (no tree, no strings for unread fields): delta text, finish reason and usage. One instance per loop.
 */
final class ChunkReader {
    private static final JsonFactory JSON = new JsonFactory();

    /** The facts of the chunk last read; reset by each {@link #read}. */
    int contentChars;
    int reasoningChars;
    String contentText;
    String reasoningText;
    String finishReason;
    long promptTokens;
    long completionTokens;
    long reasoningTokens;
    long cachedTokens;
    boolean usage;
    boolean error;

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
                    case START_OBJECT -> {
                        if (name.equals("usage")) {
                            usage = true;
                        } else if (name.equals("error")) {
                            error = true;
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
            }
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
            default -> {
                // created, index, total_tokens
            }
        }
    }

    boolean carriesToken() {
        return contentChars > 0 || reasoningChars > 0;
    }
}
