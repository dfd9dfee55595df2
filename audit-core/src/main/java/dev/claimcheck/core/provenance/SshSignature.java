package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import dev.claimcheck.core.provenance.InvalidSignatureException.Reason;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * OpenSSH SSHSIG signatures (PROTOCOL.sshsig), the format of {@code ssh-keygen -Y sign}: the signer signs
 * {@code "SSHSIG" || string namespace || string reserved || string hash_alg || string H(message)} and the
 * armored blob carries the public key, so a verifier learns who signed and then decides whether to trust it.
 */
public final class SshSignature {
    /** The namespace claimcheck signs and verifies run folders in. */
    public static final String NAMESPACE = "claimcheck";
    static final String BEGIN = "-----BEGIN SSH SIGNATURE-----";
    static final String END = "-----END SSH SIGNATURE-----";
    private static final byte[] MAGIC = "SSHSIG".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> HASHES = Set.of("sha256", "sha512");

    /** The fields of a signature blob, before any cryptographic check. */
    public record Parsed(SshPublicKey publicKey, String namespace, String hashAlgorithm, byte[] signature) {
        public Parsed {
            signature = signature.clone();
        }
    }

    private SshSignature() {
    }

    /** Signs {@code message} in the {@value #NAMESPACE} namespace; returns the armored text (with final newline). */
    public static String sign(byte[] message, SigningKey key) {
        return sign(message, key, NAMESPACE);
    }

    /** Signs {@code message} in {@code namespace} with sha512, as {@code ssh-keygen -Y sign -n namespace} does. */
    public static String sign(byte[] message, SigningKey key, String namespace) {
        byte[] sig = key.sign(signedData(namespace, "sha512", message));
        byte[] blob = new SshWire.Writer().raw(MAGIC).uint32(1).string(key.publicKey().blob())
                .string(namespace).string("").string("sha512").string(sig).toBytes();
        String b64 = Base64.getEncoder().encodeToString(blob);
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        // ssh-keygen wraps at 70 columns; keep byte-identical layout so diffs of signatures stay readable.
        for (int i = 0; i < b64.length(); i += 70) {
            out.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    /** Decodes an armored signature without checking it. */
    public static Parsed parse(String armored) {
        String t = armored.strip();
        if (!t.startsWith(BEGIN) || !t.endsWith(END) || t.length() < BEGIN.length() + END.length()) {
            throw new InvalidSignatureException(Reason.MALFORMED, "not an armored SSH signature (" + BEGIN + ")");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(t.substring(BEGIN.length(), t.length() - END.length()).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidSignatureException(Reason.MALFORMED, "SSH signature: invalid base64");
        }
        try {
            SshWire.Reader r = new SshWire.Reader(blob);
            if (r.remaining() < MAGIC.length || !Arrays.equals(r.raw(MAGIC.length), MAGIC)) {
                throw new InvalidSignatureException(Reason.BAD_MAGIC, "SSH signature: missing SSHSIG magic");
            }
            long version = r.uint32();
            if (version != 1) {
                throw new InvalidSignatureException(Reason.UNSUPPORTED_VERSION, "SSH signature: unsupported version " + version);
            }
            byte[] keyBlob = r.string();
            String namespace = r.utf8();
            r.string(); // reserved: ignored, as PROTOCOL.sshsig asks
            String hash = r.utf8();
            byte[] sig = r.string();
            r.expectEnd("signature");
            SshPublicKey key;
            try {
                key = SshPublicKey.fromBlob(keyBlob, "");
            } catch (BadInputException e) {
                throw new InvalidSignatureException(Reason.MALFORMED, "SSH signature: " + e.getMessage());
            }
            return new Parsed(key, namespace, hash, sig);
        } catch (SshWire.FormatException e) {
            throw new InvalidSignatureException(Reason.MALFORMED, "SSH signature: " + e.getMessage());
        }
    }

    /**
     * Verifies an armored signature over {@code message} in {@code namespace} and returns the signer's key.
     * Whether that key is trusted is a separate question: see {@link AllowedSigners}.
     *
     * @throws InvalidSignatureException with the precise {@link Reason} when it does not verify
     */
    public static SshPublicKey verify(byte[] message, String armored, String namespace) {
        Parsed p = parse(armored);
        if (!p.namespace().equals(namespace)) {
            throw new InvalidSignatureException(Reason.WRONG_NAMESPACE,
                    "signature is for namespace '" + p.namespace() + "', expected '" + namespace + "'");
        }
        if (!HASHES.contains(p.hashAlgorithm())) {
            throw new InvalidSignatureException(Reason.UNSUPPORTED_HASH, "unsupported signature hash algorithm '" + p.hashAlgorithm() + "'");
        }
        if (!checkSignature(p.publicKey(), signedData(namespace, p.hashAlgorithm(), message), p.signature())) {
            throw new InvalidSignatureException(Reason.BAD_SIGNATURE,
                    "signature by " + p.publicKey().fingerprint() + " does not match the signed data");
        }
        return p.publicKey();
    }

    static byte[] signedData(String namespace, String hash, byte[] message) {
        try {
            byte[] h = MessageDigest.getInstance(hash.equals("sha512") ? "SHA-512" : "SHA-256").digest(message);
            return new SshWire.Writer().raw(MAGIC).string(namespace).string("").string(hash).string(h).toBytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean checkSignature(SshPublicKey key, byte[] data, byte[] sigBlob) {
        PublicKey jdkKey;
        try {
            jdkKey = key.toJavaKey();
        } catch (BadInputException e) {
            throw new InvalidSignatureException(Reason.UNSUPPORTED_KEY_TYPE, "signature key: " + e.getMessage());
        }
        try {
            SshWire.Reader r = new SshWire.Reader(sigBlob);
            String alg = r.utf8();
            byte[] raw = r.string();
            r.expectEnd("signature");
            String jdkAlg;
            if (key.type().equals(SshPublicKey.ED25519) && alg.equals(SshPublicKey.ED25519)) {
                jdkAlg = "Ed25519";
            } else if (key.type().equals(SshPublicKey.RSA) && alg.equals("rsa-sha2-512")) {
                jdkAlg = "SHA512withRSA";
            } else if (key.type().equals(SshPublicKey.RSA) && alg.equals("rsa-sha2-256")) {
                jdkAlg = "SHA256withRSA";
            } else if (key.type().startsWith("ecdsa-sha2-nistp") && alg.equals(key.type())) {
                jdkAlg = ecdsaAlgorithm(alg) + "inP1363Format";
                raw = toP1363(raw, (((java.security.interfaces.ECPublicKey) jdkKey).getParams().getCurve().getField().getFieldSize() + 7) / 8);
            } else {
                throw new InvalidSignatureException(Reason.UNSUPPORTED_KEY_TYPE,
                        "unsupported signature algorithm '" + alg + "' for key type '" + key.type() + "'");
            }
            Signature s = Signature.getInstance(jdkAlg);
            s.initVerify(jdkKey);
            s.update(data);
            return s.verify(raw);
        } catch (SshWire.FormatException | GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String ecdsaAlgorithm(String type) {
        return switch (type) {
            case "ecdsa-sha2-nistp256" -> "SHA256withECDSA";
            case "ecdsa-sha2-nistp384" -> "SHA384withECDSA";
            case "ecdsa-sha2-nistp521" -> "SHA512withECDSA";
            default -> throw new InvalidSignatureException(Reason.UNSUPPORTED_KEY_TYPE, "unsupported key type '" + type + "'");
        };
    }

    private static byte[] toP1363(byte[] rs, int len) throws SshWire.FormatException {
        SshWire.Reader r = new SshWire.Reader(rs);
        BigInteger sigR = r.mpint();
        BigInteger sigS = r.mpint();
        byte[] out = new byte[2 * len];
        put(sigR, out, 0, len);
        put(sigS, out, len, len);
        return out;
    }

    private static void put(BigInteger v, byte[] out, int off, int len) throws SshWire.FormatException {
        byte[] b = v.toByteArray();
        int start = 0;
        // mpint may carry a leading zero byte (sign); any other excess means a value too large for the curve.
        while (b.length - start > len) {
            if (b[start++] != 0) {
                throw new SshWire.FormatException("bad ECDSA signature value");
            }
        }
        if (v.signum() < 0) {
            throw new SshWire.FormatException("bad ECDSA signature value");
        }
        System.arraycopy(b, start, out, off + len - (b.length - start), b.length - start);
    }
}
