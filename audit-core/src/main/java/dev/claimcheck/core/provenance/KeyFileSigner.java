package dev.claimcheck.core.provenance;

import dev.claimcheck.core.BadInputException;
import java.security.KeyPair;
import java.util.Objects;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/** A private key file's key pair, as Apache MINA sshd decoded it; signs with sshd's signature of the key's type. */
public final class KeyFileSigner implements SigningKey {
    private final KeyPair pair;
    private final SshPublicKey publicKey;

    KeyFileSigner(KeyPair pair, SshPublicKey publicKey) {
        this.pair = Objects.requireNonNull(pair);
        this.publicKey = Objects.requireNonNull(publicKey);
    }

    @Override
    public SshPublicKey publicKey() {
        return publicKey;
    }

    @Override
    public byte[] sign(byte[] data) {
        String algorithm = SigningKey.algorithm(publicKey.type());
        NamedFactory<Signature> factory = BuiltinSignatures.fromFactoryName(algorithm);
        if (factory == null) {
            throw new BadInputException("unsupported key type '" + publicKey.type() + "' for signing");
        }
        try {
            Signature signature = factory.create();
            signature.initSigner(null, pair.getPrivate());
            signature.update(null, data);
            // sshd returns the signature as SSH puts it on the wire (ECDSA: mpint r, mpint s), without the algorithm.
            return new SshWire.Writer().string(algorithm).string(signature.sign(null)).toBytes();
        } catch (Exception e) {
            throw new IllegalStateException("signing with " + publicKey.fingerprint() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "KeyFileSigner[" + publicKey + "]";
    }
}
