package dev.claimcheck.core.serving;

import dev.claimcheck.core.model.ServerTiming;
import dev.claimcheck.core.model.WireProfile;
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
    /** Per token event, the simulator's emit stamp that preceded it (0: none); null until a stamp came (EmitStamps). */
    long[] emitNs;
    int stamps;
    private long pendingEmitNs;
    boolean perChunkUsage = true;
    private long lastUsage;
    /** What this response showed of the engine's wire profile (docs/throughput.md "Engine wire profiles"). */
    String reasoningField;
    int usageChunks;
    boolean sawTimings;
    boolean sawMetaInfo;
    int toolDeltas;
    int toolIds;
    int toolStarts;
    /** The engine's own timings (llama.cpp), the last reported. */
    ServerTiming serverTiming;
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
        observe(c);
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

    private void observe(ChunkReader c) {
        if (c.reasoningField != null && reasoningField == null) {
            reasoningField = c.reasoningField;
        }
        if (c.usage) {
            usageChunks++;
        }
        if (c.toolCall && (c.toolChars > 0 || c.toolCallId)) {
            toolDeltas++;
            toolIds += c.toolCallId ? 1 : 0;
            toolStarts += c.toolCallName ? 1 : 0;
        }
        boolean fallback = usageChunks == 0 && !c.usage;
        if (c.metaInfo) {
            sawMetaInfo = true;
            if (fallback) { // SGLang's native counts, when no OpenAI usage came
                promptTokens = c.promptTokens;
                completionTokens = c.completionTokens;
                cachedTokens = c.cachedTokens;
            }
        }
        if (c.timings && c.predictedN >= 0) {
            sawTimings = true;
            ServerTiming t = c.serverTiming();
            if (t != null) {
                serverTiming = t;
            }
            if (fallback && !sawMetaInfo) { // llama.cpp's prompt_n leaves out the cached prompt tokens (cache_n)
                long cached = Math.max(0, c.cacheN);
                promptTokens = Math.max(0, c.promptN) + cached;
                completionTokens = c.predictedN;
                cachedTokens = cached;
            }
        }
    }

    /** This response's wire profile (one response: its parts are what it showed). */
    WireProfile wireProfile() {
        WireProfile.Reasoning r = reasoningField == null
                ? WireProfile.Reasoning.NONE
                : reasoningField.equals("reasoning") ? WireProfile.Reasoning.REASONING
                : WireProfile.Reasoning.REASONING_CONTENT;
        var u = usageChunks > 1 ? WireProfile.UsageLayout.EVERY_CHUNK
                : usageChunks == 1 ? (sawTimings ? WireProfile.UsageLayout.FINAL_WITH_TIMINGS
                : WireProfile.UsageLayout.FINAL)
                : sawMetaInfo ? WireProfile.UsageLayout.META_INFO
                : sawTimings ? WireProfile.UsageLayout.TIMINGS
                : WireProfile.UsageLayout.NONE;
        var t = toolDeltas == 0 ? WireProfile.ToolCallDeltas.NONE
                : toolDeltas <= Math.max(1, toolStarts) ? WireProfile.ToolCallDeltas.WHOLE
                : toolIds > Math.max(1, toolStarts) ? WireProfile.ToolCallDeltas.PIECES_ID_REPEATED
                : WireProfile.ToolCallDeltas.PIECES;
        return WireProfile.of(r, u, t);
    }

    private void add(long now, int count) {
        if (events == tokenNs.length) {
            tokenNs = Arrays.copyOf(tokenNs, events * 2);
            tokenCounts = Arrays.copyOf(tokenCounts, events * 2);
        }
        tokenNs[events] = now;
        tokenCounts[events] = count;
        if (pendingEmitNs != 0) {
            if (emitNs == null || emitNs.length < tokenNs.length) {
                emitNs = emitNs == null ? new long[tokenNs.length] : Arrays.copyOf(emitNs, tokenNs.length);
            }
            emitNs[events] = pendingEmitNs;
            stamps++;
            pendingEmitNs = 0;
        }
        events++;
    }

    /** The simulator's emit stamp for the next token event. */
    void stamp(long nanos) {
        pendingEmitNs = nanos;
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
