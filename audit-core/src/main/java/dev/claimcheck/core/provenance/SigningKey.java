package dev.claimcheck.core.provenance;

/**
 * A key that can make SSH signatures: a private key file read by Apache MINA sshd ({@link KeyFileSigner}) or a key
 * held by ssh-agent ({@link AgentSigner}); {@link SigningKeys} picks one (docs/signing.md). The SSHSIG framing around
 * the signature is {@link SshSignature}'s. {@code toString()} shows only the public half.
 */
public sealed interface SigningKey permits KeyFileSigner, AgentSigner {
    /** The matching public key. */
    SshPublicKey publicKey();

    /**
     * Signs {@code data}; returns the SSH signature blob ({@code string algorithm, string signature}). RSA keys sign
     * with rsa-sha2-512, as {@code ssh-keygen -Y sign} does.
     */
    byte[] sign(byte[] data);

    /** The signature algorithm for a key type: rsa-sha2-512 for RSA keys, the key type otherwise. */
    static String algorithm(String keyType) {
        return keyType.equals(SshPublicKey.RSA) ? "rsa-sha2-512" : keyType;
    }
}
