package dev.claimcheck.core.serving;

import dev.claimcheck.core.endpoint.ContextLengthError;
import dev.claimcheck.core.model.AttemptError;
import dev.claimcheck.core.model.ErrorCause;
import dev.claimcheck.core.model.LoadPoint;
import dev.claimcheck.core.model.LoadRecord;
import dev.claimcheck.core.model.Response;
import dev.claimcheck.core.model.RetryRecord;
import dev.claimcheck.core.model.Sample;
import dev.claimcheck.core.model.Timing;
import dev.claimcheck.core.model.Usage;
import dev.claimcheck.core.model.Verdict;
import dev.claimcheck.core.tokens.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a point's finished exchanges into sample lines with their {@link LoadRecord}: nanosecond stamps become
 * microseconds since the point's start, token events become gaps, the simulator's emit times become receive lags.
 * Generated text is re-counted with the run's tokenizer and then dropped (never stored).
 */
final class RecordMaker {
    /** The retry message of a request resent because its kept-alive connection was already closed. */
    static final String STALE_CONNECTION = "kept-alive connection closed by the server before any response byte; resent on a new connection";

    private RecordMaker() {
    }

    /** @param shard {@code i/n} for a shard's records, else null */
    /** @param simulatedTtftUs the simulator's configured TTFT (the truth of calibration), null for a real server */
    static List<Sample> samples(LoadPoint p, StreamLoop.Result result, Function<String, long[]> emitTimes,
                                Long simulatedTtftUs, Tokenizer tokenizer, String shard) {
        List<Sample> out = new ArrayList<>(result.exchanges().size());
        for (InFlightRequest ex : result.exchanges()) {
            out.add(sample(p, ex, result, emitTimes == null ? null : emitTimes.apply(ex.request.promptSha256()),
                    simulatedTtftUs, tokenizer, shard));
        }
        return out;
    }

    private static Sample sample(LoadPoint p, InFlightRequest ex, StreamLoop.Result result, long[] emit,
                                 Long simulatedTtftUs, Tokenizer tokenizer, String shard) {
        long t0 = result.startNs();
        int n = ex.events;
        int[] gaps = new int[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = micros(ex.tokenNs[i] - ex.tokenNs[i - 1]);
        }
        int[] counts = null;
        long counted = n;
        if (ex.perChunkUsage && n > 0) {
            counted = ex.countedTokens();
            for (int i = 0; i < n && counts == null; i++) {
                if (ex.tokenCounts[i] != 1) {
                    counts = java.util.Arrays.copyOf(ex.tokenCounts, n);
                }
            }
        }
        int[] lags = null;
        Long simulated = null;
        if (emit != null) {
            simulated = (long) emit.length;
            lags = new int[Math.min(n, emit.length)];
            for (int i = 0; i < lags.length; i++) {
                lags[i] = micros(ex.tokenNs[i] - emit[i]);
            }
        } else if (ex.stamps > 0) {
            // A simulator in its own process on this host stamped its token events (EmitStamps): one lag per stamp.
            simulated = (long) ex.stamps;
            lags = new int[ex.stamps];
            for (int i = 0, k = 0; i < Math.min(n, ex.emitNs.length); i++) {
                if (ex.emitNs[i] != 0) {
                    lags[k++] = micros(ex.tokenNs[i] - ex.emitNs[i]);
                }
            }
        }
        Usage usage = ex.completionTokens < 0 && ex.promptTokens < 0 ? Usage.NONE
                : new Usage(Math.max(0, ex.promptTokens), Math.max(0, ex.completionTokens), Math.max(0, ex.reasoningTokens),
                Math.max(0, ex.cachedTokens));
        boolean done = ex.end == InFlightRequest.End.DONE;
        long delivered = usage == Usage.NONE ? counted : usage.completionTokens();
        LoadRecord record = new LoadRecord(p, ex.request.warmup(), (ex.scheduledNs - t0) / 1000, at(ex.sentNs, t0),
                at(ex.headersNs, t0), at(ex.firstEventNs, t0), at(ex.firstTokenNs, t0), at(ex.firstContentNs, t0),
                at(ex.lastTokenNs(), t0), at(ex.doneNs, t0), ex.status, gaps, counts, counted,
                ex.text == null ? null : (long) tokenizer.count(ex.text.toString()), simulated, lags,
                done && delivered < p.outputTokens(), result.client(), result.epochUs(), shard, ex.serverTiming,
                simulatedTtftUs, null);
        Timing timing = new Timing(ms(ex.headersNs, ex.sentNs), ms(ex.firstTokenNs, ex.sentNs),
                ms(ex.firstContentNs, ex.sentNs), ms(ex.lastTokenNs(), ex.sentNs), ms(ex.doneNs, ex.sentNs));
        Verdict verdict = done ? CompletionCheck.of(record, usage) : null;
        AttemptError error = done ? null : new AttemptError(cause(ex), message(ex), 0);
        Response response = ex.headersNs == 0 ? null : new Response("", null, null, ex.finishReason);
        List<RetryRecord> retries = ex.staleConnection == null ? null : List.of(new RetryRecord(ErrorCause.CONNECTION, 0, 0,
                STALE_CONNECTION + " (" + ex.staleConnection + ")"));
        return new Sample(ex.request.taskId(), 0, null, ex.request.promptSha256(), (long) p.inputTokens(),
                ex.request.request(), response, usage, timing, verdict, error, retries, null, record);
    }

    private static ErrorCause cause(InFlightRequest ex) {
        return switch (ex.end) {
            case HTTP_ERROR -> ex.status == 429 ? ErrorCause.RATE_LIMITED
                    : ex.status == 401 || ex.status == 403 ? ErrorCause.AUTH
                    : ContextLengthError.matches(ex.status, ex.errorBody.toString()) ? ErrorCause.CONTEXT_LENGTH
                    : ex.status >= 500 || ex.status == 200 ? ErrorCause.SERVER_ERROR : ErrorCause.CLIENT_ERROR;
            case BROKEN -> ex.headersNs == 0 ? ErrorCause.CONNECTION : ErrorCause.TRUNCATED_STREAM;
            case TIMEOUT -> ErrorCause.TIMEOUT;
            case MALFORMED -> ErrorCause.MALFORMED_RESPONSE;
            case CONNECT_FAILED -> ErrorCause.CONNECTION;
            case DONE, NONE -> throw new IllegalStateException("not an error: " + ex.end);
        };
    }

    private static String message(InFlightRequest ex) {
        String m = ex.endMessage == null ? ex.end.name() : ex.endMessage;
        if (ex.errorBody.length() > 0) {
            String body = ex.errorBody.toString().replaceAll("\\s+", " ").strip();
            m += ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
        return m;
    }

    private static Long at(long ns, long t0) {
        return ns == 0 ? null : (ns - t0) / 1000;
    }

    private static Double ms(long ns, long sent) {
        return ns == 0 || sent == 0 ? null : (ns - sent) / 1e6;
    }

    private static int micros(long ns) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ns / 1000));
    }
}
