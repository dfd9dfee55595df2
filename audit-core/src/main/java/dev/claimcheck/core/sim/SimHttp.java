package dev.claimcheck.core.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Minimal HTTP/1.1 framing for the simulator: enough to read a request and write whole or chunked responses. */
public final class SimHttp {
    static final int MAX_LINE = 16 * 1024;
    static final int MAX_HEADERS = 200;
    static final int MAX_BODY = 64 << 20;

    private SimHttp() {
    }

    /** A parsed request; header names lower-cased. */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        boolean keepAlive() {
            return !"close".equalsIgnoreCase(headers.getOrDefault("connection", ""));
        }
    }

    /** Thrown for a request the simulator refuses; answered with {@code status}. */
    static final class BadRequest extends IOException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** As {@link #read(InputStream, OutputStream)} for a caller that never answers {@code Expect: 100-continue}. */
    public static Request read(InputStream in) throws IOException {
        return read(in, null);
    }

    /**
     * The next request, or null when the client closed the connection between requests. The body comes with a
     * Content-Length or chunked (RFC 9112 §7.1; trailers are read and dropped). {@code Expect: 100-continue} gets its
     * interim {@code 100 Continue} on {@code out} once the headers are acceptable, before the body is read, as
     * clients such as curl wait for it (for up to a second) before sending a large body.
     */
    static Request read(InputStream in, OutputStream out) throws IOException {
        String requestLine = line(in);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "bad request line");
        }
        Map<String, String> headers = new HashMap<>();
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new BadRequest(400, "bad header");
            }
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        if (h == null) {
            throw new BadRequest(400, "headers cut off");
        }
        String te = headers.get("transfer-encoding");
        boolean chunked = te != null;
        if (chunked && !te.equalsIgnoreCase("chunked")) {
            throw new BadRequest(501, "Transfer-Encoding '" + te + "' is not supported (send chunked or Content-Length)");
        }
        if (chunked && headers.containsKey("content-length")) {
            // RFC 9112 §6.3: both together are a smuggling vector; refuse rather than guess which one frames the body.
            throw new BadRequest(400, "both Transfer-Encoding and Content-Length");
        }
        long length = chunked ? -1 : contentLength(headers.getOrDefault("content-length", "0"));
        String expect = headers.get("expect");
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw new BadRequest(417, "Expect '" + expect + "' is not supported");
            }
            if (out != null && length != 0) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }
        byte[] body = chunked ? chunkedBody(in) : in.readNBytes((int) length);
        if (body.length != length && !chunked) {
            throw new BadRequest(400, "body cut off");
        }
        String path = parts[1];
        int q = path.indexOf('?');
        return new Request(parts[0], q < 0 ? path : path.substring(0, q), headers, body);
    }

    private static long contentLength(String value) throws BadRequest {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadRequest(400, "bad Content-Length");
        }
        long length = Long.parseLong(value);
        if (length > MAX_BODY) {
            throw new BadRequest(413, "body too large");
        }
        return length;
    }

    /** A chunked body: hex size lines (extensions ignored), each chunk, a zero chunk, trailers up to the empty line. */
    private static byte[] chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            if (sizeLine == null) {
                throw new BadRequest(400, "chunked body cut off");
            }
            int semi = sizeLine.indexOf(';');
            String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
            if (hex.isEmpty() || hex.length() > 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new BadRequest(400, "bad chunk size '" + sizeLine + "'");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                String trailer;
                int trailers = 0;
                while ((trailer = line(in)) != null && !trailer.isEmpty()) {
                    if (++trailers > MAX_HEADERS) {
                        throw new BadRequest(400, "too many trailers");
                    }
                }
                if (trailer == null) {
                    throw new BadRequest(400, "chunked body cut off");
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new BadRequest(413, "body too large");
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new BadRequest(400, "chunked body cut off");
            }
            body.write(chunk);
            String end = line(in);
            if (end == null || !end.isEmpty()) {
                throw new BadRequest(400, "chunk not followed by CRLF");
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = buf.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (buf.size() >= MAX_LINE) {
                throw new BadRequest(431, "header line too long");
            }
            buf.write(c);
        }
        if (buf.size() == 0) {
            return null;
        }
        throw new BadRequest(400, "connection closed mid-line");
    }

    static String head(int status, String contentType, String extra, long contentLength) {
        return "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType + "\r\n"
                + (contentLength < 0 ? "Transfer-Encoding: chunked\r\nCache-Control: no-cache\r\n"
                : "Content-Length: " + contentLength + "\r\n") + (extra == null ? "" : extra) + "\r\n";
    }

    /** A whole response with a Content-Length body. */
    static void writeWhole(OutputStream out, int status, String contentType, String extra, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(head(status, contentType, extra, b.length).getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    /** One chunk of a chunked body (no flush). */
    static void writeChunk(OutputStream out, byte[] data) throws IOException {
        if (data.length == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        out.write('\r');
        out.write('\n');
    }

    static void endChunks(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, which the official SDKs parse. */
    static String error(String message, String type) {
        return error(message, type, null, null);
    }

    static String error(String message, String type, String param, String code) {
        return "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type) + ",\"param\":"
                + (param == null ? "null" : quote(param)) + ",\"code\":" + (code == null ? "null" : quote(code)) + "}}";
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 417 -> "Expectation Failed";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
