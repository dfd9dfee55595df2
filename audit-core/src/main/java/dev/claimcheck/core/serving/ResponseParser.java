package dev.claimcheck.core.serving;

import dev.claimcheck.core.sim.Simulator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Incremental HTTP/1.1 response parser for one connection: status line, headers, a chunked, sized or
 * read-until-close body, and inside it server-sent-event {@code data:} lines handed to the {@link ChunkReader}.
 * Bytes are scanned once in place; only a line split across reads is copied into the carry buffer (which grows
 * to the longest line, so one huge event does not cost a copy per read).
 */
final class ResponseParser {
    static final int MAX_LINE = 16 << 20;
    private static final int MAX_ERROR_BODY = 4096;
    private static final byte[] EMIT = Simulator.EMIT_COMMENT.getBytes(StandardCharsets.US_ASCII);

    private enum State { STATUS, HEADERS, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILER, SIZED, UNTIL_CLOSE, END }

    private final ChunkReader chunks;
    private final boolean keepText;
    /** Read the simulator's emit stamps (EmitStamps); otherwise, as for every server, comment lines are skipped. */
    private final boolean emitStamps;
    private State state = State.STATUS;
    private byte[] line = new byte[512];
    private int lineLen;
    private byte[] sse = new byte[1024];
    private int sseLen;
    private long remaining;
    private boolean chunked;
    private long contentLength = -1;
    private boolean closeAfter;
    private InFlightRequest ex;

    ResponseParser(ChunkReader chunks, boolean keepText, boolean emitStamps) {
        this.chunks = chunks;
        this.keepText = keepText;
        this.emitStamps = emitStamps;
    }

    /** Starts parsing the response to {@code exchange}. */
    void reset(InFlightRequest exchange) {
        ex = exchange;
        state = State.STATUS;
        lineLen = 0;
        sseLen = 0;
        chunked = false;
        contentLength = -1;
        closeAfter = false;
    }

    /** The body ended: the connection may carry the next request unless {@link #closeAfter()}. */
    boolean bodyEnded() {
        return state == State.END;
    }

    boolean closeAfter() {
        return closeAfter;
    }

    /** Whether the connection's end would be the body's natural end (no length, not chunked). */
    boolean readsUntilClose() {
        return state == State.UNTIL_CLOSE;
    }

    /** Consumes the bytes in {@code buf} (position..limit) received at {@code now}. */
    void feed(ByteBuffer buf, long now) throws BadResponse {
        byte[] a = buf.array();
        int i = buf.arrayOffset() + buf.position();
        int end = buf.arrayOffset() + buf.limit();
        while (i < end && state != State.END) {
            switch (state) {
                case STATUS, HEADERS, CHUNK_SIZE, CHUNK_CRLF, TRAILER -> {
                    int nl = indexOf(a, i, end, (byte) '\n');
                    if (nl < 0) {
                        append(a, i, end - i);
                        i = end;
                    } else {
                        append(a, i, nl - i);
                        i = nl + 1;
                        int len = lineLen > 0 && line[lineLen - 1] == '\r' ? lineLen - 1 : lineLen;
                        lineLen = 0;
                        onLine(len, now);
                    }
                }
                case CHUNK_DATA, SIZED -> {
                    int n = (int) Math.min(remaining, end - i);
                    body(a, i, n, now);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.SIZED ? State.END : State.CHUNK_CRLF;
                    }
                }
                case UNTIL_CLOSE -> {
                    body(a, i, end - i, now);
                    i = end;
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        buf.position(buf.limit());
    }

    /** The server closed the connection: the natural end of a read-until-close body, else a cut-off response. */
    void closed(long now) {
        if (state == State.UNTIL_CLOSE) {
            if (sseLen > 0) {
                sseLine(sse, 0, sseLen, now);
                sseLen = 0;
            }
            state = State.END;
        }
    }

    private void onLine(int len, long now) throws BadResponse {
        String s;
        switch (state) {
            case STATUS -> {
                s = new String(line, 0, len, StandardCharsets.ISO_8859_1);
                if (!s.startsWith("HTTP/1.") || s.length() < 12) {
                    throw new BadResponse("bad status line");
                }
                try {
                    ex.status = Integer.parseInt(s.substring(9, 12));
                } catch (NumberFormatException e) {
                    throw new BadResponse("bad status line");
                }
                ex.headersNs = now;
                ex.lastActivityNs = now;
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (len == 0) {
                    state = chunked ? State.CHUNK_SIZE : contentLength >= 0 ? State.SIZED : State.UNTIL_CLOSE;
                    remaining = contentLength;
                    if (state == State.SIZED && remaining == 0) {
                        state = State.END;
                    }
                    return;
                }
                s = new String(line, 0, len, StandardCharsets.ISO_8859_1);
                int colon = s.indexOf(':');
                if (colon <= 0) {
                    throw new BadResponse("bad header line");
                }
                String name = s.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = s.substring(colon + 1).trim();
                if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                } else if (name.equals("content-length")) {
                    try {
                        contentLength = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new BadResponse("bad Content-Length");
                    }
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            case CHUNK_SIZE -> {
                s = new String(line, 0, len, StandardCharsets.ISO_8859_1);
                int semi = s.indexOf(';');
                try {
                    remaining = Long.parseLong((semi < 0 ? s : s.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new BadResponse("bad chunk size");
                }
                state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case CHUNK_CRLF -> state = State.CHUNK_SIZE;
            case TRAILER -> {
                if (len == 0) {
                    if (sseLen > 0) {
                        sseLine(sse, 0, sseLen, now);
                        sseLen = 0;
                    }
                    state = State.END;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** Body bytes: split into lines; a line that spans reads is carried. */
    private void body(byte[] a, int off, int len, long now) throws BadResponse {
        ex.lastActivityNs = now;
        if (ex.status != 200) {
            int keep = Math.min(len, MAX_ERROR_BODY - ex.errorBody.length());
            if (keep > 0) {
                ex.errorBody.append(new String(a, off, keep, StandardCharsets.UTF_8));
            }
            return;
        }
        int end = off + len;
        int i = off;
        while (i < end) {
            int nl = indexOf(a, i, end, (byte) '\n');
            if (nl < 0) {
                carry(a, i, end - i);
                return;
            }
            if (sseLen > 0) {
                carry(a, i, nl - i);
                sseLine(sse, 0, sseLen, now);
                sseLen = 0;
            } else {
                sseLine(a, i, nl - i, now);
            }
            i = nl + 1;
        }
    }

    private void sseLine(byte[] a, int off, int len, long now) {
        if (len > 0 && a[off + len - 1] == '\r') {
            len--;
        }
        if (emitStamps && len > EMIT.length && a[off] == ':') {
            stamp(a, off, len);
            return;
        }
        if (len < 5 || a[off] != 'd' || a[off + 1] != 'a' || a[off + 2] != 't' || a[off + 3] != 'a' || a[off + 4] != ':') {
            return; // blank separators, comments, event: and id: lines
        }
        int p = off + 5;
        if (p < off + len && a[p] == ' ') {
            p++;
        }
        int n = off + len - p;
        if (n == 6 && a[p] == '[' && a[p + 1] == 'D' && a[p + 2] == 'O' && a[p + 3] == 'N' && a[p + 4] == 'E' && a[p + 5] == ']') {
            ex.sawDone = true;
            ex.lastActivityNs = now;
            if (ex.doneNs == 0) {
                ex.doneNs = now;
            }
            return;
        }
        if (!chunks.read(a, p, n, keepText)) {
            ex.finish(InFlightRequest.End.MALFORMED, now, "an event is not a JSON object");
            return;
        }
        if (chunks.error) {
            ex.finish(InFlightRequest.End.HTTP_ERROR, now, "error event in the stream");
            return;
        }
        ex.onChunk(chunks, now);
    }

    /** A simulator's emit stamp comment: the nanoTime before the next token event was written; other comments are skipped. */
    private void stamp(byte[] a, int off, int len) {
        for (int k = 0; k < EMIT.length; k++) {
            if (a[off + k] != EMIT[k]) {
                return;
            }
        }
        long v = 0;
        for (int i = off + EMIT.length; i < off + len; i++) {
            int d = a[i] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                return; // not a stamp: ignored, the event then has none
            }
            v = v * 10 + d;
        }
        ex.stamp(v);
    }

    private void append(byte[] a, int off, int len) throws BadResponse {
        if (lineLen + len > 64 * 1024) {
            throw new BadResponse("header or chunk-size line too long");
        }
        if (lineLen + len > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + len));
        }
        System.arraycopy(a, off, line, lineLen, len);
        lineLen += len;
    }

    private void carry(byte[] a, int off, int len) throws BadResponse {
        if (sseLen + len > MAX_LINE) {
            throw new BadResponse("an event line exceeds " + (MAX_LINE >> 20) + " MiB");
        }
        if (sseLen + len > sse.length) {
            sse = Arrays.copyOf(sse, Math.max(sse.length * 2, sseLen + len));
        }
        System.arraycopy(a, off, sse, sseLen, len);
        sseLen += len;
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A response that is not HTTP/1.1 as expected. */
    static final class BadResponse extends Exception {
        BadResponse(String message) {
            super(message);
        }
    }
}
