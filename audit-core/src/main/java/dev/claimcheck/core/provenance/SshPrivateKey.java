package dev.claimcheck.core.provenance;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Objects;

/**
 * A private key read by {@link OpenSshKeys}, able to make SSH signatures. Deliberately not a record:
 * {@link #toString()} shows only the public half, so the key cannot leak through logs or exceptions.
 */
public final class SshPrivateKey {
    private final PrivateKey key;
    private final SshPublicKey publicKey;

    SshPrivateKey(PrivateKey key, SshPublicKey publicKey) {
        this.key = Objects.requireNonNull(key);
        this.publicKey = Objects.requireNonNull(publicKey);
    }

    /** The matching public key (with the comment stored in the private key file). */
    public SshPublicKey publicKey() {
        return publicKey;
    }

    /**
     * Signs {@code data} and returns the SSH signature blob ({@code string algorithm, string signature}).
     * RSA keys sign with rsa-sha2-512, as {@code ssh-keygen -Y sign} does.
     */
    byte[] sign(byte[] data) {
        try {
            String type = publicKey.type();
            if (type.equals(SshPublicKey.ED25519)) {
                return new SshWire.Writer().string(type).string(jdkSign("Ed25519", data)).toBytes();
            }
            if (type.equals(SshPublicKey.RSA)) {
                return new SshWire.Writer().string("rsa-sha2-512").string(jdkSign("SHA512withRSA", data)).toBytes();
            }
            // ECDSA: SSH wants (mpint r, mpint s); the P1363 form gives r||s of fixed length.
            byte[] rs = jdkSign(SshSignature.ecdsaAlgorithm(type) + "inP1363Format", data);
            int half = rs.length / 2;
            byte[] inner = new SshWire.Writer()
                    .mpint(new BigInteger(1, Arrays.copyOfRange(rs, 0, half)))
                    .mpint(new BigInteger(1, Arrays.copyOfRange(rs, half, rs.length))).toBytes();
            return new SshWire.Writer().string(type).string(inner).toBytes();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + publicKey + " failed: " + e.getMessage(), e);
        }
    }

    private byte[] jdkSign(String algorithm, byte[] data) throws GeneralSecurityException {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    @Override
    public String toString() {
        return "SshPrivateKey[" + publicKey + "]";
    }
}
