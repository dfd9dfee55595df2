package dev.claimcheck.site.web;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A response rendered once per index: its bytes, the same bytes gzipped, and a strong ETag for each
 * (a content hash, so an unchanged page keeps its tag across rebuilds and restarts).
 * {@link FastRoutes} sends the gzip bytes when the client accepts gzip and answers 304 to a matching
 * {@code If-None-Match}; every answer says {@code Vary: Accept-Encoding} and {@code Cache-Control: no-cache}
 * (the client may keep it but revalidates, so a rebuilt index shows at once).
 */
public record Cached(String contentType, byte[] bytes, byte[] gzip, String etag, String gzipEtag, Buffer bytesBuffer,
                     Buffer gzipBuffer) {
    static final String CACHE_CONTROL = "no-cache";

    public static Cached of(String contentType, String text) {
        return of(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Cached of(String contentType, byte[] bytes) {
        byte[] gz = gzip(bytes);
        String tag = hash(bytes);
        return new Cached(contentType, bytes, gz, "\"" + tag + "\"", "\"" + tag + "-gz\"", wrap(bytes), wrap(gz));
    }

    /**
     * A Vert.x buffer over the bytes, written again and again without a copy per response (Vert.x writes a
     * duplicate of it; unreleasable, so no write frees it).
     */
    static Buffer wrap(byte[] bytes) {
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes)));
    }

    /** True when Accept-Encoding lists gzip (or *) without q=0. */
    static boolean acceptsGzip(String header) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        for (String part : header.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim().replace(" ", "");
                    if (q.startsWith("q=") && q.substring(2).matches("0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** If-None-Match: "*" or a list of tags (weak comparison: a W/ prefix is ignored). */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String s = t.trim();
            if (s.startsWith("W/")) {
                s = s.substring(2);
            }
            if (s.equals("*") || s.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
