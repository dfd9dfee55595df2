package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads OpenSSH key files: unencrypted {@code openssh-key-v1} private keys (ssh-ed25519, ssh-rsa,
 * ecdsa-sha2-nistp*) and one-line public keys. Messages never include key material, only paths,
 * types and fingerprints.
 */
public final class OpenSshKeys {
    private static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] AUTH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private OpenSshKeys() {
    }

    /** Reads a private key file such as {@code ~/.ssh/id_ed25519}. */
    public static SshPrivateKey readPrivateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new BadInputException("cannot read private key " + file + ": " + e.getMessage());
        }
        try {
            return parsePrivateKey(text);
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }

    /** Parses the text of an OpenSSH private key file. */
    public static SshPrivateKey parsePrivateKey(String text) {
        String t = text.strip();
        if (!t.startsWith(BEGIN) || !t.endsWith(END)) {
            if (t.startsWith("ssh-") || t.startsWith("ecdsa-")) {
                throw new BadInputException("this is a public key; pass the private key file (without .pub)");
            }
            if (t.startsWith("-----BEGIN")) {
                throw new BadInputException("unsupported private key format; convert it with 'ssh-keygen -p -f KEY' (writes the OpenSSH format)");
            }
            throw new BadInputException("not an OpenSSH private key");
        }
        byte[] data = null;
        byte[] section = null;
        try {
            String body = t.substring(BEGIN.length(), t.length() - END.length()).replaceAll("\\s", "");
            data = Base64.getDecoder().decode(body);
            if (data.length < AUTH_MAGIC.length || !Arrays.equals(Arrays.copyOf(data, AUTH_MAGIC.length), AUTH_MAGIC)) {
                throw new BadInputException("not an openssh-key-v1 private key");
            }
            SshWire.Reader r = new SshWire.Reader(Arrays.copyOfRange(data, AUTH_MAGIC.length, data.length));
            String cipher = r.utf8();
            String kdf = r.utf8();
            r.string();
            if (!cipher.equals("none") || !kdf.equals("none")) {
                throw new BadInputException("encrypted private keys are not supported; use an unencrypted key or ssh-agent");
            }
            if (r.uint32() != 1) {
                throw new BadInputException("private key files holding several keys are not supported");
            }
            SshPublicKey declared = SshPublicKey.fromBlob(r.string(), "");
            section = r.string();
            return readSection(section, declared);
        } catch (IllegalArgumentException | SshWire.FormatException e) {
            throw new BadInputException("malformed OpenSSH private key (" + e.getMessage() + ")");
        } finally {
            // Best effort: the JDK key object keeps its own copy, but our buffers need not linger.
            if (data != null) {
                Arrays.fill(data, (byte) 0);
            }
            if (section != null) {
                Arrays.fill(section, (byte) 0);
            }
        }
    }

    private static SshPrivateKey readSection(byte[] section, SshPublicKey declared) throws SshWire.FormatException {
        SshWire.Reader r = new SshWire.Reader(section);
        if (r.uint32() != r.uint32()) {
            throw new BadInputException("malformed OpenSSH private key (check bytes differ)");
        }
        String type = r.utf8();
        if (!type.equals(declared.type())) {
            throw new BadInputException("malformed OpenSSH private key (key types differ)");
        }
        PrivateKey key;
        SshWire.Writer pub = new SshWire.Writer().string(type);
        try {
            if (type.equals(SshPublicKey.ED25519)) {
                byte[] a = r.string();
                byte[] seedAndPub = r.string();
                if (a.length != 32 || seedAndPub.length != 64) {
                    throw new SshWire.FormatException("bad ed25519 key lengths");
                }
                if (!Arrays.equals(a, Arrays.copyOfRange(seedAndPub, 32, 64))) {
                    throw new BadInputException("malformed OpenSSH private key (public and private halves differ)");
                }
                byte[] seed = Arrays.copyOf(seedAndPub, 32);
                key = KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
                Arrays.fill(seed, (byte) 0);
                Arrays.fill(seedAndPub, (byte) 0);
                pub.string(a);
            } else if (type.equals(SshPublicKey.RSA)) {
                BigInteger n = r.mpint(), e = r.mpint(), d = r.mpint(), iqmp = r.mpint(), p = r.mpint(), q = r.mpint();
                key = KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q,
                        d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), iqmp));
                pub.mpint(e).mpint(n);
            } else if (type.startsWith("ecdsa-sha2-nistp")) {
                String curve = r.utf8();
                byte[] q = r.string();
                BigInteger d = r.mpint();
                key = KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, SshPublicKey.ecParams(curve)));
                pub.string(curve).string(q);
            } else {
                throw new BadInputException("unsupported private key type '" + type + "' (supported: ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256/384/521)");
            }
        } catch (GeneralSecurityException e) {
            throw new BadInputException("malformed " + type + " private key");
        }
        String comment = r.utf8();
        SshPublicKey publicKey = SshPublicKey.fromBlob(pub.toBytes(), comment);
        if (!publicKey.equals(declared)) {
            throw new BadInputException("malformed OpenSSH private key (public and private halves differ)");
        }
        // The rest is padding 1, 2, 3, …; anything else means a damaged file.
        for (int i = 1; r.remaining() > 0; i++) {
            if ((r.raw(1)[0] & 0xff) != i) {
                throw new BadInputException("malformed OpenSSH private key (bad padding)");
            }
        }
        SshPrivateKey result = new SshPrivateKey(key, publicKey);
        // A damaged private half would otherwise make signatures that silently fail to verify later.
        byte[] probe = "claimcheck key check".getBytes(StandardCharsets.US_ASCII);
        try {
            SshSignature.verify(probe, SshSignature.sign(probe, result), SshSignature.NAMESPACE);
        } catch (InvalidSignatureException e) {
            throw new BadInputException("malformed OpenSSH private key (it does not match its public key)");
        }
        return result;
    }

    /** Reads a one-line public key file such as {@code id_ed25519.pub}. */
    public static SshPublicKey readPublicKey(Path file) {
        try {
            return SshPublicKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException("cannot read public key " + file + ": " + e.getMessage());
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }
}
