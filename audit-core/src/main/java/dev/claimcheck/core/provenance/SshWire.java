package dev.claimcheck.core.provenance;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The SSH wire encoding (RFC 4251 §5): big-endian uint32 and length-prefixed strings. Package-private:
 * keys and signatures are the public surface, the byte layout is not.
 */
final class SshWire {
    private SshWire() {
    }

    /** Thrown on truncated or inconsistent input; callers turn it into a message naming the file. */
    static final class FormatException extends Exception {
        FormatException(String message) {
            super(message);
        }
    }

    /** Reads SSH wire values from a byte array, never past its end. */
    static final class Reader {
        private final byte[] data;
        private int pos;

        Reader(byte[] data) {
            this.data = data;
        }

        int remaining() {
            return data.length - pos;
        }

        byte[] raw(int n) throws FormatException {
            if (n < 0 || n > remaining()) {
                throw new FormatException("truncated data");
            }
            byte[] out = Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return out;
        }

        long uint32() throws FormatException {
            byte[] b = raw(4);
            return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
        }

        byte[] string() throws FormatException {
            long n = uint32();
            if (n > remaining()) {
                throw new FormatException("truncated data");
            }
            return raw((int) n);
        }

        String utf8() throws FormatException {
            return new String(string(), StandardCharsets.UTF_8);
        }

        BigInteger mpint() throws FormatException {
            byte[] b = string();
            return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
        }

        void expectEnd(String what) throws FormatException {
            if (remaining() != 0) {
                throw new FormatException("trailing bytes after " + what);
            }
        }
    }

    /** Builds SSH wire values. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Writer uint32(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        Writer string(byte[] b) {
            return uint32(b.length).raw(b);
        }

        Writer string(String s) {
            return string(s.getBytes(StandardCharsets.UTF_8));
        }

        Writer mpint(BigInteger v) {
            return string(v.signum() == 0 ? new byte[0] : v.toByteArray());
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
