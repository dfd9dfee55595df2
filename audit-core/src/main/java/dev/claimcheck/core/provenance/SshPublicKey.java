package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An OpenSSH public key: its type name and wire blob (what {@code ssh-keygen} base64-encodes), plus the
 * optional comment. Two keys are equal when type and blob are equal; the comment is ignored, as in OpenSSH.
 *
 * <p>Any key type can be parsed and compared (so an {@code allowed_signers} file listing RSA keys still
 * loads); {@link #toJavaKey()} supports ssh-ed25519, ssh-rsa and ecdsa-sha2-nistp256/384/521.
 */
public record SshPublicKey(String type, byte[] blob, String comment) {
    public static final String ED25519 = "ssh-ed25519";
    public static final String RSA = "ssh-rsa";

    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        blob = blob.clone();
        comment = comment == null ? "" : comment;
    }

    /** Reads a key from its wire blob, checking that the blob names the same type. */
    public static SshPublicKey fromBlob(byte[] blob, String comment) {
        try {
            String type = new SshWire.Reader(blob).utf8();
            return new SshPublicKey(type, blob, comment);
        } catch (SshWire.FormatException e) {
            throw new BadInputException("malformed SSH public key: " + e.getMessage());
        }
    }

    /** Parses one line of a {@code .pub} file: {@code ssh-ed25519 AAAA… comment}. */
    public static SshPublicKey parse(String line) {
        String[] parts = line.strip().split("\\s+", 3);
        if (parts.length < 2) {
            throw new BadInputException("not an OpenSSH public key line (expected '<type> <base64> [comment]')");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("OpenSSH public key: invalid base64");
        }
        SshPublicKey key = fromBlob(blob, parts.length == 3 ? parts[2] : "");
        if (!key.type.equals(parts[0])) {
            throw new BadInputException("OpenSSH public key: type '" + parts[0] + "' does not match the key data ('" + key.type + "')");
        }
        return key;
    }

    /** Builds the SSH form of a JDK Ed25519 public key. */
    public static SshPublicKey ofEd25519(EdECPublicKey key, String comment) {
        byte[] y = key.getPoint().getY().toByteArray();
        byte[] le = new byte[32];
        // The encoding is y in 32 little-endian bytes, with the parity of x in the top bit.
        for (int i = 0; i < y.length && i < 32; i++) {
            le[i] = y[y.length - 1 - i];
        }
        if (key.getPoint().isXOdd()) {
            le[31] |= (byte) 0x80;
        }
        return new SshPublicKey(ED25519, new SshWire.Writer().string(ED25519).string(le).toBytes(), comment);
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** {@code SHA256:<base64>}, the fingerprint {@code ssh-keygen -l} prints. */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a one-line public key file such as {@code id_ed25519.pub}. */
    public static SshPublicKey read(java.nio.file.Path file) {
        try {
            return parse(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot read public key " + file + ": " + e.getMessage());
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    /** The one-line {@code .pub} form. */
    public String toOpenSsh() {
        String base = type + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? base : base + " " + comment;
    }

    /** The JDK key for signature verification; unsupported types give a clear {@link BadInputException}. */
    public PublicKey toJavaKey() {
        try {
            SshWire.Reader r = new SshWire.Reader(blob);
            r.utf8();
            PublicKey key;
            if (type.equals(ED25519)) {
                byte[] le = r.string();
                if (le.length != 32) {
                    throw new SshWire.FormatException("ed25519 key must be 32 bytes");
                }
                boolean xOdd = (le[31] & 0x80) != 0;
                byte[] be = new byte[32];
                for (int i = 0; i < 32; i++) {
                    be[i] = le[31 - i];
                }
                be[0] &= 0x7f;
                EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, be));
                key = KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
            } else if (type.equals(RSA)) {
                BigInteger e = r.mpint();
                BigInteger n = r.mpint();
                key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            } else if (type.startsWith("ecdsa-sha2-nistp")) {
                String curve = r.utf8();
                ECParameterSpec params = ecParams(curve);
                byte[] q = r.string();
                int len = (params.getCurve().getField().getFieldSize() + 7) / 8;
                if (q.length != 1 + 2 * len || q[0] != 4) {
                    throw new SshWire.FormatException("only uncompressed EC points are supported");
                }
                ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(q, 1, 1 + len)),
                        new BigInteger(1, Arrays.copyOfRange(q, 1 + len, q.length)));
                key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            } else {
                throw new BadInputException("unsupported SSH key type '" + type + "' (supported: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521)");
            }
            r.expectEnd("public key");
            return key;
        } catch (SshWire.FormatException | GeneralSecurityException e) {
            throw new BadInputException("malformed " + type + " public key: " + e.getMessage());
        }
    }

    static ECParameterSpec ecParams(String sshCurve) throws GeneralSecurityException {
        String std = switch (sshCurve) {
            case "nistp256" -> "secp256r1";
            case "nistp384" -> "secp384r1";
            case "nistp521" -> "secp521r1";
            default -> throw new BadInputException("unsupported ECDSA curve '" + sshCurve + "'");
        };
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec(std));
        return p.getParameterSpec(ECParameterSpec.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey k && type.equals(k.type) && Arrays.equals(blob, k.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return type + " " + fingerprint() + (comment.isEmpty() ? "" : " " + comment);
    }
}
