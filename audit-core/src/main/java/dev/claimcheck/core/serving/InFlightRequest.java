package dev.claimcheck.core.serving;

import java.util.Arrays;

/**
 * The mutable state of one request on the wire, filled by the event loop; all times are {@link System#nanoTime()}.
 * Token events keep their receive time and token count in growable primitive arrays (no boxing on the hot path).
 */
final class InFlightRequest {
    /** How the request ended. */
    enum End { NONE, DONE, HTTP_ERROR, BROKEN, TIMEOUT, MALFORMED, CONNECT_FAILED }

    final BenchRequest request;
    long scheduledNs;
    long sentNs;
    long headersNs;
    long firstEventNs;
    long firstTokenNs;
    long firstContentNs;
    long doneNs;
    long lastActivityNs;
    int status;
    End end = End.NONE;
    String endMessage;
    String finishReason;
    long promptTokens = -1;
    long completionTokens = -1;
    long reasoningTokens = -1;
    long cachedTokens = -1;
    boolean sawDone;
    /**
     * Why the kept-alive connection this request was first sent on turned out dead before any response byte (it was
     * then sent once more on a new connection); null when that did not happen.
     */
    String staleConnection;
    long[] tokenNs = new long[16];
    int[] tokenCounts = new int[16];
    int events;
    boolean perChunkUsage = true;
    private long lastUsage;
    final StringBuilder text;
    final StringBuilder errorBody = new StringBuilder();

    InFlightRequest(BenchRequest request, boolean keepText) {
        this.request = request;
        this.text = keepText ? new StringBuilder() : null;
    }

    void onChunk(ChunkReader c, long now) {
        if (firstEventNs == 0) {
            firstEventNs = now;
        }
        lastActivityNs = now;
        if (c.usage) {
            if (c.promptTokens >= 0) {
                promptTokens = c.promptTokens;
            }
            if (c.reasoningTokens >= 0) {
                reasoningTokens = c.reasoningTokens;
            }
            if (c.cachedTokens >= 0) {
                cachedTokens = c.cachedTokens;
            }
        }
        if (c.finishReason != null) {
            finishReason = c.finishReason;
        }
        if (c.carriesToken()) {
            int count = 1;
            if (c.usage && c.completionTokens >= 0) {
                count = (int) Math.max(0, c.completionTokens - lastUsage);
            } else {
                perChunkUsage = false;
            }
            add(now, count);
            if (firstTokenNs == 0) {
                firstTokenNs = now;
            }
            if (c.contentChars > 0 && firstContentNs == 0) {
                firstContentNs = now;
            }
            if (text != null) {
                text.append(c.reasoningText == null ? "" : c.reasoningText).append(c.contentText == null ? "" : c.contentText);
            }
        }
        if (c.usage && c.completionTokens >= 0) {
            completionTokens = c.completionTokens;
            lastUsage = c.completionTokens;
        }
    }

    private void add(long now, int count) {
        if (events == tokenNs.length) {
            tokenNs = Arrays.copyOf(tokenNs, events * 2);
            tokenCounts = Arrays.copyOf(tokenCounts, events * 2);
        }
        tokenNs[events] = now;
        tokenCounts[events] = count;
        events++;
    }

    void finish(End how, long now, String message) {
        if (end != End.NONE) {
            return;
        }
        end = how;
        if (doneNs == 0) {
            doneNs = now; // a [DONE] event already stamped the end of a complete stream
        }
        endMessage = message;
    }

    boolean finished() {
        return end != End.NONE;
    }

    long lastTokenNs() {
        return events == 0 ? 0 : tokenNs[events - 1];
    }

    long countedTokens() {
        long sum = 0;
        for (int i = 0; i < events; i++) {
            sum += tokenCounts[i];
        }
        return sum;
    }
}
